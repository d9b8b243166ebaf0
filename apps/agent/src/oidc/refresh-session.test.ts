import { describe, expect, it } from 'vitest';
import { buildSession } from '../session/testing/build-session';
import { isRefreshDue, planRefresh } from './refresh-session';

describe('planRefresh', () => {
  it('refreshes a minute before expiry, or halfway through short lifetimes', () => {
    expect(planRefresh('rt', 3600, 1000)).toBe(1000 + 3600 - 60);
    expect(planRefresh('rt', 30, 1000)).toBe(1000 + 15);
  });

  it('never plans a refresh without a refresh token or an expiry', () => {
    expect(planRefresh(undefined, 3600, 1000)).toBeNull();
    expect(planRefresh('rt', undefined, 1000)).toBeNull();
  });
});

describe('isRefreshDue', () => {
  it('is due from refreshAt on, and only with a refresh token', () => {
    const session = buildSession({ refreshAt: 2000, refreshToken: 'rt' });
    expect(isRefreshDue(session, 1999)).toBe(false);
    expect(isRefreshDue(session, 2000)).toBe(true);
    expect(isRefreshDue({ ...session, refreshToken: null }, 2000)).toBe(false);
  });
});
