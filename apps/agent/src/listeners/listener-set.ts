import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TrafficCounters } from '../observability/traffic-metrics';
import type { Logger } from '../observability/logger';
import type { CompiledConfig } from '../runtime/compiled-config';
import { ensureRequestId } from '../runtime/request-id';
import {
  REVOKED_KEY_PAGE,
  buildUnknownHostPage,
  sendErrorPage,
  writeErrorPageToSocket,
  type ErrorPage,
} from './error-pages';
import { createGeneration, type Generation } from './generation';

/** The application ports: one http.Server per distinct listen port of the applied config. */
export interface ListenerSet {
  /**
   * Opens the ports `compiled` adds, routes new requests to it, closes the ports it drops, and
   * returns the generation it replaced (to dispose once drained). Throws, changing nothing,
   * when a new port cannot be opened.
   */
  apply(compiled: CompiledConfig): Promise<Generation | null>;
  /** From now on every listener answers the revoked-key page. */
  revoke(): void;
  /** A configuration is applied and its ports listen; false after revoke() or close(). */
  isServing(): boolean;
  listeningPorts(): number[];
  /** Stops accepting, waits for in-flight requests to finish. */
  close(): Promise<void>;
}

export function createListenerSet(options: {
  /** Undefined listens on every interface; tests pass 127.0.0.1. */
  host: string | undefined;
  log: Logger;
  metrics: TrafficCounters;
}): ListenerSet {
  const { host, log, metrics } = options;
  const servers = new Map<number, Server>();
  const closing = new Set<Promise<void>>();
  const closingServers = new WeakSet<Server>();
  const upgradedSockets = new Set<Duplex>();
  let current: Generation | null = null;
  let revoked = false;
  let closed = false;

  /** One 'close' listener per request does all the bookkeeping. */
  function onResponseClosed(
    server: Server,
    res: ServerResponse,
    application: string,
    generation: Generation | null,
  ): void {
    res.once('close', () => {
      metrics.requests.inc(application, res.writableFinished ? res.statusCode : 'aborted');
      generation?.finish();
      // server.close() leaves a keep-alive connection open until its idle timeout once its last
      // response is sent; on a closing port, close it as soon as it is idle.
      if (closingServers.has(server)) setImmediate(() => server.closeIdleConnections());
    });
  }

  function handleRequest(
    port: number,
    server: Server,
    req: IncomingMessage,
    res: ServerResponse,
  ): void {
    const generation = current;
    const application = generation?.routesByPort.get(port)?.(req.headers.host);
    if (revoked || !generation || !application) {
      onResponseClosed(server, res, application?.config.id ?? 'unrouted', null);
      res.setHeader('x-request-id', ensureRequestId(req));
      if (revoked) return sendErrorPage(res, REVOKED_KEY_PAGE);
      return sendErrorPage(res, buildUnknownHostPage(req.headers.host ?? '', port));
    }
    generation.start();
    onResponseClosed(server, res, application.config.id, generation);
    try {
      // Every answer the application sends carries X-Request-Id (the pipeline sets it).
      application.handleRequest(req, res);
    } catch (error) {
      const requestId = ensureRequestId(req);
      log.error({ err: error, requestId, application: application.config.id }, 'request failed');
      if (!res.headersSent) {
        res.setHeader('x-request-id', requestId);
        sendErrorPage(res, buildInternalErrorPage(requestId));
      } else res.destroy();
    }
  }

  function handleUpgrade(port: number, req: IncomingMessage, socket: Duplex, head: Buffer) {
    const requestId = ensureRequestId(req);
    // Node leaves an upgraded socket without an error listener; one reset must not crash us.
    socket.on('error', (error) => log.debug({ err: error, requestId }, 'upgraded socket error'));
    const generation = current;
    const application = generation?.routesByPort.get(port)?.(req.headers.host);
    if (revoked) return writeErrorPageToSocket(socket, REVOKED_KEY_PAGE);
    if (!generation || !application) {
      return writeErrorPageToSocket(socket, buildUnknownHostPage(req.headers.host ?? '', port));
    }
    generation.track(socket);
    upgradedSockets.add(socket);
    socket.once('close', () => upgradedSockets.delete(socket));
    try {
      application.handleUpgrade(req, socket, head);
    } catch (error) {
      log.error({ err: error, requestId, application: application.config.id }, 'upgrade failed');
      socket.destroy();
    }
  }

  async function openServer(port: number): Promise<Server> {
    // No overall request deadline: multi-gigabyte uploads (CVAT task data) outlast Node's 300 s
    // default. headersTimeout still bounds clients that never finish their headers.
    const server: Server = createServer({ requestTimeout: 0 }, (req, res) =>
      handleRequest(port, server, req, res),
    );
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      handleUpgrade(port, req, socket, head),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => log.error({ err: error, port }, 'listener failed'));
    return server;
  }

  /** server.close() lets in-flight requests finish; idle keep-alive sockets go at once. */
  function closeServer(server: Server): void {
    closingServers.add(server);
    const done = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    closing.add(done);
    void done.then(() => closing.delete(done));
  }

  return {
    async apply(compiled) {
      if (closed) throw new Error('the listeners are closed');
      const next = createGeneration(compiled);
      const added = [...next.routesByPort.keys()].filter((port) => !servers.has(port));
      const opened = new Map<number, Server>();
      for (const port of added) {
        try {
          opened.set(port, await openServer(port));
        } catch (error) {
          opened.forEach(closeServer);
          const reason = (error as NodeJS.ErrnoException).code ?? String(error);
          throw new Error(`cannot listen on port ${port} (${reason})`, { cause: error });
        }
      }
      opened.forEach((server, port) => servers.set(port, server));

      const previous = current;
      current = next; // The swap: every request from here on is routed by `next`.

      const removed = [...servers.keys()].filter((port) => !next.routesByPort.has(port));
      for (const port of removed) {
        closeServer(servers.get(port) as Server);
        servers.delete(port);
      }
      if (added.length > 0 || removed.length > 0) {
        log.info({ opened: added, closed: removed, ports: [...servers.keys()] }, 'ports changed');
      }
      return previous;
    },
    revoke() {
      revoked = true;
    },
    isServing() {
      return current !== null && !revoked && !closed;
    },
    listeningPorts() {
      return [...servers.keys()];
    },
    async close() {
      closed = true;
      servers.forEach(closeServer);
      servers.clear();
      // A WebSocket has no last response to wait for; its client reconnects to another replica.
      upgradedSockets.forEach((socket) => socket.destroy());
      await Promise.all([...closing]);
    },
  };
}

function buildInternalErrorPage(requestId: string): ErrorPage {
  return {
    status: 500,
    title: 'Something went wrong',
    message:
      `The Gatehouse agent could not handle this request (request id ${requestId}). ` +
      'Try again; if it keeps failing, give the request id to your administrator.',
  };
}
