// Proxy probe: streams the request body through SHA-256 without buffering, so tests can prove a
// proxy forwarded a multi-gigabyte (or tus PATCH) body byte for byte.
import { digestBody } from '../read-body';
import { sendJson } from '../respond';
import type { RouteContext } from './context';

export async function handleUpload({ req, res }: RouteContext): Promise<void> {
  sendJson(res, 200, await digestBody(req));
}
