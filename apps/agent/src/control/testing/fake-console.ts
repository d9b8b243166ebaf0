import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { configEtag, ZHeartbeat, type THeartbeat } from '@gatehouse/contract';

/**
 * A stand-in for the console's agent API, exactly as packages/contract and the architecture
 * describe it, until the real console backend lands (then tests should switch to it):
 *
 * - `GET /api/agent/v1/config`, Basic auth → 200 document + `ETag: configEtag(deployment, version)`;
 *   `If-None-Match` equal to the current ETag → 304; `?wait=N` (N ≤ 60) holds such a request
 *   until a newer version is published or N seconds pass (then 304).
 * - `POST /api/agent/v1/heartbeat`, Basic auth, a ZHeartbeat body → 200 `{ latestConfigVersion }`.
 * - A revoked key or wrong credentials → 401 `{ error: { code: "unauthorized", message } }`.
 */
export interface FakeConsole {
  readonly url: string;
  /** Heartbeats received, oldest first. */
  readonly heartbeats: readonly THeartbeat[];
  /** Authorized configuration requests received so far. */
  readonly configPulls: number;
  /** Makes `document` the newest version (it need not be valid: the agent must judge that). */
  publish(document: unknown, version?: number): void;
  revokeKey(): void;
  /** Goes away like a crashed console: stops listening and cuts every open connection. */
  stop(): Promise<void>;
  /** Comes back on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export const MAX_WAIT_SECONDS = 60;

export async function startFakeConsole(options: {
  provisioningKey: string;
  provisioningSecret: string;
  deploymentId: string;
  document: unknown;
}): Promise<FakeConsole> {
  const expectedAuthorization = `Basic ${Buffer.from(
    `${options.provisioningKey}:${options.provisioningSecret}`,
  ).toString('base64')}`;
  const heartbeats: THeartbeat[] = [];
  const waiters = new Set<() => void>();
  let current = { body: JSON.stringify(options.document), version: readVersion(options.document) };
  let revoked = false;
  let configPulls = 0;
  let server: Server | undefined;
  let port = 0;

  const etag = () => configEtag(options.deploymentId, current.version);
  const wakeWaiters = () => {
    for (const wake of [...waiters]) wake();
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://console');
    const authorized = req.headers.authorization === expectedAuthorization;
    if (!authorized || revoked) {
      const message = revoked ? 'provisioning key revoked' : 'invalid provisioning key';
      return sendJson(res, 401, { error: { code: 'unauthorized', message } });
    }
    if (req.method === 'GET' && url.pathname === '/api/agent/v1/config') {
      configPulls += 1;
      const wait = Math.min(Number(url.searchParams.get('wait') ?? 0) || 0, MAX_WAIT_SECONDS);
      if (req.headers['if-none-match'] === etag() && wait > 0) {
        await waitForChange(wait * 1000, req);
        if (revoked) {
          return sendJson(res, 401, {
            error: { code: 'unauthorized', message: 'provisioning key revoked' },
          });
        }
      }
      if (req.headers['if-none-match'] === etag()) {
        res.writeHead(304, { etag: etag() }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', etag: etag() }).end(current.body);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/agent/v1/heartbeat') {
      const parsed = ZHeartbeat.safeParse(JSON.parse(await readBody(req)));
      if (!parsed.success) {
        const message = `invalid heartbeat: ${parsed.error.message}`;
        return sendJson(res, 422, { error: { code: 'invalid', message } });
      }
      heartbeats.push(parsed.data);
      return sendJson(res, 200, { latestConfigVersion: current.version });
    }
    sendJson(res, 404, { error: { code: 'not_found', message: 'no such endpoint' } });
  }

  function waitForChange(ms: number, req: IncomingMessage): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        req.socket.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
      req.socket.once('close', done);
    });
  }

  async function start(): Promise<void> {
    const next = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { error: { code: 'internal', message: String(error) } });
      });
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  }

  async function stop(): Promise<void> {
    const running = server;
    server = undefined;
    if (!running) return;
    const closed = new Promise<void>((resolve) => running.close(() => resolve()));
    running.closeAllConnections();
    wakeWaiters();
    await closed;
  }

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    heartbeats,
    get configPulls() {
      return configPulls;
    },
    publish(document, version = readVersion(document)) {
      current = { body: JSON.stringify(document), version };
      wakeWaiters();
    },
    revokeKey() {
      revoked = true;
      wakeWaiters();
    },
    stop,
    start,
    close: stop,
  };
}

function readVersion(document: unknown): number {
  const version = (document as { version?: unknown } | null)?.version;
  if (typeof version !== 'number') throw new Error('pass the version of a document without one');
  return version;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
