import { STATUS_CODES, type OutgoingHttpHeaders } from 'node:http';
import type { RequestContext } from './context';
import { limitUnreadBody } from './limit-unread-body';
import { renderPage, type PageContent } from './render-page';

/**
 * Answers a request from the agent itself (a redirect, an error or one of its pages), to an HTTP
 * response or to the raw socket of a refused upgrade, with the cookies the steps queued.
 */
export function sendAnswer(
  ctx: RequestContext,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string,
): void {
  const all: OutgoingHttpHeaders = {
    'cache-control': 'no-store',
    ...headers,
    'content-length': Buffer.byteLength(body),
    'x-request-id': ctx.requestId,
  };
  if (ctx.responseCookies.length > 0) all['set-cookie'] = ctx.responseCookies;
  const { destination } = ctx;
  if (destination.kind === 'response') {
    const { res } = destination;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    limitUnreadBody(ctx.req);
    res.writeHead(status, all);
    res.end(ctx.method === 'HEAD' ? undefined : body);
    return;
  }
  ctx.app.metrics.requests.inc(ctx.app.config.id, status);
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, 'connection: close'];
  for (const [name, value] of Object.entries(all)) {
    for (const item of Array.isArray(value) ? value : [value])
      lines.push(`${name}: ${String(item)}`);
  }
  destination.socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

export function redirect(ctx: RequestContext, location: string): void {
  sendAnswer(
    ctx,
    302,
    { location, 'content-type': 'text/plain; charset=utf-8' },
    `Redirecting to ${location}\n`,
  );
}

/** An agent page, or the same content as JSON for clients that ask for JSON. */
export function sendPage(
  ctx: RequestContext,
  status: number,
  page: Omit<PageContent, 'requestId'>,
): void {
  const content = { ...page, requestId: ctx.requestId };
  if (prefersJson(ctx.req.headers.accept)) {
    sendAnswer(
      ctx,
      status,
      { 'content-type': 'application/json' },
      JSON.stringify({
        error: page.title,
        message: page.message,
        hint: page.hint,
        requestId: ctx.requestId,
      }),
    );
    return;
  }
  sendAnswer(ctx, status, { 'content-type': 'text/html; charset=utf-8' }, renderPage(content));
}

function prefersJson(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** A top-level browser navigation, which may be redirected to sign in; anything else gets 401. */
export function isNavigation(ctx: RequestContext): boolean {
  if (ctx.destination.kind !== 'response') return false;
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return false;
  if (ctx.req.headers['sec-fetch-mode'] === 'navigate') return true;
  return (ctx.req.headers.accept ?? '').includes('text/html');
}
