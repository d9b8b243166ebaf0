// Session cookies the agent must refuse: tampered, truncated, re-wrapped (`alg: none`, another
// algorithm or key id), sealed with another deployment's keys, issued for another deployment or
// application, expired or idle, of the wrong kind, chunked wrongly. Each is sent on a protected
// page; the only acceptable answers are "sign in" (or 431 for an oversized header), never the app.
import { randomBytes } from 'node:crypto';
import { base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ACCEPT, signIn } from '../../src/pipeline/testing/browser';
import type { TestStack } from '../../src/pipeline/testing/start-test-stack';
import type { Session } from '../../src/session/session';
import { createSessionKeyring } from '../../src/session/session-keyring';
import { startSecurityStack } from './support/security-stack';

let stack: TestStack;
let cookieName: string;
let sealed: string;
let session: Session;
beforeAll(async () => {
  stack = await startSecurityStack();
  const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
  const pair = (jar.cookieHeaderFor(stack.agent.url) ?? '')
    .split('; ')
    .find((cookie) => /^gatehouse_[A-Za-z0-9]+_0=/.test(cookie));
  if (!pair) throw new Error('no session cookie after signing in');
  cookieName = pair.slice(0, pair.indexOf('='));
  sealed = pair.slice(pair.indexOf('=') + 1);
  session = (await createSessionKeyring(stack.config.sessionKeys).open(sealed)) as Session;
});
afterAll(() => stack.close());

const now = () => Math.floor(Date.now() / 1000);
const keys = () => stack.config.sessionKeys;
const seal = (payload: object, sessionKeys = keys()) =>
  createSessionKeyring(sessionKeys).seal(payload);
const base = () => cookieName.slice(0, -2);

/** Flips one character of the `part`-th dot-separated part of the JWE. */
function flip(token: string, part: number): string {
  const parts = token.split('.');
  const text = parts[part] ?? '';
  const index = Math.floor(text.length / 2);
  parts[part] = `${text.slice(0, index)}${text[index] === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;
  return parts.join('.');
}

type Cookies = Array<[string, string]>;
const as = (value: string): Cookies => [[cookieName, value]];

const FORGERIES: Array<[string, () => Promise<Cookies> | Cookies]> = [
  ['protected header changed', () => as(flip(sealed, 0))],
  ['IV changed', () => as(flip(sealed, 2))],
  ['ciphertext changed', () => as(flip(sealed, 3))],
  ['authentication tag changed', () => as(flip(sealed, 4))],
  ['last character dropped', () => as(sealed.slice(0, -1))],
  ['authentication tag dropped', () => as(sealed.slice(0, sealed.lastIndexOf('.') + 1))],
  ['cut in half', () => as(sealed.slice(0, sealed.length / 2))],
  ['protected header only', () => as(sealed.split('.')[0] ?? '')],
  ['one character appended', () => as(`${sealed}A`)],
  ['a sixth part appended', () => as(`${sealed}.AAAA`)],
  ['empty', () => as('')],
  [
    'the session as an unsigned JWT (alg none)',
    () => as(`${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify(session))}.`),
  ],
  ['the session as plain base64url JSON', () => as(base64url.encode(JSON.stringify(session)))],
  [
    'protected header rewritten to another algorithm',
    () => {
      const [, ...rest] = sealed.split('.');
      const header = base64url.encode(
        JSON.stringify({ alg: 'A256KW', enc: 'A256GCM', kid: keys()[0]?.id }),
      );
      return as([header, ...rest].join('.'));
    },
  ],
  [
    'sealed under an unknown key id with the right secret',
    async () => as(await seal(session, [{ id: 'sk-unknown', secret: keys()[0]?.secret ?? '' }])),
  ],
  [
    "sealed with another deployment's key under our key id",
    async () =>
      as(
        await seal(session, [
          { id: keys()[0]?.id ?? 'sk1', secret: randomBytes(32).toString('base64url') },
        ]),
      ),
  ],
  [
    'a session of another deployment',
    async () => as(await seal({ ...session, deploymentId: 'dep_other' })),
  ],
  [
    'a session of another application',
    async () => as(await seal({ ...session, applicationId: 'app_other' })),
  ],
  ['expired', async () => as(await seal({ ...session, expiresAt: now() - 1 }))],
  [
    'idle for longer than the idle timeout',
    async () => as(await seal({ ...session, lastSeenAt: now() - 3 * 86_400 })),
  ],
  [
    'from an identity provider no longer bound to the application',
    async () =>
      as(await seal({ ...session, identity: { ...session.identity, idpId: 'idp_removed' } })),
  ],
  [
    'a sign-in state cookie used as a session',
    async () => as(await seal({ ...session, kind: 'login' })),
  ],
  [
    'a session without an identity',
    async () => as(await seal({ ...session, identity: undefined })),
  ],
  ['a session with a short id', async () => as(await seal({ ...session, id: 'short' }))],
  [
    'chunks in the wrong order',
    () => [
      [`${base()}_0`, sealed.slice(sealed.length / 2)],
      [`${base()}_1`, sealed.slice(0, sealed.length / 2)],
    ],
  ],
  ['only a second chunk', () => [[`${base()}_1`, sealed]]],
  [
    'a second chunk appended to a whole cookie',
    () => [
      [`${base()}_0`, sealed],
      [`${base()}_1`, 'AAAA'],
    ],
  ],
  ['under the cookie name of another application', () => [['gatehouse_othrapp000_0', sealed]]],
  [
    'oversized (twelve full chunks)',
    () =>
      Array.from({ length: 12 }, (_, index): [string, string] => [
        `${base()}_${index}`,
        'A'.repeat(3800),
      ]),
  ],
];

describe('a forged session cookie', () => {
  it('that is genuine opens the application (the control for the rows below)', async () => {
    const response = await send(as(sealed));
    expect(response.status).toBe(200);
  });

  it.each(FORGERIES)('%s sends the user to sign in', async (_name, build) => {
    const response = await send(await build());
    if (response.status === 431) return; // refused by the HTTP parser: nothing was decided
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(new RegExp(`^${stack.idp.issuer}/`));
  });
});

function send(cookies: Cookies): Promise<Response> {
  return fetch(`${stack.agent.url}/whoami`, {
    headers: {
      accept: BROWSER_ACCEPT,
      cookie: cookies.map(([name, value]) => `${name}=${value}`).join('; '),
    },
    redirect: 'manual',
  });
}
