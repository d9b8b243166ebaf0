import { describe, expect, it } from 'vitest';
import { validateWith } from '../validate';
import { ZRule, type TRuleInput } from './rule';

function check(rule: Partial<TRuleInput>) {
  return validateWith(ZRule, {
    priority: 1,
    pathMatch: 'PREFIX',
    path: '/',
    action: 'PROTECTED',
    ...rule,
  });
}

function problemPaths(rule: Partial<TRuleInput>): string[] {
  const result = check(rule);
  return result.ok ? [] : result.problems.map((problem) => problem.path);
}

describe('rules fail closed', () => {
  it.each([
    ['relative path', 'api'],
    ['dot segment', '/public/../admin'],
    ['single dot segment', '/public/./x'],
    ['double slash', '//admin'],
    ['percent escape', '/api%2fadmin'],
    ['backslash', '/public\\admin'],
    ['query string', '/public?x=1'],
    ['fragment', '/public#top'],
    ['NUL', '/public\u0000'],
    ['space', '/pub lic'],
  ])('refuses a path with a %s', (_name, path) => {
    expect(problemPaths({ path })).toEqual(['path']);
    expect(problemPaths({ path, pathMatch: 'EXACT' })).toEqual(['path']);
  });

  it.each([
    ['unanchored', '/api/.*'],
    ['unterminated', '^/api/(foo$'],
    ['invalid escape', '^/api/\\p{Nope}$'],
    ['nested quantifier', '^/(a+)+$'],
    ['quantified alternation', '^/(a|ab)*$'],
    ['backreference', '^/(a)\\1$'],
    ['lookahead', '^/(?!admin).*$'],
    ['escaped final dollar', '^/api\\$'],
  ])('refuses a %s regex', (_name, path) => {
    expect(problemPaths({ path, pathMatch: 'REGEX' })).toEqual(['path']);
  });

  it('accepts anchored, simple regexes', () => {
    for (const path of [
      '^/api/v[0-9]+/tasks$',
      '^/(?:public|static)/[^/]+\\.css$',
      '^/u/(?<id>\\d+)$',
    ]) {
      expect(check({ path, pathMatch: 'REGEX' }).ok, path).toBe(true);
    }
  });

  it('refuses identity conditions on rules that never sign the user in', () => {
    expect(problemPaths({ action: 'NOT_PROTECTED', conditions: { groups: ['x'] } })).toEqual([
      'conditions.groups',
    ]);
    expect(
      problemPaths({ action: 'DENY', conditions: { emails: ['a@b.c'], roles: ['admin'] } }),
    ).toEqual(['conditions.emails', 'conditions.roles']);
    expect(check({ action: 'PROTECTED', conditions: { groups: ['x'] } }).ok).toBe(true);
  });

  it('refuses unparseable conditions', () => {
    const paths = problemPaths({
      conditions: {
        sourceIps: ['10.0.0.0/8', '300.1.1.1', '::1/129'],
        headers: [
          { name: 'Bad Header', operator: 'PRESENT', values: [] },
          { name: 'X', operator: 'EQUALS', values: [] },
        ],
        timeWindows: [{ days: ['MON'], start: '25:00', end: '18:00', timeZone: 'Mars/Olympus' }],
        emails: ['not-an-email', '*@example.com', 'alice@example.com'],
      },
    });
    expect(paths).toEqual([
      'conditions.headers[0].name',
      'conditions.headers[1].values',
      'conditions.sourceIps[1]',
      'conditions.sourceIps[2]',
      'conditions.timeWindows[0].start',
      'conditions.timeWindows[0].timeZone',
      'conditions.emails[0]',
    ]);
  });

  it('refuses unknown methods and actions', () => {
    expect(problemPaths({ methods: ['FETCH' as 'GET'] })).toEqual(['methods[0]']);
    expect(problemPaths({ action: 'ALLOW' as 'DENY' })).toEqual(['action']);
  });
});
