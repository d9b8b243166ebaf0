import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
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
  /** Everything but Host, as a flat `[name, value, …]` list. */
  headers: string[];
  /** The client's Host when it is preserved; null sends each server its own. */
  preservedHost: string | null;
  agentCookies: readonly string[];
  requestId: string;
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
  server.pool.dispatch(
    {
      origin: server.url.origin,
      path: `${server.basePath}${input.target}`,
      method: input.method,
      // undici may queue these options; each attempt gets its own list with its own Host.
      headers: input.headers.concat('host', input.preservedHost ?? server.host),
      body: hasBody ? input.req : null,
    },
    new ForwardAttempt(input, candidates, index, hasBody),
  );
}

/**
 * One try at one server, as undici's handler. A class rather than closures: this runs for every
 * request, and each named closure would be another allocation (and, under tsx, another
 * defineProperty for its name).
 */
class ForwardAttempt implements Dispatcher.DispatchHandler {
  readonly #startedAt = performance.now();
  #controller: Dispatcher.DispatchController | null = null;
  #responding = false;
  // The last chunk received, written when the next one arrives or with res.end(): a response
  // that fits one chunk (most of them) leaves as headers and body in one write.
  #held: Buffer | null = null;
  #waitingForDrain = false;
  readonly #onClientGone: () => void;
  readonly #onDrain: () => void;

  constructor(
    private readonly input: ForwardRequestInput,
    private readonly candidates: UpstreamServer[],
    private readonly index: number,
    private readonly hasBody: boolean,
  ) {
    this.#onClientGone = this.abortWhenClientGone.bind(this);
    this.#onDrain = this.resumeAfterDrain.bind(this);
    input.res.once('close', this.#onClientGone);
  }

  private abortWhenClientGone(): void {
    if (!this.input.res.writableFinished) {
      this.#controller?.abort(new Error('the client went away'));
    }
  }

  private resumeAfterDrain(): void {
    this.#waitingForDrain = false;
    this.#controller?.resume();
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.input.res.destroyed) controller.abort(new Error('the client went away'));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (statusCode < 200) return; // 1xx informational: Node answers 100-continue itself.
    const { input } = this;
    this.#responding = true;
    input.balancer.markHealthy(this.candidates[this.index] as UpstreamServer);
    input.onResponseStart((performance.now() - this.#startedAt) / 1000);
    input.res.writeHead(
      statusCode,
      copyResponseHeaders(headers, input.agentCookies, input.requestId),
    );
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const previous = this.#held;
    this.#held = chunk;
    // Backpressure: stop reading the upstream until the client has taken what we wrote.
    if (previous !== null && !this.input.res.write(previous) && !this.#waitingForDrain) {
      this.#waitingForDrain = true;
      controller.pause();
      this.input.res.once('drain', this.#onDrain);
    }
  }

  onResponseEnd(): void {
    const { res } = this.input;
    if (this.#waitingForDrain) res.off('drain', this.#onDrain);
    const last = this.#held;
    this.#held = null;
    if (last === null) res.end();
    else res.end(last);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    const { input, candidates, index, hasBody } = this;
    const { res } = input;
    this.#held = null;
    res.off('close', this.#onClientGone);
    if (this.#waitingForDrain) res.off('drain', this.#onDrain);
    if (this.#responding) {
      input.onBrokenResponse(error);
      res.destroy(error);
      return;
    }
    if (isConnectError(error)) {
      input.balancer.markFailed(candidates[index] as UpstreamServer, Date.now());
      const untouched = !hasBody || !input.req.readableDidRead;
      if (untouched && index + 1 < candidates.length && !res.destroyed) {
        attempt(input, candidates, index + 1, hasBody);
        return;
      }
    }
    if (res.destroyed) return;
    input.onUnreachable(error);
  }
}
