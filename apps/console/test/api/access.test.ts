// Tenancy and roles over the whole REST surface, table-driven: every route that takes an id is
// called by a member of another organization (must answer 404 and change nothing) and by a
// viewer of the owning organization (reads 200, writes 403). A final check lists the route files
// on disk, so a new route cannot be added without joining this table.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeSessionCookie } from '@/server/auth/session-cookie';
import { callRoute } from '../helpers/call-route';
import {
  seedMemberWithRole,
  seedOrganizationMember,
  setUpOwnerSuite,
} from '../helpers/console-test';
import {
  API_DIR,
  CASES,
  UNSCOPED,
  loadHandler,
  seedRouteTargets,
  snapshotOrganization,
  type Target,
} from '../helpers/route-table';

const suite = setUpOwnerSuite();
let ids: Record<Target, string>;

const seedResources = () => seedRouteTargets(suite.db, suite.owner, suite.idp);
const snapshot = (organizationId: string) => snapshotOrganization(suite.db, organizationId);

describe('another organization’s ids', () => {
  it.each(CASES)('$method $route answers 404 and changes nothing', async (routeCase) => {
    ids = await seedResources();
    const stranger = await seedOrganizationMember(suite.db);
    const before = await snapshot(suite.owner.organizationId);
    const handler = await loadHandler(routeCase.route, routeCase.method);
    const response = await callRoute(handler, {
      method: routeCase.method,
      auth: stranger.token,
      params: { id: ids[routeCase.target] },
      body: routeCase.body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(404);
    expect(await snapshot(suite.owner.organizationId)).toBe(before);
  });

  it('never appear in another organization’s lists', async () => {
    ids = await seedResources();
    const stranger = await seedOrganizationMember(suite.db);
    const texts = await Promise.all(
      ['deployments', 'api-tokens', 'members', 'invitations', 'audit-events', 'me'].map(
        async (route) =>
          JSON.stringify(
            (await callRoute(await loadHandler(route, 'GET'), { auth: stranger.token })).body,
          ),
      ),
    );
    for (const text of texts) {
      for (const id of [...Object.values(ids), suite.owner.organizationId, suite.owner.userId]) {
        expect(text).not.toContain(id);
      }
    }
  });
});

describe('another organization’s ids, signed in with a console session cookie', () => {
  it.each(CASES)('$method $route answers 404 and changes nothing', async (routeCase) => {
    ids = await seedResources();
    const stranger = await seedOrganizationMember(suite.db);
    const before = await snapshot(suite.owner.organizationId);
    const handler = await loadHandler(routeCase.route, routeCase.method);
    const response = await callRoute(handler, {
      method: routeCase.method,
      params: { id: ids[routeCase.target] },
      body: routeCase.body,
      headers: { cookie: await encodeSessionCookie(stranger), 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(404);
    expect(await snapshot(suite.owner.organizationId)).toBe(before);
  });
});

describe('a viewer', () => {
  it.each(CASES)('$method $route: reads answer 200, writes 403', async (routeCase) => {
    ids = await seedResources();
    const viewer = await seedMemberWithRole(suite.db, suite.owner.organizationId, 'VIEWER');
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
    const covered = [...CASES, ...UNSCOPED].map((entry) => `${entry.method} ${entry.route}`);
    expect(onDisk.sort()).toEqual([...new Set(covered)].sort());
  });
});
