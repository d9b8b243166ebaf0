import type { Prisma } from '../generated/prisma/client';
import { randomHex, type SeedClient, type SeedInput, uniqueSuffix } from './seed-helpers';

type DeploymentScoped = 'organizationId' | 'deploymentId';

export function seedDeployment(
  prisma: SeedClient,
  data: SeedInput<Prisma.DeploymentUncheckedCreateInput, 'organizationId'>,
) {
  return prisma.deployment.create({ data: { name: `deployment-${uniqueSuffix()}`, ...data } });
}

/** The secret hash verifies against nothing; pass `secretHash` to seed a usable key. */
export function seedProvisioningKey(
  prisma: SeedClient,
  data: SeedInput<Prisma.ProvisioningKeyUncheckedCreateInput, DeploymentScoped>,
) {
  return prisma.provisioningKey.create({
    data: {
      name: `Key ${uniqueSuffix()}`,
      keyId: `ghk_${randomHex(12)}`,
      secretHash: randomHex(),
      secretPrefix: `ghs_${randomHex(2)}`,
      ...data,
    },
  });
}

/** The ciphertext decrypts with no key; pass `secretCiphertext` when a test decrypts it. */
export function seedDeploymentKey(
  prisma: SeedClient,
  data: SeedInput<Prisma.DeploymentKeyUncheckedCreateInput, DeploymentScoped>,
) {
  return prisma.deploymentKey.create({
    data: { purpose: 'SESSION', secretCiphertext: `v1:${randomHex(12)}:${randomHex(16)}`, ...data },
  });
}

/**
 * Bumps Deployment.configVersion and records the revision, keeping the invariant the console
 * keeps: one revision per version the deployment has had.
 */
export async function seedConfigRevision(
  prisma: SeedClient,
  data: Omit<SeedInput<Prisma.ConfigRevisionUncheckedCreateInput, DeploymentScoped>, 'version'>,
) {
  const { configVersion } = await prisma.deployment.update({
    where: { id: data.deploymentId },
    data: { configVersion: { increment: 1 } },
    select: { configVersion: true },
  });
  return prisma.configRevision.create({ data: { ...data, version: configVersion } });
}

export function seedAgentInstance(
  prisma: SeedClient,
  data: SeedInput<Prisma.AgentInstanceUncheckedCreateInput, DeploymentScoped>,
) {
  const suffix = uniqueSuffix();
  const now = new Date();
  return prisma.agentInstance.create({
    data: {
      instanceId: `instance-${suffix}`,
      hostname: `agent-${suffix}`,
      agentVersion: '0.0.0-test',
      health: 'OK',
      startedAt: now,
      lastSeenAt: now,
      ...data,
    },
  });
}
