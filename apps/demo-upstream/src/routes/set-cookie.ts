// Proxy probe: two upstream cookies a proxy must pass on untouched, as two separate Set-Cookie
// fields. The Expires date contains a comma, which breaks proxies that fold Set-Cookie into one
// comma-joined field (RFC 6265 §3 forbids folding it).
import { sendJson } from '../respond';
import type { RouteContext } from './context';

export const UPSTREAM_COOKIES = [
  'demo_upstream_session=upstream-session-value; Path=/; HttpOnly; SameSite=Lax',
  'demo_upstream_theme=dark; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
] as const;

export function handleSetCookie({ res }: RouteContext): Promise<void> {
  sendJson(res, 200, { setCookie: UPSTREAM_COOKIES }, { 'set-cookie': [...UPSTREAM_COOKIES] });
  return Promise.resolve();
}
