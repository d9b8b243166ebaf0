// The console's own sign-in callbacks (next-auth), driven directly: next-auth's route handler
// needs a running Next server, which the e2e suite provides.
import { seedMembership, seedOrganization } from '@gatehouse/db/testing';
import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuthOptions } from '@/server/auth/auth-options';
import { buildOidcProvider, resolveOidcUser } from '@/server/auth/oidc-provider';
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

async function emailOf(userId: string): Promise<string> {
  return (await t.db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).email;
}

describe('console sign-in with OpenID Connect', () => {
  it('matches existing members by verified e-mail and lets nobody else in', async () => {
    const member = await seedOrganizationMember(t.db);
    const email = await emailOf(member.userId);
    const profile = (claims: Record<string, unknown>) => ({ sub: 'idp-subject', ...claims });

    expect(
      await resolveOidcUser(profile({ email: email.toUpperCase(), email_verified: true })),
    ).toEqual({
      id: member.userId,
      organizationId: member.organizationId,
    });
    expect(await resolveOidcUser(profile({ email, email_verified: false }))).toBeNull();
    expect(await resolveOidcUser(profile({ email: 'stranger@example.test' }))).toBeNull();
    expect(await resolveOidcUser(profile({}))).toBeNull();

    const provider = buildOidcProvider({
      issuer: 'http://127.0.0.1:3001/',
      clientId: 'console',
      clientSecret: 'secret',
      name: 'Dev IdP',
    });
    expect(provider).toMatchObject({
      id: 'oidc',
      name: 'Dev IdP',
      wellKnown: 'http://127.0.0.1:3001/.well-known/openid-configuration',
      checks: ['pkce', 'state'],
    });
  });
});

describe('the session token', () => {
  it('moves to another organization only where the user is a member', async () => {
    const member = await seedOrganizationMember(t.db);
    const second = await seedOrganization(t.db.prisma);
    const foreign = await seedOrganization(t.db.prisma);
    await seedMembership(t.db.prisma, {
      organizationId: second.id,
      userId: member.userId,
      role: 'VIEWER',
    });
    const jwt = buildAuthOptions().callbacks?.jwt;
    if (!jwt) throw new Error('no jwt callback');
    const token: JWT = { sub: member.userId, organizationId: member.organizationId };
    const update = (organizationId: string) =>
      jwt({ token: { ...token }, trigger: 'update', session: { organizationId } } as never);

    expect(await update(second.id)).toMatchObject({ organizationId: second.id });
    expect(await update(foreign.id)).toMatchObject({ organizationId: member.organizationId });
  });
});
