import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;
const ids = new WeakMap<IncomingMessage, string>();

/**
 * The id under which a request is logged, shown on error pages and sent upstream as
 * `X-Request-Id`. A well-formed id from a load balancer in front is kept so one id follows the
 * request end to end; anything else is replaced.
 */
export function ensureRequestId(req: IncomingMessage): string {
  let id = ids.get(req);
  if (id === undefined) {
    const incoming = req.headers['x-request-id'];
    id = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    ids.set(req, id);
  }
  return id;
}
