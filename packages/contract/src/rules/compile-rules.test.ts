import type { TRule } from '../config/rule';
import { buildSampleApplication } from '../testing/sample-config';
import { describe, expect, it } from 'vitest';
import { compileRules } from './compile-rules';
import type { RequestFacts } from './request-conditions';

function facts(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    method: 'GET',
    path: '/',
    headers: {},
    search: '',
    clientAddress: '127.0.0.1',
    now: () => new Date('2030-01-07T10:00:00Z'), // a Monday
    ...overrides,
  };
}

function rule(overrides: Partial<TRule>): TRule {
  return {
    priority: 1,
    pathMatch: 'PREFIX',
    path: '/',
    methods: [],
    conditions: {},
    action: 'NOT_PROTECTED',
    description: null,
    ...overrides,
  };
}

describe('compileRules with the CVAT preset', () => {
  const match = compileRules(buildSampleApplication());

  it('lets Token and Basic API clients through without SSO', () => {
    for (const authorization of ['Token abc', 'Basic YTpi', 'token abc', '  Basic x']) {
      expect(match(facts({ path: '/api/tasks', headers: { authorization } })).action).toBe(
        'NOT_PROTECTED',
      );
    }
  });

  it('protects the API for other schemes and for browsers', () => {
    expect(
      match(facts({ path: '/api/tasks', headers: { authorization: 'Bearer x' } })).action,
    ).toBe('PROTECTED');
    expect(match(facts({ path: '/api/tasks' })).action).toBe('PROTECTED');
    expect(match(facts({ path: '/apikeys', headers: { authorization: 'Token x' } })).action).toBe(
      'PROTECTED',
    );
  });

  it('lets signed URLs through only for GET and HEAD', () => {
    expect(match(facts({ path: '/api/jobs/1/data', search: '?sign=abc' })).action).toBe(
      'NOT_PROTECTED',
    );
    expect(
      match(facts({ method: 'POST', path: '/api/jobs/1/data', search: '?sign=abc' })).action,
    ).toBe('PROTECTED');
  });

  it('lets POST /api/auth/login through and nothing else on that path', () => {
    expect(match(facts({ method: 'POST', path: '/api/auth/login' })).action).toBe('NOT_PROTECTED');
    expect(match(facts({ method: 'GET', path: '/api/auth/login' })).action).toBe('PROTECTED');
    expect(match(facts({ method: 'POST', path: '/api/auth/login/x' })).action).toBe('PROTECTED');
  });
});

describe('compileRules', () => {
  it('takes the lowest priority first, whatever the order given', () => {
    const match = compileRules(
      buildSampleApplication({
        rules: [
          rule({ priority: 20, path: '/admin', action: 'NOT_PROTECTED' }),
          rule({ priority: 5, path: '/admin', action: 'DENY' }),
        ],
      }),
    );
    expect(match(facts({ path: '/admin/users' })).action).toBe('DENY');
    expect(match(facts({ path: '/administrator' })).action).toBe('PROTECTED');
  });

  it('matches anchored regex rules against the normalized path', () => {
    const match = compileRules(
      buildSampleApplication({
        rules: [rule({ pathMatch: 'REGEX', path: '^/static/[a-z0-9]+\\.js$' })],
      }),
    );
    expect(match(facts({ path: '/static/app1.js' })).action).toBe('NOT_PROTECTED');
    expect(match(facts({ path: '/static/app1.js/x' })).action).toBe('PROTECTED');
  });

  it('checks source IPs, header values and time windows', () => {
    const match = compileRules(
      buildSampleApplication({
        defaultAction: 'DENY',
        rules: [
          rule({ priority: 1, path: '/office', conditions: { sourceIps: ['10.0.0.0/8'] } }),
          rule({
            priority: 2,
            path: '/hdr',
            conditions: { headers: [{ name: 'X-Env', operator: 'EQUALS', values: ['prod'] }] },
          }),
          rule({
            priority: 3,
            path: '/night',
            conditions: {
              timeWindows: [{ days: ['MON'], start: '22:00', end: '06:00', timeZone: 'UTC' }],
            },
          }),
        ],
      }),
    );
    expect(match(facts({ path: '/office', clientAddress: '10.2.3.4' })).action).toBe(
      'NOT_PROTECTED',
    );
    expect(match(facts({ path: '/office', clientAddress: '11.2.3.4' })).action).toBe('DENY');
    expect(match(facts({ path: '/hdr', headers: { 'x-env': 'prod' } })).action).toBe(
      'NOT_PROTECTED',
    );
    expect(match(facts({ path: '/hdr', headers: { 'x-env': 'dev' } })).action).toBe('DENY');
    const at = (iso: string) => () => new Date(iso);
    expect(match(facts({ path: '/night', now: at('2030-01-07T23:00:00Z') })).action).toBe(
      'NOT_PROTECTED',
    );
    expect(match(facts({ path: '/night', now: at('2030-01-08T03:00:00Z') })).action).toBe(
      'NOT_PROTECTED',
    );
    expect(match(facts({ path: '/night', now: at('2030-01-08T23:00:00Z') })).action).toBe('DENY');
    expect(match(facts({ path: '/night', now: at('2030-01-07T10:00:00Z') })).action).toBe('DENY');
  });

  it('honours time zones', () => {
    const match = compileRules(
      buildSampleApplication({
        defaultAction: 'DENY',
        rules: [
          rule({
            path: '/',
            conditions: {
              timeWindows: [
                { days: ['MON'], start: '09:00', end: '17:00', timeZone: 'America/New_York' },
              ],
            },
          }),
        ],
      }),
    );
    // 10:00 UTC is 05:00 in New York: before the window opens.
    expect(match(facts()).action).toBe('DENY');
    expect(match(facts({ now: () => new Date('2030-01-07T15:00:00Z') })).action).toBe(
      'NOT_PROTECTED',
    );
  });

  it('carries identity conditions of PROTECTED rules for the authorize step', () => {
    const match = compileRules(
      buildSampleApplication({
        rules: [
          rule({
            action: 'PROTECTED',
            path: '/admin',
            conditions: { groups: ['cvat-admins'], emails: ['*@example.com'] },
          }),
        ],
      }),
    );
    const matched = match(facts({ path: '/admin' }));
    const identity = { email: 'alice@EXAMPLE.com', groups: ['cvat-admins'] };
    expect(matched.identity?.(identity, null)).toBe(true);
    expect(matched.identity?.({ ...identity, groups: [] }, null)).toBe(false);
    expect(matched.identity?.({ ...identity, email: 'a@evil.example' }, null)).toBe(false);
  });
});
