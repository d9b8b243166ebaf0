// Cross-site request forgery on the console's cookie-authenticated REST API: every mutation, with
// the owner's session cookie (the ambient credential a forging page rides on), in every way a
// cross-site request can look, is refused with 403 and changes nothing. The same request from
// the console's own pages goes through, so the refusals come from the CSRF check alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeSessionCookie } from '@/server/auth/session-cookie';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import { callRoute } from '../helpers/call-route';
import { CONSOLE_ORIGIN, setUpOwnerSuite } from '../helpers/console-test';
import {
  CASES,
  UNSCOPED,
  loadHandler,
  seedRouteTargets,
  snapshotOrganization,
  type Method,
  type Target,
} from '../helpers/route-table';

const suite = setUpOwnerSuite();
let cookie: string;
let ids: Record<Target, string>;
let before: string;
beforeAll(async () => {
  cookie = await encodeSessionCookie(suite.owner);
  ids = await seedRouteTargets(suite.db, suite.owner, suite.idp);
  before = await snapshotOrganization(suite.db, suite.owner.organizationId);
});

interface Mutation {
  route: string;
  method: Method;
  target?: Target;
  body?: unknown;
}

const MUTATIONS: Mutation[] = [
  ...CASES.filter((entry) => entry.method !== 'GET'),
  ...UNSCOPED.filter((entry) => entry.method !== 'GET' && entry.auth === 'user'),
];

// What a browser sends with a request another site made it send (Fetch Metadata and Origin),
// and requests that say nothing about where they come from.
const CROSS_SITE: Array<[string, Record<string, string>]> = [
  ['without Origin or Sec-Fetch-Site', {}],
  ['from another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
  ['with Origin of another site only', { origin: 'https://evil.example' }],
  ['with Origin "null" (sandboxed frame, file:)', { origin: 'null' }],
  ['with Origin of a look-alike host', { origin: `${CONSOLE_ORIGIN}.evil.example` }],
  ['with Origin on another port', { origin: `${CONSOLE_ORIGIN}:8443` }],
  ['with Origin over another scheme', { origin: CONSOLE_ORIGIN.replace('http:', 'https:') }],
  [
    'with our Origin but Sec-Fetch-Site cross-site',
    { origin: CONSOLE_ORIGIN, 'sec-fetch-site': 'cross-site' },
  ],
  ['from a sibling subdomain (same-site)', { 'sec-fetch-site': 'same-site' }],
  ['typed or bookmarked (Sec-Fetch-Site none)', { 'sec-fetch-site': 'none' }],
  ['with only a same-origin Referer', { referer: `${CONSOLE_ORIGIN}/deployments` }],
];

const ROWS = MUTATIONS.flatMap((mutation) =>
  CROSS_SITE.map(([how, headers]) => ({ ...mutation, how, headers })),
);

async function call(mutation: Mutation, headers: Record<string, string>, target = ids) {
  const handler = await loadHandler(mutation.route, mutation.method);
  return callRoute<ErrorBody>(handler, {
    method: mutation.method,
    params: mutation.target ? { id: target[mutation.target] } : {},
    body: mutation.body,
    headers: { cookie, ...headers },
  });
}

describe('a cookie-authenticated mutation', () => {
  it.each(ROWS)('$method $route $how is refused', async (row) => {
    const response = await call(row, row.headers);
    expect(response.status, JSON.stringify(response.body)).toBe(403);
    expect(response.body.error.message).toContain('cross-site request refused');
  });

  it('changed nothing in the organization', async () => {
    expect(await snapshotOrganization(suite.db, suite.owner.organizationId)).toBe(before);
  });
});

describe('the same mutation from the console’s own pages', () => {
  it.each(MUTATIONS)('$method $route passes the CSRF check', async (mutation) => {
    const fresh = await seedRouteTargets(suite.db, suite.owner, suite.idp);
    // The table's IdP issuer is unreachable (enough for refusals); a creation needs a real one.
    const body =
      mutation.route === 'deployments/[id]/idps'
        ? { ...(mutation.body as object), issuer: suite.idp.issuer }
        : mutation.body;
    const response = await call(
      { ...mutation, body },
      { origin: CONSOLE_ORIGIN, 'sec-fetch-site': 'same-origin' },
      fresh,
    );
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  });
});
