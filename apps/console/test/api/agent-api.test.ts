import {
  configEtag,
  validateAgentConfig,
  type TAgentConfig,
  type THeartbeat,
} from '@gatehouse/contract';
import { describe, expect, it } from 'vitest';
import * as configRoute from '../../app/api/agent/v1/config/route';
import * as heartbeatRoute from '../../app/api/agent/v1/heartbeat/route';
import * as keyRoute from '../../app/api/v1/provisioning-keys/[id]/route';
import * as applicationRoute from '../../app/api/v1/applications/[id]/route';
import * as agentsRoute from '../../app/api/v1/deployments/[id]/agents/route';
import type { ErrorBody } from '@/server/errors/handle-api-error';
import type { TAgentListResponse } from '@/server/agents/agent.types';
import { callRoute, type CallResult } from '../helpers/call-route';
import { basicAuth, createDeploymentWithKey, createProvisioningKey } from '../helpers/api-fixtures';
import { setUpOwnerSuite } from '../helpers/console-test';

const suite = setUpOwnerSuite();

const deploymentWithKey = () => createDeploymentWithKey(suite.owner.token, suite.idp.issuer);

function pollConfig(
  auth: string,
  options: { etag?: string; wait?: number; signal?: AbortSignal } = {},
) {
  return callRoute<TAgentConfig>(configRoute.GET, {
    auth,
    path: `/api/agent/v1/config${options.wait === undefined ? '' : `?wait=${options.wait}`}`,
    headers: options.etag ? { 'if-none-match': options.etag } : {},
    signal: options.signal,
  });
}

describe('GET /api/agent/v1/config', () => {
  it('answers the deployment’s whole, valid document with an ETag, then 304 for that ETag', async () => {
    const { deployment, app, incomplete, auth } = await deploymentWithKey();
    const response = await pollConfig(auth);
    expect(response.status).toBe(200);
    expect(validateAgentConfig(response.body).ok).toBe(true);
    expect(response.body.deployment).toEqual({ id: deployment.id, name: deployment.name });
    expect(response.body.applications.map((entry) => entry.id)).toEqual([app.id]);
    expect(response.body.applications.map((entry) => entry.id)).not.toContain(incomplete.id);
    const etag = response.headers.get('etag');
    expect(etag).toBe(configEtag(deployment.id, response.body.version));
    expect(response.headers.get('cache-control')).toBe('no-store');

    const unchanged = await pollConfig(auth, { etag: etag ?? '' });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect((await pollConfig(auth, { etag: `W/${etag}, "other"` })).status).toBe(304);
    expect((await pollConfig(auth, { etag: '"stale.1"' })).status).toBe(200);
  });

  it('holds a long poll until a change made through the API commits', async () => {
    const { app, auth } = await deploymentWithKey();
    const first = await pollConfig(auth);
    const etag = first.headers.get('etag') ?? '';
    const events: string[] = [];
    const poll = pollConfig(auth, { etag, wait: 30 }).then((response) => {
      events.push('answered');
      return response;
    });
    // Give the poll time to park; it must still be waiting, since nothing changed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual([]);
    const update = await callRoute(applicationRoute.PATCH, {
      method: 'PATCH',
      auth: suite.owner.token,
      params: { id: app.id },
      body: { listenPort: 18_443 },
    });
    events.push('changed');
    expect(update.status).toBe(200);
    const deadline = new Promise<'deadline'>((resolve) =>
      setTimeout(() => resolve('deadline'), 5000),
    );
    const answered = await Promise.race([poll, deadline]);
    if (answered === 'deadline')
      throw new Error('the long poll did not answer within 5 s of the change');
    expect(events).toEqual(['changed', 'answered']);
    expect(answered.status).toBe(200);
    expect(answered.body.version).toBe(first.body.version + 1);
    expect(answered.body.applications[0]?.listenPort).toBe(18_443);
  });

  it('answers 304 when a long poll sees no change, and ends early when the agent leaves', async () => {
    const { auth } = await deploymentWithKey();
    const etag = (await pollConfig(auth)).headers.get('etag') ?? '';
    expect((await pollConfig(auth, { etag, wait: 1 })).status).toBe(304);

    const controller = new AbortController();
    const poll = pollConfig(auth, { etag, wait: 60, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const deadline = new Promise<'deadline'>((resolve) =>
      setTimeout(() => resolve('deadline'), 5000),
    );
    const result = await Promise.race([poll.catch(() => 'aborted' as const), deadline]);
    expect(result).not.toBe('deadline');
  });

  it('slows down an address that keeps failing, without starving the key’s real agents', async () => {
    const { key, auth } = await deploymentWithKey();
    const forged = basicAuth({ key: key.key, secret: 'ghs_guess' });
    const attacker = { 'x-forwarded-for': '198.51.100.66' };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await callRoute(configRoute.GET, { auth: forged, headers: attacker })).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Even the right secret is refused from that address for now; the agent elsewhere is served.
    expect((await callRoute(configRoute.GET, { auth, headers: attacker })).status).toBe(429);
    const agent = await callRoute(configRoute.GET, {
      auth,
      headers: { 'x-forwarded-for': '10.0.0.9' },
    });
    expect(agent.status).toBe(200);
  });

  it('refuses a wait above 60 seconds', async () => {
    const { auth } = await deploymentWithKey();
    const response = await callRoute<ErrorBody>(configRoute.GET, {
      auth,
      path: '/api/agent/v1/config?wait=61',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.issues?.[0]?.path).toBe('wait');
  });

  it('refuses revoked, expired, unknown and wrong credentials with 401 and a reason', async () => {
    const { deployment, key, auth } = await deploymentWithKey();
    const reason = (response: CallResult<ErrorBody>) => [
      response.status,
      response.body.error.message,
    ];

    expect(
      reason(
        await callRoute(configRoute.GET, { auth: basicAuth({ ...key, secret: 'ghs_wrong' }) }),
      ),
    ).toEqual([401, 'provisioning key or secret is wrong']);
    expect(
      reason(
        await callRoute(configRoute.GET, {
          auth: basicAuth({ key: 'ghk_unknown', secret: key.secret }),
        }),
      ),
    ).toEqual([401, 'provisioning key or secret is wrong']);
    const none = await callRoute<ErrorBody>(configRoute.GET);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Basic');

    const expiring = await createProvisioningKey(suite.owner.token, deployment.id);
    await suite.db.prisma.provisioningKey.update({
      where: { id: expiring.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(reason(await callRoute(configRoute.GET, { auth: basicAuth(expiring) }))).toEqual([
      401,
      'provisioning key expired',
    ]);

    // Revoking ends a long poll held with the key, with 401.
    const etag = (await pollConfig(auth)).headers.get('etag') ?? '';
    const held = pollConfig(auth, { etag, wait: 30 }) as Promise<CallResult<unknown>>;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const revoked = await callRoute(keyRoute.DELETE, {
      method: 'DELETE',
      auth: suite.owner.token,
      params: { id: key.id },
    });
    expect(revoked.body).toMatchObject({ status: 'REVOKED' });
    const deadline = new Promise<'deadline'>((resolve) =>
      setTimeout(() => resolve('deadline'), 5000),
    );
    const ended = await Promise.race([held, deadline]);
    if (ended === 'deadline') throw new Error('the held poll was not ended by the revocation');
    expect(ended.status).toBe(401);
    expect((ended.body as ErrorBody).error.message).toBe('provisioning key revoked');
    expect(reason(await callRoute(configRoute.GET, { auth }))).toEqual([
      401,
      'provisioning key revoked',
    ]);
  });
});

describe('heartbeats and the agents list', () => {
  function heartbeat(overrides: Partial<THeartbeat> = {}): THeartbeat {
    return {
      instanceId: 'instance-1',
      hostname: 'agent-7d9f',
      agentVersion: '0.1.0',
      configVersion: null,
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      uptimeSeconds: 60,
      health: 'OK',
      lastError: null,
      ...overrides,
    };
  }

  it('records each instance and shows it online with the version it runs', async () => {
    const { deployment, auth } = await deploymentWithKey();
    const first = await callRoute(heartbeatRoute.POST, { method: 'POST', auth, body: heartbeat() });
    expect(first.status).toBe(200);
    const latest = (first.body as { latestConfigVersion: number }).latestConfigVersion;
    expect(latest).toBeGreaterThan(1);

    const lastError = {
      message: 'configuration rejected',
      at: new Date().toISOString(),
      problems: [{ path: 'applications[0].rules[0].path', message: 'bad' }],
    };
    await callRoute(heartbeatRoute.POST, {
      method: 'POST',
      auth,
      body: heartbeat({ configVersion: latest, health: 'DEGRADED', lastError }),
    });
    await callRoute(heartbeatRoute.POST, {
      method: 'POST',
      auth,
      body: heartbeat({ instanceId: 'instance-2', configVersion: latest - 1 }),
    });
    await suite.db.prisma.agentInstance.updateMany({
      where: { deploymentId: deployment.id, instanceId: 'instance-2' },
      data: { lastSeenAt: new Date(Date.now() - 46_000) },
    });

    const list = await callRoute<TAgentListResponse>(agentsRoute.GET, {
      auth: suite.owner.token,
      params: { id: deployment.id },
    });
    expect(list.body.latestConfigVersion).toBe(latest);
    expect(list.body.agents).toEqual([
      expect.objectContaining({
        instanceId: 'instance-1',
        configVersion: latest,
        upToDate: true,
        health: 'DEGRADED',
        lastError,
        online: true,
      }),
      expect.objectContaining({ instanceId: 'instance-2', upToDate: false, online: false }),
    ]);
    expect(
      await suite.db.prisma.agentInstance.count({ where: { deploymentId: deployment.id } }),
    ).toBe(2);
  });

  it('refuses an invalid heartbeat with 422 and paths, and a bad key with 401', async () => {
    const { auth } = await deploymentWithKey();
    const invalid = await callRoute<ErrorBody>(heartbeatRoute.POST, {
      method: 'POST',
      auth,
      body: { ...heartbeat(), health: 'SICK', uptimeSeconds: -1 },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues?.map((issue) => issue.path).sort()).toEqual([
      'health',
      'uptimeSeconds',
    ]);
    const unauthorized = await callRoute(heartbeatRoute.POST, {
      method: 'POST',
      body: heartbeat(),
    });
    expect(unauthorized.status).toBe(401);
  });
});
