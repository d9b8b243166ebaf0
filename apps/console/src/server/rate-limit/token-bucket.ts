// In-memory token buckets. They hold per process: with several console replicas each replica
// limits on its own (an attacker gets N× the budget); a shared store (Redis) would be the next
// step, and the limiter interface is kept small so it can be swapped.

export interface BucketOptions {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  /** Buckets kept at most; the least recently used are forgotten first. */
  maxKeys?: number;
}

export interface RateLimiter {
  /** Takes one token; false when the bucket is empty. */
  take(key: string): boolean;
  /** Seconds until one token is back for `key`. */
  retryAfterSeconds(key: string): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createRateLimiter(
  options: BucketOptions,
  now: () => number = () => performance.now(),
): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const maxKeys = options.maxKeys ?? 10_000;

  function refill(key: string): Bucket {
    const at = now();
    const bucket = buckets.get(key) ?? { tokens: options.capacity, updatedAt: at };
    const elapsedSeconds = Math.max(0, at - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(
      options.capacity,
      bucket.tokens + elapsedSeconds * options.refillPerSecond,
    );
    bucket.updatedAt = at;
    // Re-inserting moves the key to the end, so Map order is least recently used first.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxKeys) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    return bucket;
  }

  return {
    take(key) {
      const bucket = refill(key);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    retryAfterSeconds(key) {
      const bucket = refill(key);
      if (bucket.tokens >= 1) return 0;
      return Math.ceil((1 - bucket.tokens) / options.refillPerSecond);
    },
  };
}
