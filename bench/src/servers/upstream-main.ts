// The plain upstream, run as its own process: a bare node:http server, so "direct" is the
// fairest ceiling (no framework, no routing). GET answers `…/1k` with 1 KB and `…/100k` with
// 100 KB from buffers allocated once; any other method drains the body and answers its size.
// It echoes X-Email back as X-Seen-Email. Prints `listening <port>` once ready.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BODIES = new Map([
  ['1k', Buffer.alloc(1024, 'a')],
  ['100k', Buffer.alloc(100 * 1024, 'b')],
]);
const DEFAULT_BODY = BODIES.get('1k') as Buffer;

const server = createServer((req, res) => {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const url = req.url ?? '/';
    const body = BODIES.get(url.slice(url.lastIndexOf('/') + 1)) ?? DEFAULT_BODY;
    const headers: Record<string, string | string[] | number> = {
      'content-type': 'application/octet-stream',
      'content-length': body.length,
    };
    // Lets the benchmark check, before measuring, that the agent passed an identity.
    const email = req.headers['x-email'];
    if (email !== undefined) headers['x-seen-email'] = email;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  let bytes = 0;
  req.on('data', (chunk: Buffer) => (bytes += chunk.length));
  req.on('end', () => {
    const answer = JSON.stringify({ bytes });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
    res.end(answer);
  });
});
// Longer than any proxy in front keeps an idle connection (nginx 60 s, undici 30 s), so the
// proxies, not the upstream, decide when a pooled connection closes.
server.keepAliveTimeout = 75_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
