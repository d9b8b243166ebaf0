// Enforces: what reaches the upstream is the normalized path, the stripped client headers, the
// identity the agent vouches for, and X-Forwarded-For/Proto/Host computed by the agent (the
// client's own copies were dropped). Host is the client's only when the application asks.
import { forwardRequest } from '../proxy/forward-request';
import { forwardUpgrade } from '../proxy/forward-upgrade';
import { buildForwardedFor, readForwardedFor } from './client-address';
import type { PipelineStep, RequestContext } from './context';
import { sendPage } from './respond';

/** Pipeline step 8. */
export const forward: PipelineStep = (ctx) => {
  const { app, req, destination } = ctx;
  const headers = ctx.upstreamHeaders;
  headers.push(
    'x-forwarded-for',
    buildForwardedFor(req.socket.remoteAddress, readForwardedFor(req), app.trustedProxies),
    'x-forwarded-proto',
    app.secure ? 'https' : 'http',
    'x-forwarded-host',
    app.host,
    'x-request-id',
    ctx.requestId,
  );
  if (ctx.upstreamCookie !== '') headers.push('cookie', ctx.upstreamCookie);
  const preservedHost = app.config.preserveHost ? (req.headers.host ?? app.host) : null;
  const target = `${ctx.encodedPath}${ctx.search}`;
  const application = app.config.id;

  if (destination.kind === 'upgrade') {
    forwardUpgrade({
      balancer: app.upstreams,
      req,
      socket: destination.socket,
      head: destination.head,
      target,
      headers,
      preservedHost,
      onUnreachable(error) {
        answerUnreachable(ctx, error);
      },
      onSettled(status) {
        app.metrics.requests.inc(application, status);
      },
    });
    return 'done';
  }
  forwardRequest({
    balancer: app.upstreams,
    req,
    res: destination.res,
    method: ctx.method,
    target,
    headers,
    preservedHost,
    agentCookies: ctx.responseCookies,
    requestId: ctx.requestId,
    // Method shorthand, not arrow properties: no named closure is made per request.
    onUnreachable(error) {
      answerUnreachable(ctx, error);
    },
    onResponseStart(seconds) {
      app.upstreamLatency.observe(seconds);
    },
    onBrokenResponse(error) {
      app.logger.warn({ err: error, requestId: ctx.requestId }, 'upstream response broke off');
    },
  });
  return 'done';
};

function answerUnreachable(ctx: RequestContext, error: Error): void {
  ctx.app.logger.error(
    { err: error, requestId: ctx.requestId, application: ctx.app.config.id },
    'upstream unreachable',
  );
  sendPage(ctx, 502, {
    title: `${ctx.app.config.name} is not answering`,
    message: `The access proxy could not reach ${ctx.app.config.name}'s servers.`,
    hint: 'Try again in a minute. If it keeps happening, tell your administrator and mention the request id below.',
  });
}
