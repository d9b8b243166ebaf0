import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../observability/logger';

/** A prom-client Registry, or the primary's view over its own and its workers' metrics. */
export type MetricsSource = Pick<Registry, 'metrics' | 'contentType'>;

export interface AdminServer {
  /** `http://host:port`, with the port actually bound (tests listen on port 0). */
  url: string;
  close(): Promise<void>;
}

/**
 * Probes and metrics on their own port, away from the applications' traffic and rules:
 * `/healthz` answers while the process runs (liveness), `/readyz` only while a valid
 * configuration is applied and its listeners are up (readiness; 503 after the key is revoked),
 * `/metrics` in Prometheus' text format.
 */
export async function startAdminServer(options: {
  port: number;
  /** Undefined listens on every interface, as an orchestrator's probes need. */
  host: string | undefined;
  isReady: () => boolean;
  registry: MetricsSource;
  log: Logger;
}): Promise<AdminServer> {
  const { isReady, registry, log } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'method not allowed');
    if (path === '/healthz') return reply(res, 200, 'ok');
    if (path === '/readyz') {
      return isReady() ? reply(res, 200, 'ready') : reply(res, 503, 'not ready');
    }
    if (path === '/metrics') {
      registry.metrics().then(
        (text) => reply(res, 200, text, registry.contentType),
        (error: unknown) => {
          log.error({ err: error }, 'collecting metrics failed');
          reply(res, 500, 'collecting metrics failed');
        },
      );
      return;
    }
    reply(res, 404, 'not found: try /healthz, /readyz or /metrics');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const displayHost = options.host ?? '127.0.0.1';
  log.info({ port }, 'admin server listening');
  return {
    url: `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function reply(res: ServerResponse, status: number, body: string, type = 'text/plain'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : `${body}${body.endsWith('\n') ? '' : '\n'}`);
}
