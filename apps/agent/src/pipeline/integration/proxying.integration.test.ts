import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { CookieJar } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ACCEPT, browse, signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
let jar: CookieJar;
beforeAll(async () => {
  stack = await startTestStack();
  ({ jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com'));
});
afterAll(() => stack.close());

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(256 * 1024, 7);

/** Streams `bytes` of generated data as the body; never holds more than one chunk. */
function upload(
  path: string,
  bytes: number,
  method = 'POST',
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(stack.agent.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method,
        headers: {
          cookie: jar.cookieHeaderFor(stack.agent.url) ?? '',
          'content-type': 'application/offset+octet-stream',
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    Readable.from(
      (function* generate() {
        for (let sent = 0; sent < bytes; sent += CHUNK.length)
          yield CHUNK.subarray(0, Math.min(CHUNK.length, bytes - sent));
      })(),
    ).pipe(req);
  });
}

function expectedDigest(bytes: number): string {
  const hash = createHash('sha256');
  for (let sent = 0; sent < bytes; sent += CHUNK.length)
    hash.update(CHUNK.subarray(0, Math.min(CHUNK.length, bytes - sent)));
  return hash.digest('hex');
}

describe('proxying', () => {
  it('streams a 100 MB upload through with the memory staying flat', async () => {
    const size = 100 * MB;
    // Warm up first: sockets, pools and the heap's young generation reach their working size.
    await upload('/upload', 32 * MB);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const { status, body } = await upload('/upload', size);
    clearInterval(sampler);
    expect(status, body).toBe(200);
    expect(JSON.parse(body)).toEqual({ bytes: size, sha256: expectedDigest(size) });
    // Buffering the body anywhere would cost at least its 100 MB.
    expect(peak - before).toBeLessThan(40 * MB);
  });

  it('streams a download, every byte in order', async () => {
    const response = await browse(jar, `${stack.agent.url}/bytes/5000000`);
    expect(response.status).toBe(200);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.byteLength).toBe(5_000_000);
    // The demo upstream sends byte k as k % 256.
    expect(body.findIndex((byte, index) => byte !== index % 256)).toBe(-1);
  });

  it('answers with the request id it gave the upstream', async () => {
    const response = await browse(jar, `${stack.agent.url}/whoami?format=json`);
    const whoami = (await response.json()) as { headers: Record<string, string[]> };
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(whoami.headers['x-request-id']).toEqual([response.headers.get('x-request-id')]);
  });

  it('forwards tus PATCH, HEAD and OPTIONS with their headers', async () => {
    const patch = await upload('/upload', 1000, 'PATCH');
    expect(JSON.parse(patch.body)).toMatchObject({ bytes: 1000 });

    const head = await browse(jar, `${stack.agent.url}/bytes/1234`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1234');

    const options = await browse(jar, `${stack.agent.url}/upload`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toContain('PATCH');

    const whoami = (await (
      await browse(jar, `${stack.agent.url}/files/1?format=json`, {
        method: 'PATCH',
        headers: {
          'tus-resumable': '1.0.0',
          'upload-offset': '10',
          'content-type': 'application/offset+octet-stream',
        },
        body: 'x'.repeat(10),
      })
    ).json()) as { method: string; headers: Record<string, string[]> };
    expect(whoami.method).toBe('PATCH');
    expect(whoami.headers['tus-resumable']).toEqual(['1.0.0']);
    expect(whoami.headers['upload-offset']).toEqual(['10']);
  });
});

describe('several upstream servers', () => {
  async function findClosedPortUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
  }

  it('skips a dead server', async () => {
    const dead = await findClosedPortUrl();
    await stack.reapply({ upstreamServers: [dead, stack.upstream.url, dead] });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await browse(jar, `${stack.agent.url}/whoami?format=json`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const upload100k = await upload('/upload', 100_000);
    expect(JSON.parse(upload100k.body)).toMatchObject({ bytes: 100_000 });
  });

  it('answers a 502 page naming the application when none answers', async () => {
    await stack.reapply({ upstreamServers: [await findClosedPortUrl()] });
    const response = await browse(jar, `${stack.agent.url}/whoami`);
    expect(response.status).toBe(502);
    const page = await response.text();
    expect(page).toContain('CVAT is not answering');
    expect(page).toContain(response.headers.get('x-request-id') ?? 'missing');
    await stack.reapply({ upstreamServers: [stack.upstream.url] });
  });

  it('preserves the client Host when the application asks', async () => {
    await stack.reapply({ preserveHost: true, upstreamServers: [stack.upstream.url] });
    const response = await fetch(`${stack.agent.url}/whoami?format=json`, {
      headers: { accept: BROWSER_ACCEPT, cookie: jar.cookieHeaderFor(stack.agent.url) ?? '' },
    });
    const whoami = (await response.json()) as { headers: Record<string, string[]> };
    expect(whoami.headers.host).toEqual([new URL(stack.agent.url).host]);
    await stack.reapply({ preserveHost: false });
  });
});
