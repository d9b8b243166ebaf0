import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, readWhoami, signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';
import { CookieJar } from '@gatehouse/dev-idp/testing';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

describe('signing in through the dev IdP with the CVAT preset', () => {
  it.each([
    ['alice@example.com', 'admin'],
    ['bob@example.com', 'user'],
    ['carol@example.com', 'worker'],
  ])('%s reaches the upstream as X-Email with X-Groups %s', async (email, role) => {
    const { response, visited } = await signIn(`${stack.agent.url}/whoami?format=json`, email);
    const whoami = await readWhoami(response);
    expect(whoami.headers['x-email'], visited.join('\n')).toEqual([email]);
    expect(whoami.headers['x-groups']).toEqual([role]);
    expect(whoami.email).toBe(email);
    expect(whoami.role).toBe(role);
    expect(whoami.path).toBe('/whoami');
  });

  it('sends a browser without a session to the IdP with PKCE S256, state and nonce', async () => {
    const response = await browse(new CookieJar(), `${stack.agent.url}/tasks`);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin).toBe(stack.idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe(
      `${stack.agent.url}/.gatehouse/callback`,
    );
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toContain('Path=/.gatehouse/callback');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
  });

  it('answers 401 instead of a redirect to clients that are not navigating', async () => {
    const response = await fetch(`${stack.agent.url}/api/tasks`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'Sign-in required' });
  });

  it('brings the user back to the URL first asked for, query included', async () => {
    const { response } = await signIn(
      `${stack.agent.url}/jobs/7?format=json&page=2`,
      'bob@example.com',
    );
    const whoami = await readWhoami(response);
    expect(whoami.path).toBe('/jobs/7');
  });

  it.each([
    '//evil.example',
    'https:evil.example',
    '/\\evil.example',
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    'https://evil.example/',
    '%2f%2fevil.example%2f',
  ])('replaces the off-origin return URL %s by /', async (rd) => {
    const jar = new CookieJar();
    const { response, visited } = await signIn(
      `${stack.agent.url}/.gatehouse/login?rd=${rd}`,
      'alice@example.com',
      jar,
    );
    const landed = new URL(response.url || visited.at(-1)?.split(' ')[1] || '');
    expect(
      visited.some((step) => step.includes('evil.example') && !step.includes('rd=')),
      visited.join('\n'),
    ).toBe(false);
    expect(landed.origin).toBe(stack.agent.url);
    expect(visited.at(-1)).toMatch(new RegExp(`^GET ${stack.agent.url}/(%5Cevil\\.example)?$`));
  });

  it('refuses a callback whose state has no sign-in attempt behind it', async () => {
    const response = await browse(
      new CookieJar(),
      `${stack.agent.url}/.gatehouse/callback?code=x&state=forged`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Sign-in expired');
  });
});
