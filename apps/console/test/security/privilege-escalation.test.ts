// Privilege escalation: what a viewer (or an admin) tries to gain more than its role grants, and
// what a client tries to slip into another organization through extra body fields. Each attempt
// is refused (or has no effect), and the roles and rows afterwards are what they were.
import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteHandler } from '@/server/api/with-api';
import type { TCreateApiTokenResponse } from '@/server/accounts/api-token.types';
import { callRoute, type CallResult } from '../helpers/call-route';
import {
  createApplication,
  createDeployment,
  createIdentityProvider,
} from '../helpers/api-fixtures';
import {
  seedMemberWithRole,
  seedOrganizationMember,
  startConsoleTest,
  type ConsoleTest,
  type Member,
} from '../helpers/console-test';
import { loadHandler, snapshotOrganization } from '../helpers/route-table';

let t: ConsoleTest;
let idp: DevIdp;
beforeAll(async () => {
  [t, idp] = await Promise.all([startConsoleTest(), startDevIdp({ port: 0 })]);
});
afterAll(async () => {
  await Promise.all([t?.close(), idp?.close()]);
});

interface Cast {
  owner: Member;
  admin: Member;
  viewer: Member;
}

async function seedCast(): Promise<Cast> {
  const owner = await seedOrganizationMember(t.db);
  const [admin, viewer] = await Promise.all([
    seedMemberWithRole(t.db, owner.organizationId, 'ADMIN'),
    seedMemberWithRole(t.db, owner.organizationId, 'VIEWER'),
  ]);
  return { owner, admin, viewer };
}

async function membershipOf(member: Member): Promise<string> {
  const row = await t.db.prisma.membership.findFirstOrThrow({
    where: { userId: member.userId, organizationId: member.organizationId },
  });
  return row.id;
}

async function route(path: string, method: string): Promise<RouteHandler> {
  return loadHandler(path, method);
}

async function createToken(
  member: Member,
  role?: string,
): Promise<CallResult<TCreateApiTokenResponse>> {
  return callRoute<TCreateApiTokenResponse>(await route('api-tokens', 'POST'), {
    method: 'POST',
    auth: member.token,
    body: { name: 'escalation', ...(role ? { role } : {}) },
  });
}

type Attempt = (cast: Cast) => Promise<CallResult>;

const ATTEMPTS: Array<[string, number, Attempt]> = [
  [
    'a viewer makes itself owner',
    403,
    async ({ viewer }) =>
      callRoute(await route('members/[id]', 'PATCH'), {
        method: 'PATCH',
        auth: viewer.token,
        params: { id: await membershipOf(viewer) },
        body: { role: 'OWNER' },
      }),
  ],
  [
    'a viewer makes another member admin',
    403,
    async ({ viewer, admin }) =>
      callRoute(await route('members/[id]', 'PATCH'), {
        method: 'PATCH',
        auth: viewer.token,
        params: { id: await membershipOf(admin) },
        body: { role: 'OWNER' },
      }),
  ],
  [
    'an admin makes itself owner',
    403,
    async ({ admin }) =>
      callRoute(await route('members/[id]', 'PATCH'), {
        method: 'PATCH',
        auth: admin.token,
        params: { id: await membershipOf(admin) },
        body: { role: 'OWNER' },
      }),
  ],
  ['a viewer creates an admin token', 422, ({ viewer }) => createToken(viewer, 'ADMIN')],
  ['a viewer creates an owner token', 422, ({ viewer }) => createToken(viewer, 'OWNER')],
  ['an admin creates an owner token', 422, ({ admin }) => createToken(admin, 'OWNER')],
  [
    'a viewer invites an owner',
    403,
    async ({ viewer }) =>
      callRoute(await route('invitations', 'POST'), {
        method: 'POST',
        auth: viewer.token,
        body: { email: 'accomplice@example.test', role: 'OWNER' },
      }),
  ],
  [
    'an admin invites an owner',
    403,
    async ({ admin }) =>
      callRoute(await route('invitations', 'POST'), {
        method: 'POST',
        auth: admin.token,
        body: { email: 'accomplice@example.test', role: 'OWNER' },
      }),
  ],
  [
    'a viewer removes the owner',
    403,
    async ({ viewer, owner }) =>
      callRoute(await route('members/[id]', 'DELETE'), {
        method: 'DELETE',
        auth: viewer.token,
        params: { id: await membershipOf(owner) },
      }),
  ],
  [
    'an admin removes the owner',
    403,
    async ({ admin, owner }) =>
      callRoute(await route('members/[id]', 'DELETE'), {
        method: 'DELETE',
        auth: admin.token,
        params: { id: await membershipOf(owner) },
      }),
  ],
  [
    "a viewer revokes the owner's token",
    404,
    async ({ viewer, owner }) =>
      callRoute(await route('api-tokens/[id]', 'DELETE'), {
        method: 'DELETE',
        auth: viewer.token,
        params: { id: owner.tokenId },
      }),
  ],
  [
    "an owner's read-only token creates a deployment",
    403,
    async ({ owner }) => {
      const readOnly = await createToken(owner, 'VIEWER');
      return callRoute(await route('deployments', 'POST'), {
        method: 'POST',
        auth: readOnly.body.token,
        body: { name: 'through a read-only token' },
      });
    },
  ],
  [
    'a token minted by a read-only token (no role given) creates a deployment',
    403,
    async ({ owner }) => {
      const readOnly = await createToken(owner, 'VIEWER');
      const minted = await callRoute<TCreateApiTokenResponse>(await route('api-tokens', 'POST'), {
        method: 'POST',
        auth: readOnly.body.token,
        body: { name: 'minted' },
      });
      return callRoute(await route('deployments', 'POST'), {
        method: 'POST',
        auth: minted.body.token,
        body: { name: 'through a minted token' },
      });
    },
  ],
  [
    "a demoted admin's admin token creates a deployment",
    403,
    async ({ admin }) => {
      const token = await createToken(admin, 'ADMIN');
      await t.db.prisma.membership.update({
        where: { id: await membershipOf(admin) },
        data: { role: 'VIEWER' },
      });
      return callRoute(await route('deployments', 'POST'), {
        method: 'POST',
        auth: token.body.token,
        body: { name: 'after demotion' },
      });
    },
  ],
];

describe('privilege escalation', () => {
  it.each(ATTEMPTS)('%s is refused (%i)', async (_name, status, attempt) => {
    const cast = await seedCast();
    const roles = async () =>
      JSON.stringify(
        await t.db.prisma.membership.findMany({
          where: { organizationId: cast.owner.organizationId },
          orderBy: { id: 'asc' },
          select: { id: true, role: true },
        }),
      );
    const rolesBefore = await roles();
    const deploymentsBefore = await t.db.prisma.deployment.count({
      where: { organizationId: cast.owner.organizationId },
    });
    const response = await attempt(cast);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    if (!_name.includes('demoted')) expect(await roles()).toBe(rolesBefore);
    expect(
      await t.db.prisma.deployment.count({ where: { organizationId: cast.owner.organizationId } }),
    ).toBe(deploymentsBefore);
  });
});

describe('fields naming another organization', () => {
  it('cannot place a deployment in it', async () => {
    const mine = await seedOrganizationMember(t.db);
    const theirs = await seedOrganizationMember(t.db);
    const before = await snapshotOrganization(t.db, theirs.organizationId);
    const response = await callRoute<{ id: string }>(await route('deployments', 'POST'), {
      method: 'POST',
      auth: mine.token,
      body: { name: 'planted', organizationId: theirs.organizationId },
    });
    expect(response.status).toBe(201);
    const row = await t.db.prisma.deployment.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(row.organizationId).toBe(mine.organizationId);
    expect(await snapshotOrganization(t.db, theirs.organizationId)).toBe(before);
  });

  it('cannot move an application into its deployment', async () => {
    const mine = await seedOrganizationMember(t.db);
    const theirs = await seedOrganizationMember(t.db);
    const myDeployment = await createDeployment(mine.token);
    const theirDeployment = await createDeployment(theirs.token);
    const app = await createApplication(mine.token, myDeployment.id);
    const before = await snapshotOrganization(t.db, theirs.organizationId);
    const response = await callRoute(await route('applications/[id]', 'PATCH'), {
      method: 'PATCH',
      auth: mine.token,
      params: { id: app.id },
      body: { deploymentId: theirDeployment.id, organizationId: theirs.organizationId },
    });
    expect(response.status).toBeLessThan(500);
    const row = await t.db.prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({
      deploymentId: myDeployment.id,
      organizationId: mine.organizationId,
    });
    expect(await snapshotOrganization(t.db, theirs.organizationId)).toBe(before);
  });

  it('cannot bind its identity provider to an application', async () => {
    const mine = await seedOrganizationMember(t.db);
    const theirs = await seedOrganizationMember(t.db);
    const myDeployment = await createDeployment(mine.token);
    const theirDeployment = await createDeployment(theirs.token);
    const theirIdp = await createIdentityProvider(theirs.token, theirDeployment.id, idp.issuer);
    const response = await callRoute(await route('deployments/[id]/applications', 'POST'), {
      method: 'POST',
      auth: mine.token,
      params: { id: myDeployment.id },
      body: {
        name: 'borrowing',
        applicationUrl: 'https://borrow.example.test',
        listenPort: 9000,
        upstreamServers: ['http://127.0.0.1:8080'],
        idpIds: [theirIdp.id],
      },
    });
    expect([404, 422]).toContain(response.status);
    expect(
      await t.db.prisma.application.count({ where: { organizationId: mine.organizationId } }),
    ).toBe(0);
  });
});
