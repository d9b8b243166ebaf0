import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createCookieSessionStore } from './cookie-session-store';
import { createRedisSessionStore } from './redis-session-store';
import { createSessionKeyring } from './session-keyring';
import type { SessionStore, SessionStoreSettings } from './session-store';
import { buildSession } from './testing/build-session';

const settings: SessionStoreSettings = {
  deploymentId: 'dep_demo',
  applicationId: 'app_cvat',
  cookieBase: 'gatehouse_t',
  secure: false,
  times: { maxAgeSeconds: 3600, idleTimeoutSeconds: 600 },
};
const keyring = createSessionKeyring([{ id: 'k1', secret: randomBytes(32).toString('base64url') }]);
const now = () => Math.floor(Date.now() / 1000);

function cookiesFrom(setCookies: string[]): Map<string, string> {
  return new Map(
    setCookies
      .filter((header) => !header.includes('Max-Age=0'))
      .map((header) => {
        const pair = header.split(';')[0] ?? '';
        const equals = pair.indexOf('=');
        return [pair.slice(0, equals), pair.slice(equals + 1)] as const;
      }),
  );
}

const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());

const stores: Array<[string, (settings: SessionStoreSettings) => SessionStore]> = [
  ['cookie', (settings) => createCookieSessionStore(settings, keyring)],
  [
    'redis',
    (settings) => createRedisSessionStore(settings, keyring, redis, { cacheMilliseconds: 0 }),
  ],
];

describe.each(stores)('%s session store', (_name, createStoreFor) => {
  const createStore = () => createStoreFor(settings);

  it('reads back what it saved', async () => {
    const store = createStore();
    const session = buildSession();
    const cookies = cookiesFrom(await store.save(session, new Map(), now()));
    expect(await store.read(cookies, now())).toEqual({ status: 'valid', session });
  });

  it('refuses sessions past their lifetime or idle timeout', async () => {
    const store = createStore();
    const cookies = cookiesFrom(
      await store.save(buildSession({ expiresAt: now() + 900 }), new Map(), now()),
    );
    expect(await store.read(cookies, now() + 599)).toMatchObject({ status: 'valid' });
    // Idle: 600 s without activity.
    expect(await store.read(cookies, now() + 601)).toEqual({ status: 'refused' });
    const active = cookiesFrom(
      await store.save(
        buildSession({ expiresAt: now() + 900, lastSeenAt: now() + 500 }),
        new Map(),
        now(),
      ),
    );
    expect(await store.read(active, now() + 899)).toMatchObject({ status: 'valid' });
    // Lifetime: over, however recent the activity.
    expect(await store.read(active, now() + 901)).toEqual({ status: 'refused' });
  });

  it('refuses a session of another application of the same deployment', async () => {
    const other = createStoreFor({ ...settings, applicationId: 'app_other' });
    const cookies = cookiesFrom(
      await other.save(buildSession({ applicationId: 'app_other' }), new Map(), now()),
    );
    expect(await createStore().read(cookies, now())).toEqual({ status: 'refused' });
  });

  it('refuses a tampered cookie and reports no session without one', async () => {
    const store = createStore();
    const cookies = cookiesFrom(await store.save(buildSession(), new Map(), now()));
    const value = cookies.get('gatehouse_t_0') ?? '';
    cookies.set('gatehouse_t_0', `${value.slice(0, -2)}${value.endsWith('AA') ? 'BB' : 'AA'}`);
    expect(await store.read(cookies, now())).toEqual({ status: 'refused' });
    expect(await store.read(new Map(), now())).toEqual({ status: 'none' });
  });

  it('ends a session on clear', async () => {
    const store = createStore();
    const cookies = cookiesFrom(await store.save(buildSession(), new Map(), now()));
    const cleared = await store.clear(cookies);
    expect(cleared.every((header) => header.includes('Max-Age=0'))).toBe(true);
  });
});

describe('cookie session store', () => {
  it('answers from its cache without decrypting again', async () => {
    const store = createCookieSessionStore(settings, keyring);
    const cookies = cookiesFrom(await store.save(buildSession(), new Map(), now()));
    const lookup = store.read(cookies, now());
    expect(lookup).not.toBeInstanceOf(Promise);
    expect(lookup).toMatchObject({ status: 'valid' });
  });
});

describe('redis session store', () => {
  it('keeps only an opaque id in the cookie, and a cleared session is gone for every cookie copy', async () => {
    const store = createRedisSessionStore(settings, keyring, redis, { cacheMilliseconds: 0 });
    const cookies = cookiesFrom(await store.save(buildSession(), new Map(), now()));
    expect(cookies.get('gatehouse_t_0')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stolenCopy = new Map(cookies);
    await store.clear(cookies);
    expect(await store.read(stolenCopy, now())).toEqual({ status: 'refused' });
  });

  it('asks Redis once for a session that many requests read at the same time', async () => {
    const saved = cookiesFrom(
      await createRedisSessionStore(settings, keyring, redis, { cacheMilliseconds: 0 }).save(
        buildSession(),
        new Map(),
        now(),
      ),
    );
    let lookups = 0;
    let failNext = true;
    const counting = {
      get(key: string) {
        lookups += 1;
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('connection lost'));
        }
        return redis.get(key);
      },
    } as unknown as Redis;
    // A fresh store: nothing cached, as after the cache's few seconds ran out.
    const store = createRedisSessionStore(settings, keyring, counting, {
      cacheMilliseconds: 60_000,
    });
    const read = async () => store.read(saved, now());

    // A lookup that fails fails every request waiting on it, and is not remembered.
    const failed = await Promise.allSettled([read(), read()]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(lookups).toBe(1);

    const lookupsBefore = lookups;
    const results = await Promise.all(Array.from({ length: 8 }, read));
    expect(lookups - lookupsBefore).toBe(1);
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(['valid']));
  });
});
