import { CVAT_PRESET, validateAgentConfig } from '@gatehouse/contract';
import { runInTransaction } from '@gatehouse/db';
import { describe, expect, it } from 'vitest';
import * as attributePassRoute from '../../app/api/v1/applications/[id]/attribute-pass/route';
import * as roleMappingRoute from '../../app/api/v1/applications/[id]/role-mapping/route';
import * as rulesRoute from '../../app/api/v1/applications/[id]/rules/route';
import * as cvatRoute from '../../app/api/v1/applications/[id]/presets/cvat/route';
import { buildAgentConfig } from '@/server/agent-config/build-agent-config';
import { decodeEncryptionKey } from '@/env';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type { RouteHandler } from '@/server/api/with-api';
import { callRoute } from '../helpers/call-route';
import { createReadyApplication } from '../helpers/api-fixtures';
import { setUpOwnerSuite } from '../helpers/console-test';

const suite = setUpOwnerSuite();

const readyApplication = () => createReadyApplication(suite.owner.token, suite.idp.issuer);

async function agentDocument(deploymentId: string) {
  const key = decodeEncryptionKey(process.env.GATEHOUSE_ENCRYPTION_KEY ?? '');
  if (!key) throw new Error('test key missing');
  return runInTransaction(suite.db.prisma, (tx) => buildAgentConfig(tx, deploymentId, key));
}

function put(handler: RouteHandler, id: string, body: unknown) {
  return callRoute<ErrorBody>(handler, {
    method: 'PUT',
    auth: suite.owner.token,
    params: { id },
    body,
  });
}

describe('attribute pass, role mapping and rules', () => {
  it('replace the whole ordered list and read it back in order', async () => {
    const { app } = await readyApplication();
    const attributePass = {
      rows: [
        { field: 'email', name: 'X-Email', type: 'HEADER' },
        { field: 'groups', name: 'X-Groups', type: 'HEADER', join: ',' },
        { field: 'realm_access.roles', name: 'roles', type: 'JWT', join: null },
      ],
    };
    const replaced = await put(attributePassRoute.PUT, app.id, attributePass);
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const readBack = await callRoute(attributePassRoute.GET, {
      auth: suite.owner.token,
      params: { id: app.id },
    });
    expect(readBack.body).toEqual({
      rows: [
        { field: 'email', name: 'X-Email', type: 'HEADER', join: null },
        { field: 'groups', name: 'X-Groups', type: 'HEADER', join: ',' },
        { field: 'realm_access.roles', name: 'roles', type: 'JWT', join: null },
      ],
    });
    // Replacing with a shorter list leaves no stale rows behind.
    await put(attributePassRoute.PUT, app.id, {
      rows: [{ field: 'email', name: 'X-User', type: 'COOKIE' }],
    });
    const shorter = await callRoute(attributePassRoute.GET, {
      auth: suite.owner.token,
      params: { id: app.id },
    });
    expect(shorter.body).toEqual({
      rows: [{ field: 'email', name: 'X-User', type: 'COOKIE', join: null }],
    });

    const roleMapping = {
      rows: [
        { kind: 'CLAIM', claim: 'groups', operator: 'CONTAINS', value: 'admins', role: 'admin' },
        { kind: 'EXPRESSION', expression: 'email endsWith "@example.com"', role: 'staff' },
        { kind: 'CLAIM', claim: 'email_verified', operator: 'EXISTS', value: null, role: 'user' },
      ],
      defaultRole: 'guest',
    };
    const mapped = await put(roleMappingRoute.PUT, app.id, roleMapping);
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
    const mapping = await callRoute(roleMappingRoute.GET, {
      auth: suite.owner.token,
      params: { id: app.id },
    });
    expect(mapping.body).toEqual(roleMapping);

    const rules = {
      rows: [
        { priority: 1, pathMatch: 'EXACT', path: '/healthz', action: 'NOT_PROTECTED' },
        {
          priority: 5,
          pathMatch: 'PREFIX',
          path: '/admin',
          methods: ['GET', 'POST'],
          conditions: { groups: ['admins'], sourceIps: ['10.0.0.0/8'] },
          action: 'PROTECTED',
          description: 'admins from the office',
        },
        { priority: 9, pathMatch: 'REGEX', path: '^/internal/[a-z]+$', action: 'DENY' },
      ],
    };
    expect((await put(rulesRoute.PUT, app.id, rules)).status).toBe(200);
    const readRules = await callRoute<{ rows: unknown[] }>(rulesRoute.GET, {
      auth: suite.owner.token,
      params: { id: app.id },
    });
    expect(readRules.body.rows).toEqual([
      { ...rules.rows[0], methods: [], conditions: {}, description: null },
      rules.rows[1],
      { ...rules.rows[2], methods: [], conditions: {}, description: null },
    ]);
  });

  it.each([
    [
      'a reserved header',
      attributePassRoute,
      { rows: [{ field: 'email', name: 'Authorization', type: 'HEADER' }] },
      ['rows[0].name'],
    ],
    [
      'a duplicate header, whatever its case',
      attributePassRoute,
      {
        rows: [
          { field: 'email', name: 'X-Email', type: 'HEADER' },
          { field: 'username', name: 'x-email', type: 'HEADER' },
        ],
      },
      ['rows[1].name'],
    ],
    [
      'a claim comparison without a value',
      roleMappingRoute,
      {
        rows: [{ kind: 'CLAIM', claim: 'groups', operator: 'EQUALS', value: null, role: 'a' }],
        defaultRole: null,
      },
      ['rows[0].value'],
    ],
    [
      'an expression the agent cannot parse',
      roleMappingRoute,
      {
        rows: [{ kind: 'EXPRESSION', expression: 'email.endsWith("@x")', role: 'a' }],
        defaultRole: null,
      },
      ['rows[0].expression'],
    ],
    [
      'an unknown row kind and a missing default role',
      roleMappingRoute,
      { rows: [{ kind: 'SCRIPT', role: 'a' }] },
      ['defaultRole', 'rows[0].kind'],
    ],
    [
      'a path that is not normalized and an unsafe regex',
      rulesRoute,
      {
        rows: [
          { priority: 1, pathMatch: 'PREFIX', path: '/api/../admin', action: 'DENY' },
          { priority: 2, pathMatch: 'REGEX', path: '^/(a+)+$', action: 'DENY' },
        ],
      },
      ['rows[0].path', 'rows[1].path'],
    ],
    [
      'an identity condition on a rule that never signs in',
      rulesRoute,
      {
        rows: [
          {
            priority: 1,
            pathMatch: 'EXACT',
            path: '/x',
            action: 'NOT_PROTECTED',
            conditions: { groups: ['a'] },
          },
        ],
      },
      ['rows[0].conditions.groups'],
    ],
    [
      'two rules with one priority and a bad CIDR',
      rulesRoute,
      {
        rows: [
          { priority: 1, pathMatch: 'EXACT', path: '/a', action: 'DENY' },
          {
            priority: 1,
            pathMatch: 'EXACT',
            path: '/b',
            action: 'DENY',
            conditions: { sourceIps: ['10.0.0.0/33'] },
          },
        ],
      },
      ['rows[1].conditions.sourceIps[0]', 'rows[1].priority'],
    ],
  ])('refuse %s with 422 at its path', async (_case, route, body, paths) => {
    const { app } = await readyApplication();
    const response = await put(route.PUT, app.id, body);
    expect(response.status).toBe(422);
    expect(response.body.error.issues?.map((issue) => issue.path).sort()).toEqual(paths);
  });

  it('apply the CVAT preset, and the agents’ document built from the database validates', async () => {
    const { deployment, app } = await readyApplication();
    const applied = await callRoute(cvatRoute.POST, {
      method: 'POST',
      auth: suite.owner.token,
      params: { id: app.id },
    });
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({
      attributePass: { rows: CVAT_PRESET.attributePass },
      roleMapping: CVAT_PRESET.roleMapping,
      rules: { rows: CVAT_PRESET.rules },
    });
    const params = { id: app.id };
    expect(
      (await callRoute(attributePassRoute.GET, { auth: suite.owner.token, params })).body,
    ).toEqual({
      rows: CVAT_PRESET.attributePass,
    });
    expect(
      (await callRoute(roleMappingRoute.GET, { auth: suite.owner.token, params })).body,
    ).toEqual(CVAT_PRESET.roleMapping);
    expect((await callRoute(rulesRoute.GET, { auth: suite.owner.token, params })).body).toEqual({
      rows: CVAT_PRESET.rules,
    });

    const document = await agentDocument(deployment.id);
    if (!document?.ok) throw new Error(JSON.stringify(document));
    expect(validateAgentConfig(document.value).ok).toBe(true);
    const served = document.value.applications.find((entry) => entry.id === app.id);
    expect(served).toMatchObject({
      attributePass: CVAT_PRESET.attributePass,
      roleMapping: CVAT_PRESET.roleMapping,
      rules: CVAT_PRESET.rules,
    });
    expect(document.value.identityProviders[0]).toMatchObject({
      issuer: suite.idp.issuer,
      clientSecret: 'gatehouse-demo-secret',
    });
  });
});
