import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from '../server';
import { DEMO_UPSTREAM_VERSION } from './api';

let upstream: DemoUpstream;
beforeAll(async () => {
  upstream = await startDemoUpstream({
    apiUsers: [
      { username: 'ci-bot', password: 'ci-bot-password', token: 'ci-token', role: 'business' },
    ],
  });
});
afterAll(() => upstream.close());

const basic = (pair: string) => `Basic ${Buffer.from(pair).toString('base64')}`;

async function fetchApi(path: string, init: RequestInit = {}) {
  const response = await fetch(`${upstream.url}${path}`, init);
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
  };
}

describe('/api', () => {
  it('answers /api/server/about without any credentials', async () => {
    const { status, body } = await fetchApi('/api/server/about');
    expect(status).toBe(200);
    expect(body).toEqual({
      name: 'Gatehouse demo upstream',
      version: DEMO_UPSTREAM_VERSION,
      description: expect.stringContaining('X-Email') as unknown,
    });
  });

  it('answers 401 to /api/tasks with no credentials at all', async () => {
    const { status, headers, body } = await fetchApi('/api/tasks');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Token');
    expect(body).toEqual({ detail: 'Authentication credentials were not provided.' });
  });

  it('accepts Basic credentials of a configured API user', async () => {
    const { status, body } = await fetchApi('/api/tasks?page=2', {
      headers: { authorization: basic('ci-bot:ci-bot-password') },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      path: '/api/tasks',
      query: 'page=2',
      user: { username: 'ci-bot', role: 'business', authenticatedBy: 'basic' },
    });
  });

  it('accepts the Token of a configured API user', async () => {
    const { status, body } = await fetchApi('/api/tasks', {
      headers: { authorization: 'Token ci-token' },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ user: { username: 'ci-bot', authenticatedBy: 'token' } });
  });

  it('answers 401 to a wrong token or password, even with X-Email beside it', async () => {
    for (const authorization of [
      'Token wrong-token',
      basic('ci-bot:wrong'),
      basic('api-bot:api-bot-password'),
    ]) {
      const { status } = await fetchApi('/api/tasks', {
        headers: { authorization, 'X-Email': 'alice@example.com' },
      });
      expect(status, authorization).toBe(401);
    }
  });

  it('answers /api/tasks as the user X-Email names', async () => {
    expect(upstream.users.findUser('frank@example.com')).toBeUndefined();
    const { status, body } = await fetchApi('/api/tasks', {
      headers: { 'X-Email': 'frank@example.com', 'X-Groups': 'user' },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      user: { email: 'frank@example.com', role: 'user', authenticatedBy: 'header' },
    });
    expect(upstream.users.findUser('frank@example.com')).toMatchObject({ role: 'user' });
  });

  it('signs a user in from X-Email on /api, creating them', async () => {
    const { status, body } = await fetchApi('/api/users/self', {
      headers: { 'X-Email': 'erin@example.com', 'X-Groups': 'worker:business' },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      username: 'erin@example.com',
      email: 'erin@example.com',
      role: 'business',
      groups: ['worker', 'business'],
      authenticatedBy: 'header',
    });
    const users = await fetchApi('/api/users', { headers: { authorization: 'Token ci-token' } });
    const { results } = users.body as { results: { email: string }[] };
    expect(results.map((user) => user.email)).toContain('erin@example.com');
  });

  it('counts the body of a write it echoes', async () => {
    const { status, body } = await fetchApi('/api/tasks', {
      method: 'POST',
      headers: { 'X-Email': 'erin@example.com', 'content-type': 'application/json' },
      body: '{"name":"task"}',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      method: 'POST',
      bodyBytes: 15,
      user: { email: 'erin@example.com' },
    });
  });

  it('logs an API user in and the key it answers works as a Token', async () => {
    const login = await fetchApi('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ci-bot', password: 'ci-bot-password' }),
    });
    expect(login).toMatchObject({ status: 200, body: { key: 'ci-token' } });

    const wrong = await fetchApi('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'ci-bot', password: 'nope' }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).not.toHaveProperty('key');
  });
});
