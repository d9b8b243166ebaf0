// The pool alone, not undici's index: the index also loads fetch, WebSocket, caches and mock
// agents, about 6 MB of memory in every worker that the proxy never uses (measured idle, PSS).
// undici has no "exports" map, so the path is public to Node; a move in an undici update fails
// every agent test at import, not silently.
import Pool from 'undici/lib/dispatcher/pool.js';

export interface UpstreamServer {
  readonly url: URL;
  /** The Host header the server expects when the client's is not preserved. */
  readonly host: string;
  /** A path the upstream URL carries (`http://svc/base`), without its trailing slash. */
  readonly basePath: string;
  readonly pool: Pool;
  /** Epoch ms until which the server is skipped; 0 when healthy. */
  downUntil: number;
  failures: number;
}

export interface UpstreamBalancer {
  readonly servers: readonly UpstreamServer[];
  /** Servers to try, in order: the healthy ones round robin, then those marked down. */
  order(nowMs: number): UpstreamServer[];
  /** Passive health: a server that refused a connection is skipped for a while. */
  markFailed(server: UpstreamServer, nowMs: number): void;
  markHealthy(server: UpstreamServer): void;
  close(): Promise<void>;
}

const FIRST_COOLDOWN_MS = 2_000;
const MAX_COOLDOWN_MS = 30_000;

export function createUpstreamBalancer(urls: readonly string[]): UpstreamBalancer {
  const servers: UpstreamServer[] = urls.map((raw) => {
    const url = new URL(raw);
    return {
      url,
      host: url.host,
      basePath: url.pathname.replace(/\/+$/, ''),
      pool: new Pool(url.origin, {
        // Multi-gigabyte uploads and slow exports: wait for headers as long as nginx would
        // (proxy_read_timeout-like), and allow long silences mid-body.
        headersTimeout: 300_000,
        bodyTimeout: 300_000,
        keepAliveTimeout: 30_000,
      }),
      downUntil: 0,
      failures: 0,
    };
  });
  let next = 0;

  return {
    servers,
    order(nowMs) {
      if (servers.length === 1) return servers;
      const start = next;
      next = (next + 1) % servers.length;
      const healthy: UpstreamServer[] = [];
      const down: UpstreamServer[] = [];
      for (let offset = 0; offset < servers.length; offset += 1) {
        const server = servers[(start + offset) % servers.length] as UpstreamServer;
        (server.downUntil > nowMs ? down : healthy).push(server);
      }
      // Still try the ones marked down last: skipping every server would turn a blip into an outage.
      down.sort((a, b) => a.downUntil - b.downUntil);
      return healthy.concat(down);
    },
    markFailed(server, nowMs) {
      server.failures += 1;
      const cooldown = Math.min(MAX_COOLDOWN_MS, FIRST_COOLDOWN_MS * 2 ** (server.failures - 1));
      server.downUntil = nowMs + cooldown;
    },
    markHealthy(server) {
      server.failures = 0;
      server.downUntil = 0;
    },
    async close() {
      await Promise.all(servers.map((server) => server.pool.close()));
    },
  };
}

// Errors raised before a single byte of the request reached the server: safe to try another.
const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function isConnectError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code !== undefined && CONNECT_ERRORS.has(code)) return true;
    current = current.cause;
  }
  return false;
}
