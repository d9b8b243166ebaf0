// Tenancy and roles over the whole REST surface, table-driven: every route that takes an id is
// called by a member of another organization (must answer 404 and change nothing) and by a
// viewer of the owning organization (reads 200, writes 403). A final check lists the route files
// on disk, so a new route cannot be added without joining this table.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteHandler } from '@/server/api/with-api';
import { callRoute } from '../helpers/call-route';
import {
  createApplication,
  createDeployment,
  createIdentityProvider,
  createProvisioningKey,
} from '../helpers/api-fixtures';
import {
  seedMemberWithRole,
  seedOrganizationMember,
  startConsoleTest,
  type ConsoleTest,
  type Member,
} from '../helpers/console-test';

const API_DIR = fileURLToPath(new URL('../../app/api/v1/', import.meta.url));

type Target = 'deployment' | 'application' | 'idp' | 'key' | 'token' | 'member' | 'invitation';
interface RouteCase {
  route: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  target: Target;
  body?: unknown;
  /** What a viewer gets when it is not the usual 200 (read) or 403 (write). */
  viewerStatus?: number;
}

// Valid bodies, so that a refusal can only come from scope or role, never from validation.
const CASES: RouteCase[] = [
  { route: 'deployments/[id]', method: 'GET', target: 'deployment' },
  {
    route: 'deployments/[id]',
    method: 'PATCH',
    target: 'deployment',
    body: { name: 'taken over' },
  },
  { route: 'deployments/[id]', method: 'DELETE', target: 'deployment' },
  { route: 'deployments/[id]/applications', method: 'GET', target: 'deployment' },
  {
    route: 'deployments/[id]/applications',
    method: 'POST',
    target: 'deployment',
    body: {
      name: 'x',
      applicationUrl: 'https://x.test',
      listenPort: 1,
      upstreamServers: ['http://x'],
    },
  },
  { route: 'deployments/[id]/idps', method: 'GET', target: 'deployment' },
  {
    route: 'deployments/[id]/idps',
    method: 'POST',
    target: 'deployment',
    body: {
      name: 'x',
      provider: 'GENERIC',
      clientId: 'x',
      clientSecret: 'x',
      issuer: 'http://127.0.0.1:1',
    },
  },
  { route: 'deployments/[id]/provisioning-keys', method: 'GET', target: 'deployment' },
  {
    route: 'deployments/[id]/provisioning-keys',
    method: 'POST',
    target: 'deployment',
    body: { name: 'x' },
  },
  { route: 'deployments/[id]/agents', method: 'GET', target: 'deployment' },
  { route: 'applications/[id]', method: 'GET', target: 'application' },
  { route: 'applications/[id]', method: 'PATCH', target: 'application', body: { listenPort: 2 } },
  { route: 'applications/[id]', method: 'DELETE', target: 'application' },
  { route: 'applications/[id]/attribute-pass', method: 'GET', target: 'application' },
  {
    route: 'applications/[id]/attribute-pass',
    method: 'PUT',
    target: 'application',
    body: { rows: [] },
  },
  { route: 'applications/[id]/role-mapping', method: 'GET', target: 'application' },
  {
    route: 'applications/[id]/role-mapping',
    method: 'PUT',
    target: 'application',
    body: { rows: [], defaultRole: null },
  },
  { route: 'applications/[id]/rules', method: 'GET', target: 'application' },
  { route: 'applications/[id]/rules', method: 'PUT', target: 'application', body: { rows: [] } },
  { route: 'applications/[id]/presets/cvat', method: 'POST', target: 'application' },
  { route: 'idps/[id]', method: 'GET', target: 'idp' },
  { route: 'idps/[id]', method: 'PATCH', target: 'idp', body: { name: 'taken over' } },
  { route: 'idps/[id]', method: 'DELETE', target: 'idp' },
  { route: 'provisioning-keys/[id]', method: 'DELETE', target: 'key' },
  // Members see and revoke only their own tokens, so another member's token is "not found".
  { route: 'api-tokens/[id]', method: 'DELETE', target: 'token', viewerStatus: 404 },
  { route: 'members/[id]', method: 'PATCH', target: 'member', body: { role: 'VIEWER' } },
  { route: 'members/[id]', method: 'DELETE', target: 'member' },
  { route: 'invitations/[id]', method: 'DELETE', target: 'invitation' },
];

// Routes without an id: lists and creation in the caller's own organization, public sign-up and
// invitation acceptance, the caller's own identity, and the API document.
const UNSCOPED = [
  'GET deployments',
  'POST deployments',
  'GET api-tokens',
  'POST api-tokens',
  'GET members',
  'GET invitations',
  'POST invitations',
  'POST invitations/accept',
  'GET audit-events',
  'GET me',
  'POST auth/sign-up',
  'GET openapi.json',
];

let t: ConsoleTest;
let idp: DevIdp;
let owner: Member;
let ids: Record<Target, string>;
beforeAll(async () => {
  [t, idp] = await Promise.all([startConsoleTest(), startDevIdp({ port: 0 })]);
  owner = await seedOrganizationMember(t.db);
});
afterAll(async () => {
  await Promise.all([t?.close(), idp?.close()]);
});

/** A fresh set of resources in the owner's organization (deletes in the table consume them). */
async function seedResources(): Promise<Record<Target, string>> {
  const deployment = await createDeployment(owner.token);
  const provider = await createIdentityProvider(owner.token, deployment.id, idp.issuer);
  const app = await createApplication(owner.token, deployment.id, { idpIds: [provider.id] });
  const key = await createProvisioningKey(owner.token, deployment.id);
  const member = await seedMemberWithRole(t.db, owner.organizationId, 'ADMIN');
  const membership = await t.db.prisma.membership.findFirstOrThrow({
    where: { userId: member.userId },
  });
  const invitation = await t.db.prisma.invitation.create({
    data: {
      organizationId: owner.organizationId,
      email: `invitee-${membership.id}@example.test`,
      role: 'VIEWER',
      tokenHash: membership.id,
      expiresAt: new Date(Date.now() + 3600_000),
      invitedById: owner.userId,
    },
  });
  return {
    deployment: deployment.id,
    application: app.id,
    idp: provider.id,
    key: key.id,
    token: member.tokenId,
    member: membership.id,
    invitation: invitation.id,
  };
}

async function loadHandler(route: string, method: string): Promise<RouteHandler> {
  const module = (await import(/* @vite-ignore */ join(API_DIR, route, 'route.ts'))) as Record<
    string,
    RouteHandler
  >;
  const handler = module[method];
  if (!handler) throw new Error(`${route} exports no ${method}`);
  return handler;
}

async function snapshot(organizationId: string) {
  const where = { organizationId };
  const prisma = t.db.prisma;
  return JSON.stringify(
    await Promise.all([
      prisma.deployment.findMany({ where, orderBy: { id: 'asc' } }),
      prisma.application.findMany({ where, orderBy: { id: 'asc' } }),
      prisma.identityProvider.findMany({ where, orderBy: { id: 'asc' } }),
      prisma.provisioningKey.findMany({ where, orderBy: { id: 'asc' } }),
      prisma.apiToken.findMany({ where, orderBy: { id: 'asc' }, omit: { lastUsedAt: true } }),
      prisma.membership.findMany({ where, orderBy: { id: 'asc' } }),
      prisma.invitation.findMany({ where, orderBy: { id: 'asc' } }),
      prisma.rule.count({ where }),
      prisma.attributePass.count({ where }),
    ]),
  );
}

describe('another organization’s ids', () => {
  it.each(CASES)('$method $route answers 404 and changes nothing', async (routeCase) => {
    ids = await seedResources();
    const stranger = await seedOrganizationMember(t.db);
    const before = await snapshot(owner.organizationId);
    const handler = await loadHandler(routeCase.route, routeCase.method);
    const response = await callRoute(handler, {
      method: routeCase.method,
      auth: stranger.token,
      params: { id: ids[routeCase.target] },
      body: routeCase.body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(404);
    expect(await snapshot(owner.organizationId)).toBe(before);
  });

  it('never appear in another organization’s lists', async () => {
    ids = await seedResources();
    const stranger = await seedOrganizationMember(t.db);
    const texts = await Promise.all(
      ['deployments', 'api-tokens', 'members', 'invitations', 'audit-events', 'me'].map(
        async (route) =>
          JSON.stringify(
            (await callRoute(await loadHandler(route, 'GET'), { auth: stranger.token })).body,
          ),
      ),
    );
    for (const text of texts) {
      for (const id of [...Object.values(ids), owner.organizationId, owner.userId]) {
        expect(text).not.toContain(id);
      }
    }
  });
});

describe('a viewer', () => {
  it.each(CASES)('$method $route: reads answer 200, writes 403', async (routeCase) => {
    ids = await seedResources();
    const viewer = await seedMemberWithRole(t.db, owner.organizationId, 'VIEWER');
    const handler = await loadHandler(routeCase.route, routeCase.method);
    const response = await callRoute(handler, {
      method: routeCase.method,
      auth: viewer.token,
      params: { id: ids[routeCase.target] },
      body: routeCase.body,
    });
    const expected = routeCase.viewerStatus ?? (routeCase.method === 'GET' ? 200 : 403);
    expect(response.status, JSON.stringify(response.body)).toBe(expected);
  });
});

describe('the route table', () => {
  it('covers every route file and method under app/api/v1', async () => {
    const files = (await readdir(API_DIR, { recursive: true })).filter((file) =>
      file.endsWith('route.ts'),
    );
    const onDisk: string[] = [];
    for (const file of files) {
      const route = relative(API_DIR, join(API_DIR, file)).split(sep).slice(0, -1).join('/');
      const module = (await import(/* @vite-ignore */ join(API_DIR, file))) as Record<
        string,
        unknown
      >;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (typeof module[method] === 'function') onDisk.push(`${method} ${route}`);
      }
    }
    const covered = [...CASES.map((entry) => `${entry.method} ${entry.route}`), ...UNSCOPED];
    expect(onDisk.sort()).toEqual([...new Set(covered)].sort());
  });
});
