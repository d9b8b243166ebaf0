import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionStoreUnavailableError } from '../session/session-store';
import { createMemoryReplayCache, createRedisReplayCache } from './replay-cache';

describe('the in-memory SAML replay cache', () => {
  it('accepts an assertion ID once while it is deliverable, and again only after', async () => {
    const cache = createMemoryReplayCache();
    expect(await cache.remember('idp\n_a1', 2_000, 1_000)).toBe(true);
    expect(await cache.remember('idp\n_a1', 2_000, 1_999)).toBe(false);
    expect(await cache.remember('idp\n_a2', 2_000, 1_999)).toBe(true);
    expect(await cache.remember('idp\n_a1', 3_000, 2_000)).toBe(true);
  });

  it('makes room by forgetting expired IDs, and refuses sign-ins rather than live ones', async () => {
    const cache = createMemoryReplayCache(2);
    await cache.remember('a', 2_000, 1_000);
    await cache.remember('b', 5_000, 1_000);
    expect(await cache.remember('c', 5_000, 3_000)).toBe(true);
    await expect(cache.remember('d', 5_000, 3_000)).rejects.toBeInstanceOf(
      SessionStoreUnavailableError,
    );
    expect(await cache.remember('b', 5_000, 3_000)).toBe(false);
  });
});

describe('the Redis SAML replay cache', () => {
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  afterAll(() => redis.quit());

  it('is shared by every cache on the same Redis and expires with the assertion', async () => {
    const key = `idp\n_${randomUUID()}`;
    const now = Date.now();
    const [first, second] = [createRedisReplayCache(redis), createRedisReplayCache(redis)];
    expect(await first.remember(key, now + 60_000, now)).toBe(true);
    expect(await second.remember(key, now + 60_000, now)).toBe(false);

    const short = `idp\n_${randomUUID()}`;
    expect(await first.remember(short, now + 50, now)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await second.remember(short, Date.now() + 60_000, Date.now())).toBe(true);
  });

  it('fails closed when Redis does not answer', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    try {
      await expect(
        createRedisReplayCache(down).remember('k', Date.now() + 1_000, Date.now()),
      ).rejects.toBeInstanceOf(SessionStoreUnavailableError);
    } finally {
      down.disconnect();
    }
  });
});
