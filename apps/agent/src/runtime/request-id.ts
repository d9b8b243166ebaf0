import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;
// Kept on the request itself: a property is cheaper per request than a WeakMap entry, which
// the garbage collector also has to process.
const REQUEST_ID = Symbol('gatehouse.requestId');
type WithRequestId = IncomingMessage & { [REQUEST_ID]?: string };

/**
 * The id under which a request is logged, shown on error pages and sent upstream as
 * `X-Request-Id`. A well-formed id from a load balancer in front is kept so one id follows the
 * request end to end; anything else is replaced.
 */
export function ensureRequestId(req: IncomingMessage): string {
  const tagged = req as WithRequestId;
  let id = tagged[REQUEST_ID];
  if (id === undefined) {
    const incoming = req.headers['x-request-id'];
    id = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    tagged[REQUEST_ID] = id;
  }
  return id;
}
