import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBareProxy, type BareProxy, type BareProxyKind } from './start-bare-proxy';
import { startUpstream, type Upstream } from './start-upstream';

// The bare proxies are measuring sticks, not products; what they must get right is what the
// benchmark relies on: whole answers, one after another on a kept-alive connection.
function get(
  url: string,
  agent: Agent,
  options: { method?: string; body?: string } = {},
): Promise<{ status: number; bytes: number; socket: object }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: options.method ?? 'GET' }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, socket: req.socket! }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('bare proxies', () => {
  let upstream: Upstream;
  const proxies = new Map<BareProxyKind, BareProxy>();

  beforeAll(async () => {
    upstream = await startUpstream();
    for (const kind of ['undici', 'net'] as const) {
      proxies.set(kind, await startBareProxy(kind, upstream.port, 1));
    }
  }, 60_000);

  afterAll(async () => {
    for (const proxy of proxies.values()) await proxy.process.stop();
    await upstream?.process.stop();
  });

  for (const kind of ['undici', 'net'] as const) {
    it(`${kind}: relays whole answers of both sizes on one kept-alive connection`, async () => {
      const url = proxies.get(kind)!.url;
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const answers = [];
        for (const body of ['1k', '100k', '1k', '100k']) {
          answers.push(await get(`${url}/api/bytes/${body}`, agent));
        }
        expect(answers.map(({ status, bytes }) => [status, bytes])).toEqual([
          [200, 1024],
          [200, 100 * 1024],
          [200, 1024],
          [200, 100 * 1024],
        ]);
        expect(new Set(answers.map((answer) => answer.socket)).size).toBe(1);
      } finally {
        agent.destroy();
      }
    }, 20_000);
  }

  it('net: refuses a request body rather than misframing it', async () => {
    const agent = new Agent({ keepAlive: false });
    const answer = await get(`${proxies.get('net')!.url}/api/upload`, agent, {
      method: 'POST',
      body: 'hello',
    });
    expect(answer.status).toBe(501);
  }, 20_000);
});
