import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { copyResponseHeaders } from './hop-by-hop';
import { isConnectError, type UpstreamBalancer, type UpstreamServer } from './upstream-balancer';

export interface ForwardRequestInput {
  balancer: UpstreamBalancer;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Encoded path and query, as the upstream receives them. */
  target: string;
  /** Everything but Host. */
  headers: Record<string, string | string[]>;
  /** The client's Host when it is preserved; null sends each server its own. */
  preservedHost: string | null;
  agentCookies: readonly string[];
  /** No answer was sent and no server could be reached: the caller sends a 502 page. */
  onUnreachable(error: Error): void;
  onResponseStart(seconds: number): void;
  onBrokenResponse(error: Error): void;
}

/**
 * Streams the request to an upstream server and the response back, chunk by chunk with
 * backpressure both ways (undici pauses reading the client while the upstream is slow, and we
 * pause the upstream while the client is), so a multi-gigabyte body costs no more memory than a
 * small one. A server that refuses the connection is marked down and the next one is tried, as
 * long as none of the request body has been read yet.
 */
export function forwardRequest(input: ForwardRequestInput): void {
  const { req } = input;
  const hasBody =
    req.headers['content-length'] !== undefined
      ? req.headers['content-length'] !== '0'
      : req.headers['transfer-encoding'] !== undefined;
  const candidates = input.balancer.order(Date.now());
  attempt(input, candidates, 0, hasBody);
}

function attempt(
  input: ForwardRequestInput,
  candidates: UpstreamServer[],
  index: number,
  hasBody: boolean,
): void {
  const server = candidates[index] as UpstreamServer;
  const { res, balancer } = input;
  const startedAt = performance.now();
  let controller: Dispatcher.DispatchController | null = null;
  let responding = false;

  const onClientGone = () => {
    if (!res.writableFinished) controller?.abort(new Error('the client went away'));
  };
  const onDrain = () => controller?.resume();
  res.once('close', onClientGone);
  res.on('drain', onDrain);

  const handler: Dispatcher.DispatchHandler = {
    onRequestStart(started) {
      controller = started;
      if (res.destroyed) started.abort(new Error('the client went away'));
    },
    onResponseStart(_controller, statusCode, headers) {
      if (statusCode < 200) return; // 1xx informational: Node answers 100-continue itself.
      responding = true;
      balancer.markHealthy(server);
      input.onResponseStart((performance.now() - startedAt) / 1000);
      res.writeHead(statusCode, copyResponseHeaders(headers, input.agentCookies));
    },
    onResponseData(active, chunk) {
      if (!res.write(chunk)) active.pause();
    },
    onResponseEnd() {
      res.off('drain', onDrain);
      res.end();
    },
    onResponseError(_controller, error) {
      res.off('close', onClientGone);
      res.off('drain', onDrain);
      if (responding) {
        input.onBrokenResponse(error);
        res.destroy(error);
        return;
      }
      if (isConnectError(error)) {
        balancer.markFailed(server, Date.now());
        const untouched = !hasBody || !input.req.readableDidRead;
        if (untouched && index + 1 < candidates.length && !res.destroyed) {
          attempt(input, candidates, index + 1, hasBody);
          return;
        }
      }
      if (res.destroyed) return;
      input.onUnreachable(error);
    },
  };

  server.pool.dispatch(
    {
      origin: server.url.origin,
      path: `${server.basePath}${input.target}`,
      method: input.method,
      headers: { ...input.headers, host: input.preservedHost ?? server.host },
      body: hasBody ? input.req : null,
    },
    handler,
  );
}
