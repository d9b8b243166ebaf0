import { describe, expect, it } from 'vitest';
import * as applicationsRoute from '../../app/api/v1/deployments/[id]/applications/route';
import * as applicationRoute from '../../app/api/v1/applications/[id]/route';
import * as deploymentRoute from '../../app/api/v1/deployments/[id]/route';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type {
  TApplicationListResponse,
  TApplicationResponse,
} from '@/server/applications/application.types';
import type { TDeploymentResponse } from '@/server/deployments/deployment.types';
import { callRoute } from '../helpers/call-route';
import {
  createApplication,
  createDeployment,
  createIdentityProvider,
} from '../helpers/api-fixtures';
import { setUpOwnerSuite } from '../helpers/console-test';

const suite = setUpOwnerSuite();

async function configVersion(deploymentId: string): Promise<number> {
  const response = await callRoute<TDeploymentResponse>(deploymentRoute.GET, {
    auth: suite.owner.token,
    params: { id: deploymentId },
  });
  return response.body.configVersion;
}

describe('applications', () => {
  it('are INCOMPLETE without an identity provider and READY with one', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const bare = await createApplication(suite.owner.token, deployment.id, {
      name: 'CVAT',
      description: 'Annotation',
      applicationUrl: 'https://cvat.example.test',
      listenPort: 9772,
      upstreamServers: ['http://traefik:8080', 'http://traefik-2:8080'],
      preserveHost: true,
    });
    expect(bare).toMatchObject({
      type: 'WEB',
      name: 'CVAT',
      preserveHost: true,
      reservedPathPrefix: '/.gatehouse',
      idpIds: [],
      session: { maxAgeSeconds: 28_800, idleTimeoutSeconds: 3_600 },
      logout: { singleSignOut: false, postLogoutRedirectUrl: null },
      defaultAction: 'PROTECTED',
      status: 'INCOMPLETE',
    });
    expect(bare.statusReason).toContain('identity provider');

    const provider = await createIdentityProvider(
      suite.owner.token,
      deployment.id,
      suite.idp.issuer,
    );
    const bound = await callRoute<TApplicationResponse>(applicationRoute.PATCH, {
      method: 'PATCH',
      auth: suite.owner.token,
      params: { id: bare.id },
      body: { idpIds: [provider.id], reservedPathPrefix: '/datawiza' },
    });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({
      idpIds: [provider.id],
      reservedPathPrefix: '/datawiza',
      status: 'READY',
      statusReason: null,
    });

    const list = await callRoute<TApplicationListResponse>(applicationsRoute.GET, {
      auth: suite.owner.token,
      params: { id: deployment.id },
    });
    expect(list.body.applications).toEqual([bound.body]);
    const got = await callRoute(applicationRoute.GET, {
      auth: suite.owner.token,
      params: { id: bare.id },
    });
    expect(got.body).toEqual(bound.body);
  });

  it('bump the version for what agents see, not for the description', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const app = await createApplication(suite.owner.token, deployment.id);
    const before = await configVersion(deployment.id);
    const params = { id: app.id };
    await callRoute(applicationRoute.PATCH, {
      method: 'PATCH',
      auth: suite.owner.token,
      params,
      body: { description: 'just words' },
    });
    expect(await configVersion(deployment.id)).toBe(before);
    const updated = await callRoute<TApplicationResponse>(applicationRoute.PATCH, {
      method: 'PATCH',
      auth: suite.owner.token,
      params,
      body: { session: { maxAgeSeconds: 7200, idleTimeoutSeconds: 600 }, defaultAction: 'DENY' },
    });
    expect(updated.body).toMatchObject({
      session: { maxAgeSeconds: 7200, idleTimeoutSeconds: 600 },
      defaultAction: 'DENY',
    });
    expect(await configVersion(deployment.id)).toBe(before + 1);

    const deleted = await callRoute(applicationRoute.DELETE, {
      method: 'DELETE',
      auth: suite.owner.token,
      params,
    });
    expect(deleted.status).toBe(204);
    expect(await configVersion(deployment.id)).toBe(before + 2);
    expect(
      (await callRoute(applicationRoute.GET, { auth: suite.owner.token, params })).status,
    ).toBe(404);
  });

  it.each([
    ['applicationUrl', { applicationUrl: 'ftp://files.example.test' }, 'applicationUrl'],
    ['listenPort', { listenPort: 70_000 }, 'listenPort'],
    ['upstreamServers', { upstreamServers: [] }, 'upstreamServers'],
    ['an upstream', { upstreamServers: ['http://ok:1', 'not a url'] }, 'upstreamServers[1]'],
    ['reservedPathPrefix', { reservedPathPrefix: '/../x' }, 'reservedPathPrefix'],
    [
      'session',
      { session: { maxAgeSeconds: 60, idleTimeoutSeconds: 120 } },
      'session.idleTimeoutSeconds',
    ],
    ['type', { type: 'API' }, 'type'],
    ['idpIds', { idpIds: ['no-such-idp'] }, 'idpIds[0]'],
  ])('refuse an invalid %s with 422 at its path', async (_field, body, path) => {
    const deployment = await createDeployment(suite.owner.token);
    const response = await callRoute<ErrorBody>(applicationsRoute.POST, {
      method: 'POST',
      auth: suite.owner.token,
      params: { id: deployment.id },
      body: {
        name: 'app',
        applicationUrl: 'https://app.example.test',
        listenPort: 8443,
        upstreamServers: ['http://127.0.0.1:8080'],
        ...body,
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.issues?.map((issue) => issue.path)).toEqual([path]);
  });

  it('refuse an identity provider of another deployment and a host already served on the port', async () => {
    const deployment = await createDeployment(suite.owner.token);
    const elsewhere = await createDeployment(suite.owner.token);
    const foreign = await createIdentityProvider(suite.owner.token, elsewhere.id, suite.idp.issuer);
    const app = await createApplication(suite.owner.token, deployment.id, {
      applicationUrl: 'https://shared.example.test',
      listenPort: 443,
    });
    const borrowing = await callRoute<ErrorBody>(applicationRoute.PATCH, {
      method: 'PATCH',
      auth: suite.owner.token,
      params: { id: app.id },
      body: { idpIds: [foreign.id] },
    });
    expect(borrowing.status).toBe(422);
    expect(borrowing.body.error.issues?.[0]?.path).toBe('idpIds[0]');

    const clash = await callRoute<ErrorBody>(applicationsRoute.POST, {
      method: 'POST',
      auth: suite.owner.token,
      params: { id: deployment.id },
      body: {
        name: 'second',
        applicationUrl: 'https://SHARED.example.test/other',
        listenPort: 443,
        upstreamServers: ['http://127.0.0.1:8080'],
      },
    });
    expect(clash.status).toBe(422);
    expect(clash.body.error.issues?.[0]?.path).toBe('applicationUrl');
    // Same host on another port is fine.
    await createApplication(suite.owner.token, deployment.id, {
      applicationUrl: 'https://shared.example.test:8443',
      listenPort: 8443,
    });

    const duplicateName = await callRoute<ErrorBody>(applicationsRoute.POST, {
      method: 'POST',
      auth: suite.owner.token,
      params: { id: deployment.id },
      body: {
        name: app.name,
        applicationUrl: 'https://third.example.test',
        listenPort: 443,
        upstreamServers: ['http://127.0.0.1:8080'],
      },
    });
    expect(duplicateName.status).toBe(409);
  });
});
