import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { clearChunkedCookie, readChunkedCookie, writeChunkedCookie } from './cookie-chunks';
import { findSessionEnd, type Session } from './session';
import { SessionCache } from './session-cache';
import type { SessionKeyring } from './session-keyring';
import {
  acceptSession,
  NO_SESSION,
  REFUSED_SESSION,
  SessionStoreUnavailableError,
  type SessionLookup,
  type SessionStore,
  type SessionStoreSettings,
} from './session-store';

const SESSION_ID = /^[A-Za-z0-9_-]{32,64}$/;

export interface RedisSessionStoreOptions {
  /**
   * How long a replica trusts a session it read from Redis before asking again: the bound on how
   * late a revocation (logout elsewhere, key deleted) takes effect here. 0 asks on every request.
   */
  cacheMilliseconds: number;
}

/**
 * Sessions in Redis (when REDIS_URL is set), so they can be revoked: the browser holds only a
 * random session id. Redis holds the session sealed with the deployment's keys under a hash of
 * that id, so neither a Redis dump nor a key listing yields a usable cookie or the IdP's tokens.
 */
export function createRedisSessionStore(
  settings: SessionStoreSettings,
  keyring: SessionKeyring,
  redis: Redis,
  options: RedisSessionStoreOptions,
): SessionStore {
  const cache = new SessionCache<Session>(10_000);
  // One Redis lookup per session at a time: when a cached session expires, every request of that
  // user in flight (a page's parallel API calls) would otherwise ask Redis and decrypt on its own.
  const loading = new Map<string, Promise<SessionLookup>>();
  const base = settings.cookieBase;
  const attributes = (maxAge: number) => ({ path: '/', secure: settings.secure, maxAge });
  const keyOf = (sessionId: string) =>
    `gatehouse:session:${settings.deploymentId}:${createHash('sha256').update(sessionId).digest('base64url')}`;

  async function load(sessionId: string, nowSeconds: number): Promise<SessionLookup> {
    const sealed = await redis.get(keyOf(sessionId)).catch((error: unknown) => {
      throw new SessionStoreUnavailableError('Redis did not answer a session lookup', {
        cause: error,
      });
    });
    if (sealed === null) return REFUSED_SESSION;
    const session = acceptSession(await keyring.open(sealed), settings);
    if (session === null || session.id !== sessionId) return REFUSED_SESSION;
    const end = findSessionEnd(session, settings.times);
    if (end <= nowSeconds) return REFUSED_SESSION;
    remember(session, end);
    return { status: 'valid', session };
  }

  // Milliseconds, on the real clock: the whole-second `nowSeconds` would stretch a short cache.
  function remember(session: Session, end: number): void {
    if (options.cacheMilliseconds <= 0) return;
    cache.set(session.id, session, Math.min(end * 1000, Date.now() + options.cacheMilliseconds));
  }

  return {
    read(cookies, nowSeconds) {
      const sessionId = readChunkedCookie(cookies, base);
      if (sessionId === null) return NO_SESSION;
      if (!SESSION_ID.test(sessionId)) return REFUSED_SESSION;
      const cached = cache.get(sessionId, Date.now());
      if (cached !== undefined) return { status: 'valid', session: cached };
      let lookup = loading.get(sessionId);
      if (lookup === undefined) {
        lookup = load(sessionId, nowSeconds).finally(() => loading.delete(sessionId));
        loading.set(sessionId, lookup);
      }
      return lookup;
    },
    async save(session, cookies, nowSeconds) {
      const end = findSessionEnd(session, settings.times);
      const sealed = await keyring.seal(session);
      await redis
        .set(keyOf(session.id), sealed, 'PX', Math.max(1, end - nowSeconds) * 1000)
        .catch((error: unknown) => {
          throw new SessionStoreUnavailableError('Redis did not store a session', { cause: error });
        });
      remember(session, end);
      return writeChunkedCookie(
        base,
        session.id,
        cookies,
        attributes(session.expiresAt - nowSeconds),
      );
    },
    async clear(cookies) {
      const sessionId = readChunkedCookie(cookies, base);
      if (sessionId !== null && SESSION_ID.test(sessionId)) {
        cache.delete(sessionId);
        await redis.del(keyOf(sessionId)).catch((error: unknown) => {
          throw new SessionStoreUnavailableError('Redis did not delete a session', {
            cause: error,
          });
        });
      }
      return clearChunkedCookie(base, cookies, attributes(0));
    },
  };
}
