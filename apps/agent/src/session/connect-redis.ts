import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../observability/logger';

/**
 * Sessions are read from Redis on the request path, so a Redis outage must fail a request at
 * once (the "Sessions are unavailable" page, 503) rather than hold it: ioredis by default queues
 * commands while it reconnects and retries each up to 20 times, which kept users waiting tens of
 * seconds per request and then still failed (security/test/faults/redis-outage.test.ts). The
 * connection itself keeps reconnecting in the background, so the agent recovers on its own.
 */
export const REDIS_SESSION_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  // A Redis that accepts connections but does not answer (a stalled host) is bounded too.
  commandTimeout: 2_000,
  connectTimeout: 2_000,
};

export function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, REDIS_SESSION_OPTIONS);
  // ioredis reconnects by itself; without a listener each failed attempt would be an unhandled error.
  redis.on('error', (error: Error) =>
    log.warn({ error: error.message }, 'redis connection failed'),
  );
  return redis;
}
