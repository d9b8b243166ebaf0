import { request } from 'node:http';
import { CookieJar } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ACCEPT, browse } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    application: {
      // The CVAT preset's API rules, plus an open /api and /public and a forbidden /admin, so that
      // any path trick reaching /admin shows up as the wrong answer.
      rules: [
        ...(await import('@gatehouse/contract')).CVAT_API_RULES,
        {
          priority: 1,
          pathMatch: 'PREFIX',
          path: '/admin',
          methods: [],
          conditions: {},
          action: 'DENY',
          description: 'admin',
        },
        {
          priority: 50,
          pathMatch: 'PREFIX',
          path: '/public',
          methods: [],
          conditions: {},
          action: 'NOT_PROTECTED',
          description: null,
        },
      ],
    },
  });
});
afterAll(() => stack.close());

describe('the CVAT API rules', () => {
  it('let Token and Basic API clients reach the upstream without SSO', async () => {
    const token = await fetch(`${stack.agent.url}/api/users/self`, {
      headers: { authorization: 'Token demo-api-token' },
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ username: 'api-bot', authenticatedBy: 'token' });

    const basic = await fetch(`${stack.agent.url}/api/users/self`, {
      headers: {
        authorization: `Basic ${Buffer.from('api-bot:api-bot-password').toString('base64')}`,
      },
    });
    expect(basic.status).toBe(200);
    expect(await basic.json()).toMatchObject({ username: 'api-bot', authenticatedBy: 'basic' });
  });

  it('pass a forged credential through as an anonymous request the upstream refuses', async () => {
    const forged = await fetch(`${stack.agent.url}/api/users/self`, {
      headers: { authorization: 'Token forged', 'x-email': 'alice@example.com' },
    });
    expect(forged.status).toBe(401);
  });

  it('send a browser request to /api/* without credentials to sign in', async () => {
    const response = await browse(new CookieJar(), `${stack.agent.url}/api/tasks`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(new RegExp(`^${stack.idp.issuer}/`));
  });

  it('let POST /api/auth/login and signed GETs through', async () => {
    const login = await fetch(`${stack.agent.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'api-bot', password: 'api-bot-password' }),
    });
    expect(login.status).toBeLessThan(500);
    expect(login.status).not.toBe(302);
    const signed = await fetch(`${stack.agent.url}/api/jobs/1/data?sign=abc`, {
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(signed.status).toBe(401); // reached the upstream, which checks the signature itself
  });
});

/** node:http sends the target byte for byte; fetch and URL would normalize it first. */
function getRaw(path: string): Promise<number> {
  const { hostname, port } = new URL(stack.agent.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { accept: BROWSER_ACCEPT } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('path tricks', () => {
  it.each([
    '/api/../admin',
    '/public/../admin',
    '//admin',
    '/%2e%2e/admin',
    '/public/%2e%2e/admin',
    '/public/%2E%2E/admin/users',
    '/./admin',
    '/public/..%2fadmin',
    '/api%2fadmin',
    '/public%2f..%2fadmin',
    '/public/..%5cadmin',
    '/public\\..\\admin',
    '/public/%00/../admin',
  ])('%s cannot reach a path a rule forbids', async (path) => {
    const status = await getRaw(path);
    expect([400, 403]).toContain(status);
  });

  it('sends the upstream the path the rules saw', async () => {
    const response = await fetch(`${stack.agent.url}/public/a/./b/../c//d?format=json&x=%2F`);
    const whoami = (await response.json()) as { path: string; query: string };
    expect(whoami.path).toBe('/public/a/c/d');
    expect(whoami.query).toBe('format=json&x=%2F');
  });

  it('answers 403 with a request id for a DENY rule, and 400 for an ambiguous path', async () => {
    const denied = await fetch(`${stack.agent.url}/admin`, { headers: { accept: BROWSER_ACCEPT } });
    expect(denied.status).toBe(403);
    const requestId = denied.headers.get('x-request-id') ?? '';
    expect(await denied.text()).toContain(requestId);
    expect(await getRaw('/api%2fadmin')).toBe(400);
  });
});
