// Open redirect: every return URL an attacker can put in `rd` (login and logout) or in the path a
// signed-out user opens must bring the browser back to the application's own origin, whatever
// the payload: other hosts, `//`, backslashes, userinfo, schemes, `javascript:`, IDN, control
// characters, encoded once or twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '@gatehouse/dev-idp/testing';
import { BROWSER_ACCEPT, signIn } from '../../src/pipeline/testing/browser';
import type { TestStack } from '../../src/pipeline/testing/start-test-stack';
import { buildRawRequest, sendRawRequest } from './support/raw-http';
import {
  applyForm,
  buildRedirectPayloads,
  landingOrigin,
  type PayloadForm,
} from './support/redirect-payloads';
import { openAgentCookies, startSecurityStack } from './support/security-stack';

// The application URL must be known before the table is built: reserve the stack's port early.
let stack: TestStack;
let origin: string;
beforeAll(async () => {
  stack = await startSecurityStack();
  origin = stack.agent.url;
});
afterAll(() => stack.close());

// Payloads name the application's origin; the table is built for a placeholder origin and each
// row swaps in the real one (the harness port is only known once it listens).
const PLACEHOLDER = 'http://127.0.0.1:4999';
const FORMS: PayloadForm[] = ['plain', 'encoded', 'double-encoded'];
const ROWS = buildRedirectPayloads(PLACEHOLDER).flatMap((payload) =>
  FORMS.map((form) => ({ ...payload, form })),
);
const forOrigin = (value: string) =>
  value.replaceAll(PLACEHOLDER, origin).replaceAll(new URL(PLACEHOLDER).host, new URL(origin).host);

/** A return URL is safe when it is absolute on our origin: no parser can read another host in it. */
function expectOwnOrigin(target: string, context: string): void {
  expect(target.startsWith(`${origin}/`), `${context}: ${JSON.stringify(target)}`).toBe(true);
  expect(landingOrigin(target, origin), context).toBe(origin);
}

async function readReturnTo(response: Response): Promise<string> {
  const [state] = (await openAgentCookies(
    stack,
    response.headers.getSetCookie(),
    /_login_/,
  )) as Array<{ returnTo: string } | null>;
  if (!state)
    throw new Error(`no login state cookie in ${response.headers.getSetCookie().join(' | ')}`);
  return state.returnTo;
}

function get(path: string): Promise<Response> {
  return fetch(`${origin}${path}`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
}

describe('return URL on <prefix>/login?rd=', () => {
  it.each(ROWS)('$form $name', async ({ value, form }) => {
    const rd = applyForm(forOrigin(value), form);
    const response = await get(`/.gatehouse/login?rd=${encodeURIComponent(rd)}`);
    expect(response.status).toBe(302);
    expect(landingOrigin(response.headers.get('location') ?? '', origin)).toBe(
      new URL(stack.idp.issuer).origin,
    );
    expectOwnOrigin(await readReturnTo(response), `rd=${JSON.stringify(rd)}`);
  });
});

describe('return URL on <prefix>/logout?rd=', () => {
  it.each(ROWS)('$form $name', async ({ value, form }) => {
    const rd = applyForm(forOrigin(value), form);
    const response = await get(`/.gatehouse/logout?rd=${encodeURIComponent(rd)}`);
    expect(response.status).toBe(302);
    expectOwnOrigin(response.headers.get('location') ?? '', `rd=${JSON.stringify(rd)}`);
  });
});

// A signed-out user who opens a protected URL comes back to that URL after signing in; the URL
// is the request target, sent raw so no client tidies it first.
const PATH_PAYLOADS = [
  '//evil.example/',
  '///evil.example/',
  '//evil.example/%2f..',
  '/.//evil.example/',
  '/..//evil.example/',
  '/./..//evil.example/',
  '//evil.example@127.0.0.1/',
  '/https://evil.example/',
  '/http:/evil.example/',
  '//%65vil.example/',
  '/%2f%2fevil.example/',
  '/%5c%5cevil.example/',
  '/\\evil.example/',
  '//\\evil.example/',
  '/%09/evil.example/',
  '/%2e%2e//evil.example/',
  '//evil.example/?rd=//evil.example/',
  '/?rd=https://evil.example/',
  'http://evil.example/',
  '//evil.example%00.127.0.0.1/',
];

describe('return URL after signing in, taken from the requested path', () => {
  it.each(PATH_PAYLOADS)('%s', async (target) => {
    const response = await sendRawRequest(
      origin,
      buildRawRequest('GET', target, new URL(origin).host, [['Accept', BROWSER_ACCEPT]]),
    );
    if (response.status === 400) return; // refused as ambiguous: nobody is redirected anywhere
    expect(response.status).toBe(302);
    const setCookies = response.headers.filter(([name]) => name === 'set-cookie').map(([, v]) => v);
    const [state] = (await openAgentCookies(stack, setCookies, /_login_/)) as Array<{
      returnTo: string;
    } | null>;
    expectOwnOrigin(state?.returnTo ?? '', `path ${JSON.stringify(target)}`);
  });
});

// The whole round trip for a sample of payloads: sign in at the real IdP and see where the
// browser finally lands.
const ROUND_TRIP = [
  '//evil.example/',
  '/\\evil.example/',
  'https://evil.example/',
  'javascript:alert(1)',
  '%2f%2fevil.example',
  `${PLACEHOLDER}@evil.example/`,
  '/whoami?format=json',
];

describe('landing after a real sign-in', () => {
  it.each(ROUND_TRIP)('rd=%s', async (payload) => {
    const rd = forOrigin(payload);
    const { response, visited } = await signIn(
      `${origin}/.gatehouse/login?rd=${encodeURIComponent(rd)}`,
      'alice@example.com',
      new CookieJar(),
    );
    const last = visited.at(-1)?.replace(/^GET /, '') ?? '';
    expectOwnOrigin(last, visited.join(' → '));
    expect(response.status).toBe(200);
  });
});
