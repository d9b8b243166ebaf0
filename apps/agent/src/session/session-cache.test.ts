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

describe('SessionCache under churn', () => {
  it('keeps an entry that is used while many others come and go', () => {
    const cache = new SessionCache<string>(8);
    cache.set('hot', 'HOT', 10_000);
    for (let index = 0; index < 100; index += 1) {
      cache.set(`cold-${index}`, 'COLD', 10_000);
      expect(cache.get('hot', 0)).toBe('HOT');
    }
    expect(cache.size).toBe(8);
    expect(cache.get('cold-0', 0)).toBeUndefined();
  });

  it('evicts an entry nobody uses once the cache is full', () => {
    const cache = new SessionCache<string>(8);
    cache.set('idle', 'IDLE', 10_000);
    for (let index = 0; index < 8; index += 1) cache.set(`other-${index}`, 'X', 10_000);
    expect(cache.get('idle', 0)).toBeUndefined();
  });

  it('peeks without keeping an entry alive', () => {
    const cache = new SessionCache<string>(2);
    cache.set('a', 'A', 1_000);
    expect(cache.peek('a', 0)).toBe('A');
    expect(cache.peek('a', 1_000)).toBeUndefined();
    cache.set('b', 'B', 10_000);
    cache.set('c', 'C', 10_000);
    expect(cache.peek('a', 0)).toBeUndefined();
  });
});

describe('SessionCache with long keys', () => {
  const tail = 'T'.repeat(40);
  const alice = `${'a'.repeat(2000)}${tail}`;
  const mallory = `${'m'.repeat(2000)}${tail}`;

  it('finds a long key by its whole value', () => {
    const cache = new SessionCache<string>(10);
    cache.set(alice, 'ALICE', 10_000);
    expect(cache.get(`${'a'.repeat(2000)}${tail}`, 0)).toBe('ALICE');
  });

  it('never hands an entry to another key that shares its tail', () => {
    const cache = new SessionCache<string>(10);
    cache.set(alice, 'ALICE', 10_000);
    expect(cache.get(mallory, 0)).toBeUndefined();
    expect(cache.peek(mallory, 0)).toBeUndefined();
    cache.delete(mallory);
    expect(cache.get(alice, 0)).toBe('ALICE');
    // At worst a look-alike evicts the entry: the next request decrypts again.
    cache.set(mallory, 'MALLORY', 10_000);
    expect(cache.get(alice, 0)).toBeUndefined();
    expect(cache.get(mallory, 0)).toBe('MALLORY');
  });
});
