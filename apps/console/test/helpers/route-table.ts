// Every REST route of app/api/v1 that names a resource by id, with a valid body, and the routes
// that do not; test/api/access.test.ts checks the table matches the route files on disk, so the
// tenancy, role and CSRF suites that iterate it cannot miss a route.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DevIdp } from '@gatehouse/dev-idp';
import type { TestDatabase } from '@gatehouse/db/testing';
import type { RouteHandler } from '@/server/api/with-api';
import { createProvisioningKey, createReadyApplication } from './api-fixtures';
import { seedMemberWithRole, type Member } from './console-test';

export const API_DIR = fileURLToPath(new URL('../../app/api/v1/', import.meta.url));

export type Target =
  'deployment' | 'application' | 'idp' | 'key' | 'token' | 'member' | 'invitation';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteCase {
  route: string;
  method: Method;
  target: Target;
  body?: unknown;
  /** What a viewer gets when it is not the usual 200 (read) or 403 (write). */
  viewerStatus?: number;
}

// Valid bodies, so that a refusal can only come from scope or role, never from validation.
export const CASES: RouteCase[] = [
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

export interface UnscopedRoute {
  route: string;
  method: Method;
  /** user: a signed-in member; none: anyone (rate-limited). */
  auth: 'user' | 'none';
  /** A valid body for mutations. */
  body?: unknown;
}

// Routes without an id: lists and creation in the caller's own organization, public sign-up and
// invitation acceptance, the caller's own identity, and the API document.
export const UNSCOPED: UnscopedRoute[] = [
  { route: 'deployments', method: 'GET', auth: 'user' },
  { route: 'deployments', method: 'POST', auth: 'user', body: { name: 'forged deployment' } },
  { route: 'api-tokens', method: 'GET', auth: 'user' },
  { route: 'api-tokens', method: 'POST', auth: 'user', body: { name: 'forged token' } },
  { route: 'members', method: 'GET', auth: 'user' },
  { route: 'invitations', method: 'GET', auth: 'user' },
  {
    route: 'invitations',
    method: 'POST',
    auth: 'user',
    body: { email: 'forged@example.test', role: 'ADMIN' },
  },
  { route: 'invitations/accept', method: 'POST', auth: 'none' },
  { route: 'audit-events', method: 'GET', auth: 'user' },
  { route: 'me', method: 'GET', auth: 'user' },
  { route: 'auth/sign-up', method: 'POST', auth: 'none' },
  { route: 'openapi.json', method: 'GET', auth: 'none' },
];

export async function loadHandler(route: string, method: string): Promise<RouteHandler> {
  const module = (await import(/* @vite-ignore */ join(API_DIR, route, 'route.ts'))) as Record<
    string,
    RouteHandler
  >;
  const handler = module[method];
  if (!handler) throw new Error(`${route} exports no ${method}`);
  return handler;
}

/** A fresh resource of every kind in the owner's organization (deletes in a table consume them). */
export async function seedRouteTargets(
  db: TestDatabase,
  owner: Member,
  idp: DevIdp,
): Promise<Record<Target, string>> {
  const { deployment, provider, app } = await createReadyApplication(owner.token, idp.issuer);
  const key = await createProvisioningKey(owner.token, deployment.id);
  const member = await seedMemberWithRole(db, owner.organizationId, 'ADMIN');
  const membership = await db.prisma.membership.findFirstOrThrow({
    where: { userId: member.userId },
  });
  const invitation = await db.prisma.invitation.create({
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

/** Everything an organization owns, as one comparable string. */
export async function snapshotOrganization(db: TestDatabase, organizationId: string) {
  const where = { organizationId };
  const prisma = db.prisma;
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
