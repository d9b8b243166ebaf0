import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, readWhoami, signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    application: {
      rules: [
        {
          priority: 1,
          pathMatch: 'PREFIX',
          path: '/admin',
          methods: [],
          conditions: { groups: ['cvat-admins'] },
          action: 'PROTECTED',
          description: 'admins only',
        },
      ],
      roleMapping: {
        rows: [
          { kind: 'EXPRESSION', expression: '"cvat-admins" in groups', role: 'admin' },
          {
            kind: 'EXPRESSION',
            expression: 'email startsWith "bob@" && email endsWith "@example.com"',
            role: 'business',
          },
        ],
        defaultRole: 'worker',
      },
    },
  });
});
afterAll(() => stack.close());

describe('authorization after sign-in', () => {
  it('lets a user whose identity matches the rule through', async () => {
    const { response } = await signIn(
      `${stack.agent.url}/admin/whoami?format=json`,
      'alice@example.com',
    );
    expect((await readWhoami(response)).headers['x-groups']).toEqual(['admin']);
  });

  it('shows a 403 page saying who is signed in and how to sign out', async () => {
    const { jar, response } = await signIn(
      `${stack.agent.url}/whoami?format=json`,
      'bob@example.com',
    );
    expect((await readWhoami(response)).headers['x-groups']).toEqual(['business']);
    const denied = await browse(jar, `${stack.agent.url}/admin/users`);
    expect(denied.status).toBe(403);
    const page = await denied.text();
    expect(page).toContain('signed in as bob@example.com');
    expect(page).toContain('href="/.gatehouse/logout"');
    expect(page).toContain(denied.headers.get('x-request-id') ?? 'missing');
  });

  it('denies, never allows, when the role mapping fails to evaluate', async () => {
    await stack.reapply({
      roleMapping: {
        rows: [{ kind: 'EXPRESSION', expression: 'groups endsWith "admins"', role: 'admin' }],
        defaultRole: 'worker',
      },
    });
    const { response } = await signIn(`${stack.agent.url}/whoami?format=json`, 'carol@example.com');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('role mapping could not decide');
  });
});
