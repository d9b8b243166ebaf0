// Round-trips rows through a database built by `prisma migrate deploy`, so the migrations, the
// schema and the generated client agree on every column, enum, array, JSON value and default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, seedOrganizationWithOwner, type TestDatabase } from '../testing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('deployment-level models', () => {
  it('round-trips a deployment with provisioning keys, deployment keys, revisions and agents', async () => {
    const { prisma } = db;
    const { organization, user } = await seedOrganizationWithOwner(prisma);
    const organizationId = organization.id;
    const deployment = await prisma.deployment.create({
      data: { organizationId, name: 'production' },
    });
    expect(deployment).toMatchObject({ description: '', configVersion: 0, trustedProxies: [] });

    const key = await prisma.provisioningKey.create({
      data: {
        organizationId,
        deploymentId: deployment.id,
        name: 'cluster-a',
        keyId: 'ghk_0123456789abcdef',
        secretHash: 'secret-hash',
        secretPrefix: 'ghs_ab12',
        expiresAt: new Date('2031-01-01T00:00:00.000Z'),
        createdById: user.id,
      },
    });
    const publicJwk = { kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', kid: 'k1' };
    await prisma.deploymentKey.create({
      data: {
        organizationId,
        deploymentId: deployment.id,
        purpose: 'ASSERTION',
        secretCiphertext: 'v1:iv:tag:data',
        publicJwk,
      },
    });
    await prisma.deployment.update({
      where: { id: deployment.id },
      data: { configVersion: 1, trustedProxies: ['10.0.0.0/8', '2001:db8::/32'] },
    });
    await prisma.configRevision.create({
      data: { organizationId, deploymentId: deployment.id, version: 1, reason: 'first config' },
    });
    const lastError = {
      message: 'configuration rejected',
      at: '2026-01-01T00:00:00.000Z',
      problems: [{ path: 'applications.0.listenPort', message: 'must be at most 65535' }],
    };
    await prisma.agentInstance.create({
      data: {
        organizationId,
        deploymentId: deployment.id,
        provisioningKeyId: key.id,
        instanceId: 'instance-1',
        hostname: 'agent-7d9f',
        agentVersion: '1.2.3',
        health: 'DEGRADED',
        lastError,
        startedAt: new Date('2026-01-01T00:00:00.000Z'),
        lastSeenAt: new Date('2026-01-01T00:00:15.000Z'),
      },
    });

    const found = await prisma.deployment.findUniqueOrThrow({
      where: { organizationId_name: { organizationId, name: 'production' } },
      include: {
        provisioningKeys: { include: { createdBy: true } },
        keys: true,
        configRevisions: true,
        agentInstances: { include: { provisioningKey: true } },
      },
    });
    expect(found.configVersion).toBe(1);
    expect(found.trustedProxies).toEqual(['10.0.0.0/8', '2001:db8::/32']);
    expect(found.provisioningKeys[0]).toMatchObject({
      name: 'cluster-a',
      keyId: 'ghk_0123456789abcdef',
      secretPrefix: 'ghs_ab12',
      expiresAt: new Date('2031-01-01T00:00:00.000Z'),
      revokedAt: null,
      lastUsedAt: null,
      createdBy: { id: user.id },
    });
    expect(found.keys[0]).toMatchObject({ purpose: 'ASSERTION', publicJwk, retiredAt: null });
    expect(found.configRevisions[0]).toMatchObject({ version: 1, reason: 'first config' });
    expect(found.agentInstances[0]).toMatchObject({
      instanceId: 'instance-1',
      hostname: 'agent-7d9f',
      agentVersion: '1.2.3',
      configVersion: null,
      health: 'DEGRADED',
      lastError,
      provisioningKey: { keyId: 'ghk_0123456789abcdef' },
    });
  });
});
