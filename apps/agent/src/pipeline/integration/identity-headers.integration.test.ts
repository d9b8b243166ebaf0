import { request } from 'node:http';
import type { CookieJar } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, readWhoami, signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
let alice: CookieJar;
beforeAll(async () => {
  stack = await startTestStack({
    application: {
      rules: [
        {
          priority: 1,
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
  ({ jar: alice } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com'));
});
afterAll(() => stack.close());

const FORGED = {
  'X-Email': 'mallory@example.com',
  x_email: 'mallory@example.com',
  'X-EMAIL': 'mallory@example.com',
  'X-Groups': 'admin',
  X_Gatehouse_Jwt_Assertion: 'forged',
};

/** Raw node:http, so header names go out exactly as written (fetch would normalize them). */
function sendRaw(
  url: string,
  headers: Array<[string, string]>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // With raw array headers Node adds no Host of its own.
    const all = [['Host', new URL(url).host], ...headers].flat();
    const req = request(url, { headers: all }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('identity headers a client sends', () => {
  it('never reach the upstream when signed in: the agent sends its own, once', async () => {
    const rawHeaders: Array<[string, string]> = [
      ['Cookie', alice.cookieHeaderFor(stack.agent.url) ?? ''],
      ['Accept', 'application/json'],
      ...Object.entries(FORGED),
    ];
    const { status, body } = await sendRaw(`${stack.agent.url}/whoami?format=json`, rawHeaders);
    expect(status, body).toBe(200);
    const whoami = JSON.parse(body) as { headers: Record<string, string[]> };
    expect(whoami.headers['x-email']).toEqual(['alice@example.com']);
    expect(whoami.headers['x-groups']).toEqual(['admin']);
    expect(whoami.headers.x_email).toBeUndefined();
    expect(whoami.headers['x_gatehouse_jwt_assertion']).toBeUndefined();
  });

  it('never reach the upstream on a path that needs no sign-in', async () => {
    const { status, body } = await sendRaw(
      `${stack.agent.url}/public/whoami?format=json`,
      Object.entries(FORGED),
    );
    expect(status, body).toBe(200);
    const whoami = JSON.parse(body) as { email: string | null; headers: Record<string, string[]> };
    expect(whoami.email).toBeNull();
    expect(
      Object.keys(whoami.headers).filter((name) => /x.email|x.groups|assertion/.test(name)),
    ).toEqual([]);
  });

  it('cannot be dropped or smuggled by naming them in Connection', async () => {
    const { status, body } = await sendRaw(`${stack.agent.url}/whoami?format=json`, [
      ['Cookie', alice.cookieHeaderFor(stack.agent.url) ?? ''],
      ['Connection', 'keep-alive, X-Email, X-Groups'],
      ['X-Email', 'mallory@example.com'],
    ]);
    expect(status, body).toBe(200);
    const whoami = JSON.parse(body) as { headers: Record<string, string[]> };
    expect(whoami.headers['x-email']).toEqual(['alice@example.com']);
    expect(whoami.headers['x-groups']).toEqual(['admin']);
    expect(whoami.headers.connection).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/x-email/i)]),
    );
  });

  it('keeps the agent session cookie away from the upstream, and the upstream cookies untouched', async () => {
    const whoami = await readWhoami(
      await browse(alice, `${stack.agent.url}/whoami?format=json`, {
        headers: { cookie: 'theme=dark' },
      }),
    );
    expect(whoami.headers.cookie?.join(';') ?? '').not.toContain('gatehouse_');

    const response = await browse(alice, `${stack.agent.url}/set-cookie`);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([
      'demo_upstream_session=upstream-session-value; Path=/; HttpOnly; SameSite=Lax',
      'demo_upstream_theme=dark; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
    ]);
  });

  it('tells the upstream where the request came from, not what the client claimed', async () => {
    const whoami = await readWhoami(
      await browse(alice, `${stack.agent.url}/whoami?format=json`, {
        headers: {
          'x-forwarded-for': '203.0.113.9',
          'x-forwarded-host': 'evil.example',
          'x-request-id': 'client-chosen-id',
        },
      }),
    );
    expect(whoami.headers['x-forwarded-for']).toEqual(['127.0.0.1']);
    expect(whoami.headers['x-forwarded-proto']).toEqual(['http']);
    expect(whoami.headers['x-forwarded-host']).toEqual([new URL(stack.agent.url).host]);
    expect(whoami.headers.host).toEqual([new URL(stack.upstream.url).host]);
    expect(whoami.headers['x-request-id']?.[0]).toMatch(/^[0-9a-f-]{36}$|^client-chosen-id$/);
  });
});
