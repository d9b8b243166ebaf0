import type { RequestContext } from '../context';
import { sendAnswer } from '../respond';

/** `<prefix>/jwks.json`: the public keys that verify the JWT attribute-pass assertion. */
export function serveJwks(ctx: RequestContext): void {
  sendAnswer(
    ctx,
    200,
    // Short caching: a rotation is picked up within minutes by upstreams that cache.
    { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
    JSON.stringify(ctx.app.assertionKeys.jwks),
  );
}

/** `<prefix>/healthz`: the agent serves this application (for load balancers in front). */
export function serveHealth(ctx: RequestContext): void {
  sendAnswer(ctx, 200, { 'content-type': 'application/json' }, JSON.stringify({ status: 'ok' }));
}
