import { describe, expect, it } from 'vitest';
import { compilePathMatcher } from './match-path';

describe('compilePathMatcher', () => {
  it('matches PREFIX segment-wise', () => {
    const api = compilePathMatcher({ pathMatch: 'PREFIX', path: '/api' });
    expect(['/api', '/api/', '/api/tasks/1'].map(api)).toEqual([true, true, true]);
    expect(['/apikeys', '/ap', '/', '/v1/api'].map(api)).toEqual([false, false, false, false]);
  });

  it('matches what is under a PREFIX ending in a slash, not the bare name', () => {
    const under = compilePathMatcher({ pathMatch: 'PREFIX', path: '/api/' });
    expect(['/api/', '/api/tasks'].map(under)).toEqual([true, true]);
    expect(['/api', '/apikeys'].map(under)).toEqual([false, false]);
  });

  it('matches EXACT exactly and REGEX as written', () => {
    const exact = compilePathMatcher({ pathMatch: 'EXACT', path: '/api/auth/login' });
    expect(['/api/auth/login', '/api/auth/login/', '/api/auth'].map(exact)).toEqual([
      true,
      false,
      false,
    ]);
    const regex = compilePathMatcher({ pathMatch: 'REGEX', path: '^/static/[a-z]+\\.js$' });
    expect(['/static/app.js', '/static/app.js.map'].map(regex)).toEqual([true, false]);
  });
});
