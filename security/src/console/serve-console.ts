// The console's real route handlers (apps/console/app/api/**/route.ts) behind a plain node:http
// server, standing in for `next start`: the same handlers, the same database code, the same
// agent API, only Next's router replaced by a table of the route files. Building and starting
// Next takes minutes on this machine; this takes a second, and it can be stopped like a crashed
// console and started again on the same port.
import { readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

interface Route {
  pattern: RegExp;
  paramNames: string[];
  /** The route module, imported on its first request (most tests use a handful of routes). */
  load(): Promise<Partial<Record<string, Handler>>>;
}

const APP_DIR = fileURLToPath(new URL('../../../apps/console/app/', import.meta.url));

export interface ConsoleServer {
  /** `http://127.0.0.1:<port>`: agents' CONSOLE_URL. */
  readonly url: string;
  /** Requests answered with a status of 500 or more since start, for assertions. */
  readonly serverErrors: number;
  /** Goes away like a crashed console: stops listening and cuts every open connection. */
  stop(): Promise<void>;
  /** Comes back on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

async function listRoutes(): Promise<Route[]> {
  const apiDir = join(APP_DIR, 'api');
  const files = (await readdir(apiDir, { recursive: true })).filter((file) =>
    file.endsWith('route.ts'),
  );
  const routes: Route[] = [];
  for (const file of files) {
    if (file.includes('[...')) continue; // next-auth's catch-all needs Next itself
    const segments = relative(apiDir, join(apiDir, file)).split(sep).slice(0, -1);
    const paramNames: string[] = [];
    const source = segments
      .map((segment) => {
        const param = /^\[(\w+)\]$/.exec(segment)?.[1];
        if (!param) return segment.replace(/[.*+?^${}()|\\]/g, '\\$&');
        paramNames.push(param);
        return '([^/]+)';
      })
      .join('/');
    let loaded: Promise<Partial<Record<string, Handler>>> | undefined;
    const load = () =>
      (loaded ??= import(/* @vite-ignore */ pathToFileURL(join(apiDir, file)).href).then(
        (module: Record<string, unknown>) => {
          const handlers: Partial<Record<string, Handler>> = {};
          for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
            if (typeof module[method] === 'function') handlers[method] = module[method] as Handler;
          }
          return handlers;
        },
      ));
    routes.push({ pattern: new RegExp(`^/api/${source}$`), paramNames, load });
  }
  return routes;
}

export async function startConsoleServer(options: { publicUrl: string }): Promise<ConsoleServer> {
  const routes = await listRoutes();
  let server: Server | undefined;
  let port = 0;
  let serverErrors = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', options.publicUrl);
    const route = routes.find((candidate) => candidate.pattern.test(url.pathname));
    const handler = (await route?.load())?.[req.method ?? 'GET'];
    if (!route || !handler) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":{"code":"not_found"}}');
      return;
    }
    const match = route.pattern.exec(url.pathname) ?? [];
    const params = Object.fromEntries(
      route.paramNames.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
    );
    const headers = new Headers();
    for (let index = 0; index < req.rawHeaders.length; index += 2) {
      headers.append(req.rawHeaders[index] ?? '', req.rawHeaders[index + 1] ?? '');
    }
    // What Next does for a request that arrives without a proxy in front.
    if (!headers.has('x-forwarded-for'))
      headers.set('x-forwarded-for', req.socket.remoteAddress ?? '');
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? Readable.toWeb(req) : undefined,
      signal: aborted.signal,
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
    const response = await handler(request, { params: Promise.resolve(params) });
    if (response.status >= 500) serverErrors += 1;
    const outgoing: Array<[string, string]> = [];
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') outgoing.push([name, value]);
    });
    for (const cookie of response.headers.getSetCookie()) outgoing.push(['set-cookie', cookie]);
    res.writeHead(response.status, outgoing.flat());
    if (response.body) {
      Readable.fromWeb(response.body as WebReadableStream).pipe(res);
    } else res.end();
  }

  async function start(): Promise<void> {
    const next = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        serverErrors += 1;
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
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
    await closed;
  }

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    get serverErrors() {
      return serverErrors;
    },
    stop,
    start,
    close: stop,
  };
}
