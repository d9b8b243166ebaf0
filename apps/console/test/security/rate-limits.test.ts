// Rate limits on the console's guessable doors: password sign-in (per address and e-mail, and
// per e-mail whatever address a guesser claims), sign-up, API tokens, and the agent API (failed
// provisioning-key attempts per address; a leaked key's request budget). Each answers 429 with
// Retry-After once exhausted, and one caller's exhaustion does not lock out another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as configRoute from '../../app/api/agent/v1/config/route';
import * as meRoute from '../../app/api/v1/me/route';
import * as signUpRoute from '../../app/api/v1/auth/sign-up/route';
import { verifyCredentials } from '@/server/accounts/verify-credentials';
import { callRoute } from '../helpers/call-route';
import { basicAuth, createDeployment, createProvisioningKey } from '../helpers/api-fixtures';
import {
  seedOrganizationMember,
  startConsoleTest,
  type ConsoleTest,
} from '../helpers/console-test';

let t: ConsoleTest;
beforeAll(async () => {
  t = await startConsoleTest();
});
afterAll(async () => {
  await t?.close();
});

const PASSWORD = 'correct horse battery staple';

/** Calls `attempt` until it is rate-limited; how many went through before, at most `limit`. */
async function countUntilLimited(
  attempt: (index: number) => Promise<{ status: number; headers?: Headers }>,
  limit: number,
): Promise<{ allowed: number; retryAfter: string | null }> {
  for (let index = 0; index < limit; index += 1) {
    const response = await attempt(index);
    if (response.status === 429) {
      return { allowed: index, retryAfter: response.headers?.get('retry-after') ?? null };
    }
  }
  return { allowed: limit, retryAfter: null };
}

const signInStatus = (email: string, ip: string) =>
  verifyCredentials({ email, password: 'a wrong guess!' }, ip).then(
    () => ({ status: 401 }),
    (error: Error) => ({ status: /^Too many/.test(error.message) ? 429 : 500 }),
  );

describe('password sign-in', () => {
  it('stops a guesser who claims a new address for every guess (per-e-mail limit)', async () => {
    const { allowed } = await countUntilLimited(
      (index) => signInStatus('victim-rotating@example.test', `198.51.100.${index}`),
      60,
    );
    expect(allowed).toBe(30);
    // Each refused guess still costs a password hash (scrypt): slow on a busy machine.
  }, 120_000);

  it('keeps the limit per account: another account from the same address is not locked out', async () => {
    await countUntilLimited(() => signInStatus('victim-two@example.test', '203.0.113.7'), 20);
    const other = await signInStatus('someone-else@example.test', '203.0.113.7');
    expect(other.status).toBe(401);
  }, 120_000);
});

describe('sign-up', () => {
  it('answers 429 with Retry-After after ten sign-ups from one address', async () => {
    const { allowed, retryAfter } = await countUntilLimited(
      (index) =>
        callRoute(signUpRoute.POST, {
          method: 'POST',
          headers: { 'x-forwarded-for': '192.0.2.200' },
          body: {
            email: `spam-${index}@example.test`,
            password: PASSWORD,
            organizationName: `Spam ${index}`,
          },
        }),
      20,
    );
    expect(allowed).toBe(10);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('API tokens', () => {
  it('answer 429 to a flood of guessed tokens, without slowing a real token down', async () => {
    const guessed = `ght_${'x'.repeat(43)}`;
    const { allowed, retryAfter } = await countUntilLimited(
      () => callRoute(meRoute.GET, { auth: guessed }),
      1_000,
    );
    expect(allowed).toBeGreaterThanOrEqual(300);
    expect(allowed).toBeLessThan(1_000);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const member = await seedOrganizationMember(t.db);
    expect((await callRoute(meRoute.GET, { auth: member.token })).status).toBe(200);
  });
});

describe('the agent API', () => {
  it('answers 429 to an address that keeps failing, and still serves the real agent', async () => {
    const owner = await seedOrganizationMember(t.db);
    const deployment = await createDeployment(owner.token);
    const key = await createProvisioningKey(owner.token, deployment.id);
    const { allowed, retryAfter } = await countUntilLimited(
      () =>
        callRoute(configRoute.GET, {
          auth: basicAuth({ key: key.key, secret: `ghs_${'guess'.repeat(9)}` }),
          headers: { 'x-forwarded-for': '192.0.2.66' },
        }),
      100,
    );
    expect(allowed).toBe(30);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const real = await callRoute(configRoute.GET, {
      auth: basicAuth(key),
      headers: { 'x-forwarded-for': '192.0.2.67' },
    });
    expect(real.status).toBe(200);
  });

  it("limits a key's request budget, so a leaked key cannot flood the console", async () => {
    const owner = await seedOrganizationMember(t.db);
    const deployment = await createDeployment(owner.token);
    const key = await createProvisioningKey(owner.token, deployment.id);
    const first = await callRoute(configRoute.GET, { auth: basicAuth(key) });
    const etag = first.headers.get('etag') ?? '';
    const { allowed, retryAfter } = await countUntilLimited(
      () =>
        callRoute(configRoute.GET, { auth: basicAuth(key), headers: { 'if-none-match': etag } }),
      600,
    );
    expect(allowed).toBeGreaterThanOrEqual(119);
    expect(allowed).toBeLessThan(600);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another deployment's key has its own budget.
    const other = await createProvisioningKey(
      owner.token,
      (await createDeployment(owner.token)).id,
    );
    expect((await callRoute(configRoute.GET, { auth: basicAuth(other) })).status).toBe(200);
  });
});
