// The two bare proxies the benchmark measures beside the agent, each its own process with one
// cluster worker per core (as many as the agent runs). Neither authenticates anything: they show
// what the agent's stack costs without the agent, and how far a different core could go.
//
// - `undici`: Node's HTTP server in, undici's Pool.dispatch out, the agent's two parts and its
//   way of using them (flat header lists, one held chunk so a small answer leaves in one write,
//   backpressure), with nothing else.
// - `net`: raw node:net both ways, parsing only the framing this benchmark's GETs and their
//   Content-Length answers use, with backpressure and kept-alive upstream connections. A ceiling
//   to measure against, NOT a proxy to deploy: it validates nothing, has no timeouts, and
//   answers anything else (a request body, a chunked answer) with 501.
//
// Usage: bare-proxy-main.ts <undici|net> <upstream port> <workers>; prints `listening <port>`.
import cluster from 'node:cluster';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { Pool, type Dispatcher } from 'undici';

const [mode, upstreamPortText, workersText] = process.argv.slice(2);
const upstreamPort = Number(upstreamPortText);
const workers = Number(workersText);
if ((mode !== 'undici' && mode !== 'net') || !(upstreamPort > 0) || !(workers > 0)) {
  console.error('usage: bare-proxy-main.ts <undici|net> <upstream port> <workers>');
  process.exit(2);
}
const upstreamHost = `127.0.0.1:${upstreamPort}`;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'host', 'transfer-encoding', 'upgrade']);

if (cluster.isPrimary) {
  let listening = 0;
  for (let index = 0; index < workers; index += 1) {
    cluster.fork().on('message', (message: { port?: number }) => {
      listening += 1;
      // Workers share one port; say it once every worker takes connections.
      if (listening === workers) console.log(`listening ${message.port}`);
    });
  }
  cluster.on('exit', (worker, code) => {
    console.error(`worker ${worker.process.pid} exited with ${code}`);
    process.exit(1);
  });
  process.once('SIGTERM', () => {
    cluster.removeAllListeners('exit');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  const server = mode === 'undici' ? undiciProxy() : netProxy();
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
}

function undiciProxy() {
  const pool = new Pool(`http://${upstreamHost}`, { keepAliveTimeout: 30_000 });
  return createServer((req, res) => {
    const headers: string[] = [];
    const raw = req.rawHeaders;
    for (let index = 0; index < raw.length; index += 2) {
      const name = (raw[index] as string).toLowerCase();
      if (!HOP_BY_HOP.has(name)) headers.push(name, raw[index + 1] as string);
    }
    headers.push('host', upstreamHost, 'x-forwarded-for', req.socket.remoteAddress ?? '');
    let held: Buffer | null = null;
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart() {}, // undici tells its handler styles apart by this method
      onResponseStart(_controller, statusCode, responseHeaders: IncomingHttpHeaders) {
        const out: string[] = [];
        for (const [name, value] of Object.entries(responseHeaders)) {
          if (HOP_BY_HOP.has(name) || value === undefined) continue;
          for (const one of Array.isArray(value) ? value : [value]) out.push(name, one);
        }
        res.writeHead(statusCode, out);
      },
      onResponseData(controller, chunk: Buffer) {
        const previous = held;
        held = chunk;
        if (previous !== null && !res.write(previous)) {
          controller.pause();
          res.once('drain', () => controller.resume());
        }
      },
      onResponseEnd() {
        if (held === null) res.end();
        else res.end(held);
      },
      onResponseError(_controller, error) {
        if (res.headersSent) res.destroy(error);
        else res.writeHead(502).end();
      },
    };
    pool.dispatch(
      { path: req.url ?? '/', method: req.method ?? 'GET', headers, body: null },
      handler,
    );
  });
}

/** One upstream connection, kept alive; `onDone` runs once an answer has been relayed whole. */
interface UpstreamConnection {
  socket: Socket;
  client: Socket | null;
  head: Buffer | null;
  remaining: number;
  onDone: (() => void) | null;
}

function netProxy() {
  const idle: UpstreamConnection[] = [];
  const HEAD_END = Buffer.from('\r\n\r\n');

  const open = (): UpstreamConnection => {
    const connection: UpstreamConnection = {
      socket: connect(upstreamPort, '127.0.0.1'),
      client: null,
      head: null,
      remaining: -1,
      onDone: null,
    };
    connection.socket.setNoDelay(true);
    connection.socket.on('data', (chunk: Buffer) => relay(connection, chunk));
    connection.socket.on('error', () => connection.client?.destroy());
    connection.socket.on('close', () => {
      const at = idle.indexOf(connection);
      if (at !== -1) idle.splice(at, 1);
      if (connection.onDone !== null) connection.client?.destroy();
    });
    return connection;
  };

  const relay = (connection: UpstreamConnection, chunk: Buffer) => {
    const client = connection.client;
    if (client === null) return void connection.socket.destroy(); // bytes nobody asked for
    if (connection.remaining < 0) {
      const head = connection.head === null ? chunk : Buffer.concat([connection.head, chunk]);
      const end = head.indexOf(HEAD_END);
      if (end === -1) return void (connection.head = head);
      connection.head = null;
      const length = /\r\ncontent-length: *(\d+)\r\n/i.exec(head.toString('latin1', 0, end + 2));
      if (length === null) return void answer501(client, connection);
      connection.remaining = Number(length[1]) - (head.length - end - 4);
      forward(connection, client, head);
    } else {
      connection.remaining -= chunk.length;
      forward(connection, client, chunk);
    }
    if (connection.remaining === 0) {
      const done = connection.onDone;
      connection.client = null;
      connection.onDone = null;
      connection.remaining = -1;
      idle.push(connection);
      done?.();
    } else if (connection.remaining < 0) {
      connection.socket.destroy(); // more than the answer said: never reuse it
      client.destroy();
    }
  };

  // Backpressure, as the agent does: stop reading the upstream while the client is behind.
  const forward = (connection: UpstreamConnection, client: Socket, bytes: Buffer) => {
    if (!client.write(bytes)) {
      connection.socket.pause();
      client.once('drain', () => connection.socket.resume());
    }
  };

  const answer501 = (client: Socket, connection?: UpstreamConnection) => {
    connection?.socket.destroy();
    client.end('HTTP/1.1 501 Not Implemented\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  };

  return createNetServer((client) => {
    client.setNoDelay(true);
    client.on('error', () => undefined);
    let pending: Buffer | null = null;
    let busy: UpstreamConnection | null = null;
    const next = () => {
      busy = null;
      if (pending !== null) take(Buffer.alloc(0));
    };
    // An answer cut short leaves its upstream connection mid-message: never reuse it.
    client.on('close', () => busy?.socket.destroy());
    const take = (chunk: Buffer) => {
      pending = pending === null ? chunk : Buffer.concat([pending, chunk]);
      if (busy !== null) return;
      const end = pending.indexOf(HEAD_END);
      if (end === -1) return;
      const lines = pending.toString('latin1', 0, end).split('\r\n');
      pending = end + 4 === pending.length ? null : pending.subarray(end + 4);
      let head = `${lines[0]}\r\nhost: ${upstreamHost}\r\n`;
      for (let index = 1; index < lines.length; index += 1) {
        const line = lines[index] as string;
        const name = line.slice(0, line.indexOf(':')).toLowerCase();
        if (name === 'content-length' || name === 'transfer-encoding') return answer501(client);
        if (!HOP_BY_HOP.has(name)) head += `${line}\r\n`;
      }
      head += `x-forwarded-for: ${client.remoteAddress ?? ''}\r\n\r\n`;
      const connection = idle.pop() ?? open();
      connection.client = client;
      connection.onDone = next;
      busy = connection;
      connection.socket.write(head);
    };
    client.on('data', take);
  });
}
