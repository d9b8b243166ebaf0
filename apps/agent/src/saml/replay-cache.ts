import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SessionStoreUnavailableError } from '../session/session-store';

/**
 * Assertion IDs already used to sign in (saml-profiles-2.0-os §4.1.4.5: the SP must not accept a
 * bearer assertion twice while it is deliverable). `remember` answers false for one seen before.
 */
export interface SamlReplayCache {
  remember(key: string, untilMs: number, nowMs: number): Promise<boolean>;
}

// Far above any real sign-in rate; past it the agent refuses sign-ins rather than forgetting IDs.
const MAX_ENTRIES = 100_000;

/** Per process: enough for one agent; replicas (or cluster workers) need Redis to share it. */
export function createMemoryReplayCache(maxEntries = MAX_ENTRIES): SamlReplayCache {
  const seen = new Map<string, number>();
  return {
    remember(key, untilMs, nowMs) {
      const until = seen.get(key);
      if (until !== undefined && until > nowMs) return Promise.resolve(false);
      if (seen.size >= maxEntries) {
        for (const [entry, expiry] of seen) if (expiry <= nowMs) seen.delete(entry);
      }
      if (seen.size >= maxEntries) {
        return Promise.reject(
          new SessionStoreUnavailableError('too many SAML sign-ins at once to rule out replays'),
        );
      }
      seen.set(key, untilMs);
      return Promise.resolve(true);
    },
  };
}

/** Shared by every replica through Redis (REDIS_URL): SET NX with the assertion's lifetime. */
export function createRedisReplayCache(redis: Redis): SamlReplayCache {
  return {
    async remember(key, untilMs, nowMs) {
      const name = `gatehouse:saml-assertion:${createHash('sha256').update(key).digest('base64url')}`;
      const ttl = Math.max(1, Math.ceil(untilMs - nowMs));
      const stored = await redis.set(name, '1', 'PX', ttl, 'NX').catch((error: unknown) => {
        throw new SessionStoreUnavailableError('Redis did not answer the SAML replay check', {
          cause: error,
        });
      });
      return stored === 'OK';
    },
  };
}
