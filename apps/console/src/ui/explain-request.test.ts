import { CVAT_API_RULES } from '@gatehouse/contract';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors/app-error';
import { explainRequest, parseHeaderLines } from './explain-request';

const base = {
  rules: [...CVAT_API_RULES],
  defaultAction: 'PROTECTED',
  method: 'GET',
  target: '/api/tasks',
  headers: '',
  clientAddress: '',
};

describe('explainRequest', () => {
  it('names the CVAT API rule a Token client matches, and what the agent does', () => {
    const answer = explainRequest({ ...base, headers: 'Authorization: Token abc' });
    expect(answer).toMatchObject({ action: 'NOT_PROTECTED', priority: 10 });
    expect(answer.outcome).toMatch(/without sign-in/);
  });

  it('falls to the default action for a browser, and reads the query for signed URLs', () => {
    expect(explainRequest(base)).toMatchObject({ action: 'PROTECTED', priority: null });
    expect(explainRequest({ ...base, target: '/api/jobs/1/data?sign=x' })).toMatchObject({
      priority: 20,
    });
    expect(
      explainRequest({ ...base, method: 'post', target: '/api/jobs/1/data?sign=x' }),
    ).toMatchObject({ priority: null });
  });

  it('tells which identity conditions a PROTECTED rule still checks after sign-in', () => {
    const answer = explainRequest({
      ...base,
      rules: [
        {
          priority: 1,
          pathMatch: 'PREFIX',
          path: '/admin',
          action: 'PROTECTED',
          conditions: { groups: ['cvat-admins'] },
        },
      ],
      target: '/admin/users',
    });
    expect(answer.afterSignIn).toEqual(['member of cvat-admins']);
  });

  it('refuses a rule that is not valid yet, naming its field like the API does', () => {
    const bad = { ...base, rules: [{ ...CVAT_API_RULES[0], path: 'api' }] };
    expect(() => explainRequest(bad)).toThrow(AppError);
    try {
      explainRequest(bad);
    } catch (error) {
      expect((error as AppError).issues?.[0]?.path).toBe('rows[0].path');
    }
  });
});

describe('parseHeaderLines', () => {
  it('lower-cases names, trims values and joins repeats', () => {
    expect(parseHeaderLines('Authorization: Token a\nX-A: 1\r\nx-a: 2\nnot a header')).toEqual({
      authorization: 'Token a',
      'x-a': '1, 2',
    });
  });
});
