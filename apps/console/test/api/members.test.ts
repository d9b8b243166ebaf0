import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as invitationsRoute from '../../app/api/v1/invitations/route';
import * as invitationRoute from '../../app/api/v1/invitations/[id]/route';
import * as acceptRoute from '../../app/api/v1/invitations/accept/route';
import * as membersRoute from '../../app/api/v1/members/route';
import * as memberRoute from '../../app/api/v1/members/[id]/route';
import * as meRoute from '../../app/api/v1/me/route';
import * as deploymentsRoute from '../../app/api/v1/deployments/route';
import { bootstrapOwner } from '@/server/accounts/bootstrap-owner';
import { verifyCredentials } from '@/server/accounts/verify-credentials';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type {
  TAcceptInvitationResponse,
  TCreateInvitationResponse,
  TInvitationListResponse,
} from '@/server/accounts/invitation.types';
import type { TMemberListResponse } from '@/server/accounts/member.types';
import { callRoute } from '../helpers/call-route';
import {
  seedMemberWithRole,
  seedOrganizationMember,
  startConsoleTest,
  type ConsoleTest,
  type Member,
} from '../helpers/console-test';

let t: ConsoleTest;
beforeAll(async () => {
  t = await startConsoleTest();
});
afterAll(async () => {
  await t?.close();
});

const PASSWORD = 'invited member password';

async function invite(owner: Member, email: string, role: 'ADMIN' | 'VIEWER') {
  return callRoute<TCreateInvitationResponse>(invitationsRoute.POST, {
    method: 'POST',
    auth: owner.token,
    body: { email, role },
  });
}

// Bootstrap runs first: it only acts while the console has no user at all.
describe('first-run bootstrap', () => {
  it('creates the owner of "Default" with the given API token, once', async () => {
    const token = `ght_${'b'.repeat(40)}`;
    const config = { email: 'admin@example.test', password: 'bootstrap password', token };
    expect(await bootstrapOwner(undefined)).toBe('not-configured');
    expect(await bootstrapOwner(config)).toBe('created');
    expect(await bootstrapOwner(config)).toBe('already-initialized');
    expect(await t.db.prisma.user.count()).toBe(1);

    const me = await callRoute(meRoute.GET, { auth: token });
    expect(me.body).toMatchObject({
      user: { email: 'admin@example.test' },
      organization: { name: 'Default', slug: 'default' },
      role: 'OWNER',
    });
    expect(
      await verifyCredentials({ email: config.email, password: config.password }, null),
    ).toMatchObject({
      email: config.email,
    });
    const row = await t.db.prisma.apiToken.findFirstOrThrow({ omit: { tokenHash: false } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenPrefix).toBe(token.slice(0, 12));
  });
});

describe('invitations', () => {
  it('let an owner add an admin or viewer who sets a password and joins', async () => {
    const owner = await seedOrganizationMember(t.db);
    const created = await invite(owner, 'New.Person@Example.test', 'VIEWER');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'new.person@example.test',
      role: 'VIEWER',
      status: 'PENDING',
    });
    expect(created.body.token).toMatch(/^ghi_/);
    expect(created.body.acceptUrl).toBe(
      `http://console.test/accept-invitation?token=${created.body.token}`,
    );
    const list = await callRoute<TInvitationListResponse>(invitationsRoute.GET, {
      auth: owner.token,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    const accepted = await callRoute<TAcceptInvitationResponse>(acceptRoute.POST, {
      method: 'POST',
      body: { token: created.body.token, password: PASSWORD, name: 'New Person' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      user: { email: 'new.person@example.test', name: 'New Person' },
      organization: { id: owner.organizationId },
      role: 'VIEWER',
    });
    const again = await callRoute(acceptRoute.POST, {
      method: 'POST',
      body: { token: created.body.token, password: PASSWORD },
    });
    expect(again.status).toBe(404);

    const members = await callRoute<TMemberListResponse>(membersRoute.GET, { auth: owner.token });
    expect(members.body.members.map((member) => [member.email, member.role])).toContainEqual([
      'new.person@example.test',
      'VIEWER',
    ]);
    const user = await verifyCredentials(
      { email: 'new.person@example.test', password: PASSWORD },
      null,
    );
    expect(user?.id).toBe(accepted.body.user.id);
  });

  it('make an existing account prove its password, and refuse members and non-owners', async () => {
    const owner = await seedOrganizationMember(t.db);
    const other = await seedOrganizationMember(t.db);
    const otherEmail = (await t.db.prisma.user.findUniqueOrThrow({ where: { id: other.userId } }))
      .email;
    await t.db.prisma.user.update({
      where: { id: other.userId },
      data: { passwordHash: null },
    });
    const invitation = await invite(owner, otherEmail, 'ADMIN');
    const wrong = await callRoute<ErrorBody>(acceptRoute.POST, {
      method: 'POST',
      body: { token: invitation.body.token, password: 'not the password at all' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain('enter its password');

    const admin = await seedMemberWithRole(t.db, owner.organizationId, 'ADMIN');
    const byAdmin = await invite(admin, 'someone@example.test', 'VIEWER');
    expect(byAdmin.status).toBe(403);
    const ownerEmail = (await t.db.prisma.user.findUniqueOrThrow({ where: { id: owner.userId } }))
      .email;
    const existing = await invite(owner, ownerEmail, 'VIEWER');
    expect(existing.status).toBe(409);
    const asOwner = await callRoute<ErrorBody>(invitationsRoute.POST, {
      method: 'POST',
      auth: owner.token,
      body: { email: 'x@example.test', role: 'OWNER' },
    });
    expect(asOwner.status).toBe(422);

    const revoked = await callRoute(invitationRoute.DELETE, {
      method: 'DELETE',
      auth: owner.token,
      params: { id: invitation.body.id },
    });
    expect(revoked.status).toBe(204);
  });
});

describe('roles and members', () => {
  it('let viewers read but not write, and owners change roles while one owner remains', async () => {
    const owner = await seedOrganizationMember(t.db);
    const viewer = await seedMemberWithRole(t.db, owner.organizationId, 'VIEWER');
    const forbidden = await callRoute<ErrorBody>(deploymentsRoute.POST, {
      method: 'POST',
      auth: viewer.token,
      body: { name: 'nope' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain('Your role (viewer) cannot do this');
    expect((await callRoute(deploymentsRoute.GET, { auth: viewer.token })).status).toBe(200);

    const members = await callRoute<TMemberListResponse>(membersRoute.GET, { auth: owner.token });
    const viewerMembership = members.body.members.find((member) => member.userId === viewer.userId);
    const ownerMembership = members.body.members.find((member) => member.userId === owner.userId);
    const promote = await callRoute(memberRoute.PATCH, {
      method: 'PATCH',
      auth: owner.token,
      params: { id: viewerMembership?.id ?? '' },
      body: { role: 'ADMIN' },
    });
    expect(promote.body).toMatchObject({ role: 'ADMIN' });
    // The role applies at once to the member's existing token.
    const nowAllowed = await callRoute(deploymentsRoute.POST, {
      method: 'POST',
      auth: viewer.token,
      body: { name: 'allowed now' },
    });
    expect(nowAllowed.status).toBe(201);

    const lastOwner = await callRoute<ErrorBody>(memberRoute.PATCH, {
      method: 'PATCH',
      auth: owner.token,
      params: { id: ownerMembership?.id ?? '' },
      body: { role: 'VIEWER' },
    });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.error.message).toContain('at least one owner');

    const removed = await callRoute(memberRoute.DELETE, {
      method: 'DELETE',
      auth: owner.token,
      params: { id: viewerMembership?.id ?? '' },
    });
    expect(removed.status).toBe(204);
    expect((await callRoute(meRoute.GET, { auth: viewer.token })).status).toBe(401);
  });
});
