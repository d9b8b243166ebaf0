import { afterEach, describe, expect, it } from 'vitest';
import { createUpstreamBalancer, isConnectError, type UpstreamBalancer } from './upstream-balancer';

let balancer: UpstreamBalancer | undefined;
afterEach(async () => {
  await balancer?.close();
  balancer = undefined;
});

const hosts = (order: ReturnType<UpstreamBalancer['order']>) => order.map((server) => server.host);

describe('createUpstreamBalancer', () => {
  it('rotates over the servers', () => {
    const rotating = (balancer = createUpstreamBalancer([
      'http://a:1',
      'http://b:2',
      'http://c:3',
    ]));
    expect(hosts(rotating.order(0))).toEqual(['a:1', 'b:2', 'c:3']);
    expect(hosts(rotating.order(0))).toEqual(['b:2', 'c:3', 'a:1']);
  });

  it('puts a failed server last until its cooldown ends, longer each time it fails again', () => {
    const pair = (balancer = createUpstreamBalancer(['http://a:1', 'http://b:2']));
    const [a] = pair.servers;
    if (!a) throw new Error('no server');
    pair.markFailed(a, 1_000);
    expect(hosts(pair.order(1_500))).toEqual(['b:2', 'a:1']);
    expect(hosts(pair.order(1_500))).toEqual(['b:2', 'a:1']);
    expect(hosts(pair.order(3_000)).sort()).toEqual(['a:1', 'b:2']);
    pair.markFailed(a, 3_000);
    expect(a.downUntil).toBe(7_000);
    pair.markHealthy(a);
    expect(a.downUntil).toBe(0);
  });

  it('keeps a base path the upstream URL carries', () => {
    const based = (balancer = createUpstreamBalancer(['http://svc:8080/base/']));
    expect(based.servers[0]?.basePath).toBe('/base');
  });
});

describe('isConnectError', () => {
  it('recognizes refused connections, also when wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isConnectError(refused)).toBe(true);
    expect(isConnectError(new Error('fetch failed', { cause: refused }))).toBe(true);
    expect(isConnectError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(false);
  });
});
