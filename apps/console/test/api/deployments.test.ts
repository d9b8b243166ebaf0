import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as deploymentsRoute from '../../app/api/v1/deployments/route';
import * as deploymentRoute from '../../app/api/v1/deployments/[id]/route';
import * as auditRoute from '../../app/api/v1/audit-events/route';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type {
  TDeploymentListResponse,
  TDeploymentResponse,
} from '@/server/deployments/deployment.types';
import type { TAuditEventListResponse } from '@/server/audit/audit-event.types';
import { callRoute } from '../helpers/call-route';
import { createDeployment } from '../helpers/api-fixtures';
import {
  seedOrganizationMember,
  startConsoleTest,
  type ConsoleTest,
  type Member,
} from '../helpers/console-test';

let t: ConsoleTest;
let owner: Member;
beforeAll(async () => {
  t = await startConsoleTest();
  owner = await seedOrganizationMember(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe('deployments', () => {
  it('are created at config version 1 with their own sealed session and assertion keys', async () => {
    const deployment = await createDeployment(owner.token, {
      name: 'production',
      description: 'Main cluster',
      trustedProxies: ['10.0.0.0/8'],
    });
    expect(deployment).toMatchObject({
      name: 'production',
      description: 'Main cluster',
      trustedProxies: ['10.0.0.0/8'],
      configVersion: 1,
    });
    const keys = await t.db.prisma.deploymentKey.findMany({
      where: { deploymentId: deployment.id },
      omit: { secretCiphertext: false },
      orderBy: { purpose: 'asc' },
    });
    expect(keys.map((key) => key.purpose)).toEqual(['SESSION', 'ASSERTION']);
    for (const key of keys) expect(key.secretCiphertext).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(keys[1]?.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(keys[1]?.publicJwk).not.toHaveProperty('d');
    expect(await t.db.prisma.configRevision.count({ where: { deploymentId: deployment.id } })).toBe(
      1,
    );
  });

  it('are listed, read, updated and deleted; only changes agents see bump the version', async () => {
    const deployment = await createDeployment(owner.token);
    const list = await callRoute<TDeploymentListResponse>(deploymentsRoute.GET, {
      auth: owner.token,
    });
    expect(list.body.deployments.map((entry) => entry.id)).toContain(deployment.id);

    const params = { id: deployment.id };
    const described = await callRoute<TDeploymentResponse>(deploymentRoute.PATCH, {
      method: 'PATCH',
      auth: owner.token,
      params,
      body: { description: 'for people only' },
    });
    expect(described.body).toMatchObject({ description: 'for people only', configVersion: 1 });
    const renamed = await callRoute<TDeploymentResponse>(deploymentRoute.PATCH, {
      method: 'PATCH',
      auth: owner.token,
      params,
      body: { name: 'renamed' },
    });
    expect(renamed.body).toMatchObject({ name: 'renamed', configVersion: 2 });

    const got = await callRoute<TDeploymentResponse>(deploymentRoute.GET, {
      auth: owner.token,
      params,
    });
    expect(got.body).toEqual(renamed.body);

    const deleted = await callRoute(deploymentRoute.DELETE, {
      method: 'DELETE',
      auth: owner.token,
      params,
    });
    expect(deleted.status).toBe(204);
    const gone = await callRoute<ErrorBody>(deploymentRoute.GET, { auth: owner.token, params });
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ error: { code: 'not_found', message: 'Deployment not found' } });

    const audit = await callRoute<TAuditEventListResponse>(auditRoute.GET, {
      auth: owner.token,
      path: `/api/v1/audit-events?targetId=${deployment.id}`,
    });
    expect(audit.body.auditEvents.map((event) => event.action)).toEqual([
      'deployment.delete',
      'deployment.update',
      'deployment.update',
      'deployment.create',
    ]);
    expect(audit.body.auditEvents[0]?.actor).toMatchObject({
      type: 'API_TOKEN',
      userId: owner.userId,
      apiTokenId: owner.tokenId,
    });
  });

  it('refuse invalid input with 422 and field paths, and a duplicate name with 409', async () => {
    const invalid = await callRoute<ErrorBody>(deploymentsRoute.POST, {
      method: 'POST',
      auth: owner.token,
      body: { name: '', trustedProxies: ['10.0.0.0/8', 'not-a-cidr'] },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues?.map((issue) => issue.path)).toEqual([
      'name',
      'trustedProxies[1]',
    ]);

    const first = await createDeployment(owner.token, { name: 'twice' });
    const second = await callRoute<ErrorBody>(deploymentsRoute.POST, {
      method: 'POST',
      auth: owner.token,
      body: { name: 'twice' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toEqual({
      code: 'conflict',
      message: 'Another deployment already uses this name; choose a different one.',
      issues: [{ path: 'name', message: 'already in use' }],
    });
    const renameClash = await callRoute(deploymentRoute.PATCH, {
      method: 'PATCH',
      auth: owner.token,
      params: { id: (await createDeployment(owner.token)).id },
      body: { name: first.name },
    });
    expect(renameClash.status).toBe(409);

    const unknown = await callRoute(deploymentRoute.GET, {
      auth: owner.token,
      params: { id: 'does-not-exist' },
    });
    expect(unknown.status).toBe(404);
  });
});
