// Header spoofing: a client copy of any identity header the agent sets (attribute-pass headers,
// the signed assertion) or of an identity cookie must never reach the upstream, in any spelling,
// signed in or not. What arrives is checked the way lenient servers read names: case-blind and
// with `_` equal to `-` (cookies: as PHP reads them).
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Whoami } from '../../src/pipeline/testing/browser';
import type { TestStack } from '../../src/pipeline/testing/start-test-stack';
import { buildRawRequest, sendRawRequest } from './support/raw-http';
import {
  ASSERTION_HEADER,
  IDENTITY_COOKIE,
  IDENTITY_HEADERS,
  canonicalName,
  startSecurityStack,
} from './support/security-stack';
import {
  buildCookieVariants,
  buildHeaderVariants,
  canonicalCookieName,
  type SpoofVariant,
} from './support/spoofing-variants';

let stack: TestStack;
let sessionCookie: string;
let jwks: ReturnType<typeof createLocalJWKSet>;
beforeAll(async () => {
  stack = await startSecurityStack();
  const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
  sessionCookie = jar.cookieHeaderFor(stack.agent.url) ?? '';
  const keys = (await (
    await fetch(`${stack.agent.url}/.gatehouse/jwks.json`)
  ).json()) as JSONWebKeySet;
  jwks = createLocalJWKSet(keys);
});
afterAll(() => stack.close());

const IDENTITY = new Set(IDENTITY_HEADERS.map(canonicalName));
// What the agent itself sends for alice, under the configured names (the CVAT preset maps
// cvat-admins to admin).
const ALICE: Record<string, string> = {
  'x-email': 'alice@example.com',
  'x-groups': 'admin',
  x_remote_user: 'alice',
};

const VARIANTS: SpoofVariant[] = [
  ...IDENTITY_HEADERS.flatMap(buildHeaderVariants),
  ...buildCookieVariants(IDENTITY_COOKIE),
];

async function send(path: string, variant: SpoofVariant, cookie: string | null) {
  const fields: Array<[string, string]> = [['Accept', 'application/json'], ...variant.fields];
  if (cookie) fields.push(['Cookie', cookie]);
  return sendRawRequest(
    stack.agent.url,
    buildRawRequest('GET', `${path}?format=json`, new URL(stack.agent.url).host, fields),
  );
}

/** Every header that a lenient upstream reads as an identity header, with what it received. */
function identityHeadersReceived(whoami: Whoami): Array<[string, string[]]> {
  return Object.entries(whoami.headers).filter(([name]) => IDENTITY.has(canonicalName(name)));
}

function identityCookiesReceived(whoami: Whoami): string[] {
  const pairs = (whoami.headers.cookie ?? []).flatMap((header) => header.split(';'));
  return pairs
    .map((pair) => pair.trim())
    .filter((pair) => {
      const name = pair.slice(0, Math.max(0, pair.indexOf('=')));
      return canonicalCookieName(name) === IDENTITY_COOKIE || name.startsWith('gatehouse_');
    });
}

describe('spoofed identity on a Not-protected path (no session)', () => {
  it.each(VARIANTS)('$name', async (variant) => {
    const response = await send('/public/whoami', variant, null);
    // 400: the agent (or Node's parser) refused the request, so nothing went upstream.
    if (response.status === 400) return;
    expect(response.status, response.body).toBe(200);
    const whoami = JSON.parse(response.body) as Whoami;
    expect(identityHeadersReceived(whoami)).toEqual([]);
    expect(identityCookiesReceived(whoami)).toEqual([]);
    expect(whoami.email).toBeNull();
  });
});

describe('spoofed identity beside a valid session', () => {
  it.each(VARIANTS)('$name', async (variant) => {
    const response = await send('/whoami', variant, sessionCookie);
    if (response.status === 400) return;
    expect(response.status, response.body).toBe(200);
    const whoami = JSON.parse(response.body) as Whoami;
    const received = Object.fromEntries(identityHeadersReceived(whoami));
    const assertion = received[ASSERTION_HEADER.toLowerCase()];
    delete received[ASSERTION_HEADER.toLowerCase()];
    // Exactly the agent's own headers, once each, under the configured name.
    expect(received).toEqual(
      Object.fromEntries(Object.entries(ALICE).map(([name, value]) => [name, [value]])),
    );
    expect(assertion).toHaveLength(1);
    const { payload } = await jwtVerify(assertion?.[0] ?? '', jwks, { audience: stack.agent.url });
    expect(payload).toMatchObject({ sub: 'dev-user-alice', groups: ['cvat-admins'] });
    expect(identityCookiesReceived(whoami)).toEqual([
      `${IDENTITY_COOKIE}=${encodeURIComponent(ALICE['x-email'] ?? '')}`,
    ]);
  });
});
