import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from '../server';
import { UPSTREAM_COOKIES } from './set-cookie';

let upstream: DemoUpstream;
beforeAll(async () => {
  upstream = await startDemoUpstream();
});
afterAll(() => upstream.close());

// Writes the chunks one by one with chunked transfer encoding, waiting for 'drain' as a
// streaming client would, so the server sees a body that arrives over time.
function uploadChunks(method: string, chunks: Buffer[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const upload = request(`${upstream.url}/upload`, { method }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
    });
    upload.on('error', reject);
    void (async () => {
      for (const chunk of chunks) {
        if (!upload.write(chunk)) await new Promise((drained) => upload.once('drain', drained));
      }
      upload.end();
    })();
  });
}

describe('proxy probes', () => {
  it('counts bytes and SHA-256 of a streamed upload, for POST, PUT and PATCH', async () => {
    const chunks = Array.from({ length: 64 }, (_, index) => randomBytes(1000 + index * 997));
    const whole = Buffer.concat(chunks);
    const expected = {
      bytes: whole.length,
      sha256: createHash('sha256').update(whole).digest('hex'),
    };
    for (const method of ['POST', 'PUT', 'PATCH']) {
      expect(await uploadChunks(method, chunks), method).toEqual(expected);
    }
  });

  it('counts an empty upload as zero bytes', async () => {
    const response = await fetch(`${upstream.url}/upload`, { method: 'POST' });
    expect(await response.json()).toEqual({
      bytes: 0,
      sha256: createHash('sha256').digest('hex'),
    });
  });

  it('answers exactly n bytes of the k % 256 pattern from /bytes/n', async () => {
    for (const size of [1024, 100 * 1024]) {
      const response = await fetch(`${upstream.url}/bytes/${size}`);
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-length')).toBe(String(size));
      expect(body.length).toBe(size);
      expect(body.every((byte, index) => byte === index % 256)).toBe(true);
    }
  });

  it('refuses a size that is not a whole number or exceeds the cap', async () => {
    for (const path of ['/bytes/abc', '/bytes/-1', `/bytes/${1024 ** 3 + 1}`]) {
      expect((await fetch(`${upstream.url}${path}`)).status, path).toBe(400);
    }
  });

  it('answers HEAD /bytes/n with its length and no body', async () => {
    const response = await fetch(`${upstream.url}/bytes/500000`, { method: 'HEAD' });
    expect(response.headers.get('content-length')).toBe('500000');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('sets two cookies as two separate Set-Cookie fields', async () => {
    const response = await fetch(`${upstream.url}/set-cookie`);
    expect(response.headers.getSetCookie()).toEqual([...UPSTREAM_COOKIES]);
  });

  it('answers OPTIONS with the methods a path allows, and 405 for others', async () => {
    const options = await fetch(`${upstream.url}/upload`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST, PUT, PATCH, OPTIONS');
    const wrongMethod = await fetch(`${upstream.url}/upload`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, PUT, PATCH, OPTIONS');
  });

  it('keeps the connection alive between requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const reused: boolean[] = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await new Promise<void>((resolve, reject) => {
        const probe = request(`${upstream.url}/bytes/16`, { agent }, (response) => {
          response.resume();
          response.on('end', resolve);
        });
        probe.on('error', reject);
        reused.push(probe.reusedSocket);
        probe.end();
      });
    }
    agent.destroy();
    expect(reused).toEqual([false, true]);
  });
});
