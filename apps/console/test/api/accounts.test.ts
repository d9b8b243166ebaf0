import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as signUpRoute from '../../app/api/v1/auth/sign-up/route';
import * as meRoute from '../../app/api/v1/me/route';
import * as tokensRoute from '../../app/api/v1/api-tokens/route';
import * as tokenRoute from '../../app/api/v1/api-tokens/[id]/route';
import { verifyCredentials } from '@/server/accounts/verify-credentials';
import { buildAuthOptions } from '@/server/auth/auth-options';
import { encodeSessionCookie } from '@/server/auth/session-cookie';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type { TSignUpResponse } from '@/server/accounts/sign-up.types';
import type { TCurrentMemberResponse } from '@/server/accounts/member.types';
import type {
  TApiTokenListResponse,
  TCreateApiTokenResponse,
} from '@/server/accounts/api-token.types';
import { callRoute } from '../helpers/call-route';
import {
  CONSOLE_ORIGIN,
  seedMemberWithRole,
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

const PASSWORD = 'a long enough passphrase';

describe('sign-up', () => {
  it('creates a user who owns a new organization, storing only a scrypt hash', async () => {
    const response = await callRoute<TSignUpResponse>(signUpRoute.POST, {
      method: 'POST',
      body: { email: ' Olive@Example.TEST ', password: PASSWORD, organizationName: 'Acme Vision' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      user: { email: 'olive@example.test' },
      organization: { name: 'Acme Vision' },
      role: 'OWNER',
    });
    expect(response.body.organization.slug).toMatch(/^acme-vision-[0-9a-f]{6}$/);
    expect(JSON.stringify(response.body)).not.toContain(PASSWORD);
    const user = await t.db.prisma.user.findUniqueOrThrow({
      where: { email: 'olive@example.test' },
      omit: { passwordHash: false },
      include: { memberships: true },
    });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(user.memberships).toEqual([
      expect.objectContaining({ organizationId: response.body.organization.id, role: 'OWNER' }),
    ]);
    const events = await t.db.prisma.auditEvent.findMany({
      where: { organizationId: response.body.organization.id },
    });
    expect(events.map((event) => event.action)).toEqual(['organization.create']);
  });

  it('refuses a taken e-mail with 409 and invalid input with 422 and field paths', async () => {
    const body = { email: 'taken@example.test', password: PASSWORD, organizationName: 'One' };
    expect((await callRoute(signUpRoute.POST, { method: 'POST', body })).status).toBe(201);
    const again = await callRoute<ErrorBody>(signUpRoute.POST, {
      method: 'POST',
      body: { ...body, email: 'TAKEN@example.test' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    const invalid = await callRoute<ErrorBody>(signUpRoute.POST, {
      method: 'POST',
      body: { email: 'not-an-email', password: 'short', organizationName: '' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues?.map((issue) => issue.path).sort()).toEqual([
      'email',
      'organizationName',
      'password',
    ]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await signUpRoute.POST(
      new Request(`${CONSOLE_ORIGIN}/api/v1/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{nope',
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('bad_request');
  });
});

describe('sign-in', () => {
  it('verifies the password and starts the session in the user’s organization', async () => {
    const email = 'signin@example.test';
    const signedUp = await callRoute<TSignUpResponse>(signUpRoute.POST, {
      method: 'POST',
      body: { email, password: PASSWORD, organizationName: 'Sign In Org' },
    });
    const user = await verifyCredentials(
      { email: 'SignIn@example.test', password: PASSWORD },
      '192.0.2.1',
    );
    expect(user).toMatchObject({ email, organizationId: signedUp.body.organization.id });
    expect(
      await verifyCredentials({ email, password: 'wrong password!!' }, '192.0.2.1'),
    ).toBeNull();
    expect(
      await verifyCredentials({ email: 'nobody@example.test', password: PASSWORD }, '192.0.2.1'),
    ).toBeNull();

    const token = await buildAuthOptions().callbacks?.jwt?.({
      token: { sub: user?.id },
      user: user as never,
      account: { provider: 'credentials', type: 'credentials', providerAccountId: user?.id ?? '' },
    } as never);
    expect(token).toMatchObject({ sub: user?.id, organizationId: signedUp.body.organization.id });
  });

  it('slows down repeated guessing for one account', async () => {
    const attempts = [];
    for (let i = 0; i < 11; i++) {
      attempts.push(
        await verifyCredentials(
          { email: 'victim@example.test', password: 'guess guess guess' },
          '192.0.2.9',
        )
          .then(() => 'checked')
          .catch((error: Error) => error.message),
      );
    }
    expect(attempts.slice(0, 10).every((result) => result === 'checked')).toBe(true);
    expect(attempts[10]).toMatch(/^Too many sign-in attempts/);
  });
});

describe('session cookie', () => {
  it('authenticates reads, and mutations only from the console’s own origin', async () => {
    const member = await seedOrganizationMember(t.db);
    const cookie = await encodeSessionCookie(member);
    const me = await callRoute<TCurrentMemberResponse>(meRoute.GET, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'OWNER', apiTokenId: null });

    const body = { name: 'from a page' };
    const forged = await callRoute<ErrorBody>(tokensRoute.POST, {
      method: 'POST',
      body,
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toContain('cross-site');
    const sameOrigin = await callRoute(tokensRoute.POST, {
      method: 'POST',
      body,
      headers: { cookie, origin: CONSOLE_ORIGIN },
    });
    expect(sameOrigin.status).toBe(201);

    const tampered = await callRoute(meRoute.GET, { headers: { cookie: `${cookie}x` } });
    expect(tampered.status).toBe(401);
    expect((await callRoute(meRoute.GET)).status).toBe(401);
  });

  it('stops working when the membership is gone', async () => {
    const owner = await seedOrganizationMember(t.db);
    const viewer = await seedMemberWithRole(t.db, owner.organizationId, 'VIEWER');
    const cookie = await encodeSessionCookie(viewer);
    expect((await callRoute(meRoute.GET, { headers: { cookie } })).status).toBe(200);
    await t.db.prisma.membership.deleteMany({ where: { userId: viewer.userId } });
    expect((await callRoute(meRoute.GET, { headers: { cookie } })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('are shown once, stored as a hash, listed without the secret, and revocable', async () => {
    const member = await seedOrganizationMember(t.db);
    const created = await callRoute<TCreateApiTokenResponse>(tokensRoute.POST, {
      method: 'POST',
      auth: member.token,
      body: { name: 'CI pipeline' },
    });
    expect(created.status).toBe(201);
    const { token, id, tokenPrefix } = created.body;
    expect(token).toMatch(/^ght_[\w-]{43}$/);
    expect(token.startsWith(tokenPrefix)).toBe(true);

    const row = await t.db.prisma.apiToken.findUniqueOrThrow({
      where: { id },
      omit: { tokenHash: false },
    });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);

    const list = await callRoute<TApiTokenListResponse>(tokensRoute.GET, { auth: token });
    expect(list.body.apiTokens.map((entry) => entry.name)).toContain('CI pipeline');
    expect(JSON.stringify(list.body)).not.toContain(token);

    const me = await callRoute<TCurrentMemberResponse>(meRoute.GET, { auth: token });
    expect(me.body).toMatchObject({ apiTokenId: id, role: 'OWNER' });

    const revoked = await callRoute(tokenRoute.DELETE, {
      method: 'DELETE',
      auth: member.token,
      params: { id },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED' });
    const refused = await callRoute<ErrorBody>(meRoute.GET, { auth: token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain('revoked');

    const actions = await t.db.prisma.auditEvent.findMany({
      where: { organizationId: member.organizationId },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((event) => [event.action, event.targetId])).toEqual([
      ['api_token.create', id],
      ['api_token.revoke', id],
    ]);
  });

  it('refuses expired and unknown tokens and tokens above the creator’s role', async () => {
    const owner = await seedOrganizationMember(t.db);
    const viewer = await seedMemberWithRole(t.db, owner.organizationId, 'VIEWER');
    const tooStrong = await callRoute<ErrorBody>(tokensRoute.POST, {
      method: 'POST',
      auth: viewer.token,
      body: { name: 'escalate', role: 'ADMIN' },
    });
    expect(tooStrong.status).toBe(422);
    expect(tooStrong.body.error.issues?.[0]?.path).toBe('role');

    const readOnly = await callRoute<TCreateApiTokenResponse>(tokensRoute.POST, {
      method: 'POST',
      auth: owner.token,
      body: { name: 'dashboard', role: 'VIEWER' },
    });
    const me = await callRoute<TCurrentMemberResponse>(meRoute.GET, { auth: readOnly.body.token });
    expect(me.body.role).toBe('VIEWER');

    await t.db.prisma.apiToken.update({
      where: { id: readOnly.body.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await callRoute<ErrorBody>(meRoute.GET, { auth: readOnly.body.token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain('expired');
    const unknown = await callRoute(meRoute.GET, {
      auth: 'ght_notarealtokenatallnotarealtokenatall',
    });
    expect(unknown.status).toBe(401);
    const malformed = await callRoute(meRoute.GET, { auth: 'Bearer something-else' });
    expect(malformed.status).toBe(401);
  });

  it('do not let a member revoke someone else’s token (404), but an owner can', async () => {
    const owner = await seedOrganizationMember(t.db);
    const admin = await seedMemberWithRole(t.db, owner.organizationId, 'ADMIN');
    const byAdmin = await callRoute(tokenRoute.DELETE, {
      method: 'DELETE',
      auth: admin.token,
      params: { id: owner.tokenId },
    });
    expect(byAdmin.status).toBe(404);
    const byOwner = await callRoute(tokenRoute.DELETE, {
      method: 'DELETE',
      auth: owner.token,
      params: { id: admin.tokenId },
    });
    expect(byOwner.status).toBe(200);
  });
});
