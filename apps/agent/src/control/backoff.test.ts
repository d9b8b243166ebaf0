import { describe, expect, it } from 'vitest';
import { computeBackoffDelay } from './backoff';

const policy = { baseMs: 500, capMs: 30_000 };

describe('computeBackoffDelay', () => {
  it('doubles the ceiling each attempt and jitters within its upper half', () => {
    expect(computeBackoffDelay(1, policy, () => 0)).toBe(250);
    expect(computeBackoffDelay(1, policy, () => 0.999999)).toBe(500);
    expect(computeBackoffDelay(2, policy, () => 0)).toBe(500);
    expect(computeBackoffDelay(4, policy, () => 0.5)).toBe(3000);
  });

  it('never exceeds the cap, even after many attempts', () => {
    for (const attempt of [7, 8, 50, 10_000]) {
      expect(computeBackoffDelay(attempt, policy, () => 0.999999)).toBe(30_000);
      expect(computeBackoffDelay(attempt, policy, () => 0)).toBe(15_000);
    }
  });

  it('spreads agents that fail together', () => {
    const delays = [0.1, 0.4, 0.9].map((r) => computeBackoffDelay(3, policy, () => r));
    expect(new Set(delays).size).toBe(3);
  });
});
