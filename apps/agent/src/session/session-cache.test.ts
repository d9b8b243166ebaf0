import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';

describe('SessionCache', () => {
  it('forgets entries at their expiry', () => {
    const cache = new SessionCache<string>(10);
    cache.set('a', 'A', 1_000);
    expect(cache.get('a', 999)).toBe('A');
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new SessionCache<string>(2);
    cache.set('a', 'A', 10_000);
    cache.set('b', 'B', 10_000);
    expect(cache.get('a', 0)).toBe('A');
    cache.set('c', 'C', 10_000);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBe('A');
    expect(cache.get('c', 0)).toBe('C');
  });
});
