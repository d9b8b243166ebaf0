import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './token-bucket';

describe('createRateLimiter', () => {
  it('allows a burst, refuses beyond it, and refills over time', () => {
    let clock = 0;
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5 }, () => clock);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.retryAfterSeconds('a')).toBe(2);
    expect(limiter.take('b')).toBe(true);
    clock += 2000;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('forgets the least recently used keys beyond maxKeys', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2 }, () => 0);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.take('c')).toBe(true);
    // "a" was evicted, so it starts with a full bucket again; "c" was not.
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('c')).toBe(false);
  });
});
