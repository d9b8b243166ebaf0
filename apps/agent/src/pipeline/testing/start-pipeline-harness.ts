import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import type { TAgentConfig } from '@gatehouse/contract';
import { createLogger } from '../../observability/logger';
import { createAgentMetrics, type AgentMetrics } from '../../observability/metrics';
import { createCompileConfig } from '../../runtime/compile-config';
import type { CompiledConfig } from '../../runtime/compiled-config';

export interface PipelineHarness {
  /** `http://127.0.0.1:<port>`: use it as the application URL. */
  url: string;
  metrics: AgentMetrics;
  /** Compiles `config` and serves its first application (or the one whose host matches). */
  apply(config: TAgentConfig): Promise<CompiledConfig>;
  close(): Promise<void>;
}

export interface PipelineHarnessOptions {
  redis?: Redis;
  redisSessionCacheMilliseconds?: number;
}

/**
 * The pipeline on a real http.Server on 127.0.0.1, without the control side: listen first (the
 * application URL must name the bound port), then `apply` a configuration built with `url`.
 * LOG_LEVEL=debug shows the agent's logs while a test runs.
 */
export async function startPipelineHarness(
  options: PipelineHarnessOptions = {},
): Promise<PipelineHarness> {
  const logger = createLogger(readLogLevel());
  const metrics = createAgentMetrics();
  const compile = createCompileConfig({ logger, metrics, ...options });
  let current: CompiledConfig | null = null;

  const pick = (req: IncomingMessage) => {
    const applications = current?.applications ?? [];
    const host = req.headers.host?.toLowerCase();
    return applications.find((app) => app.host === host) ?? applications[0];
  };
  const server = createServer(
    { requestTimeout: 0 },
    (req: IncomingMessage, res: ServerResponse) => {
      const app = pick(req);
      if (app) app.handleRequest(req, res);
      else res.writeHead(503).end('no configuration applied\n');
    },
  );
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    socket.on('error', () => undefined);
    const app = pick(req);
    if (app) app.handleUpgrade(req, socket, head);
    else socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    metrics,
    async apply(config) {
      const compiled = await compile(config);
      const previous = current;
      current = compiled;
      await previous?.dispose();
      return compiled;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await current?.dispose();
    },
  };
}

function readLogLevel(): string {
  // eslint-disable-next-line no-restricted-properties -- test-only switch, documented above
  return process.env.LOG_LEVEL ?? 'silent';
}
