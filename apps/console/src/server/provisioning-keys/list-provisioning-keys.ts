import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { getDeploymentOrThrow } from '../deployments/get-deployment';
import { mapProvisioningKey } from './map-provisioning-key';
import type { TProvisioningKeyListResponse } from './provisioning-key.types';

export async function listProvisioningKeys(
  actor: Actor,
  deploymentId: string,
): Promise<TProvisioningKeyListResponse> {
  const prisma = getPrisma();
  await getDeploymentOrThrow(prisma, actor.organizationId, deploymentId);
  const keys = await prisma.provisioningKey.findMany({
    where: { organizationId: actor.organizationId, deploymentId },
    orderBy: { createdAt: 'desc' },
  });
  return { provisioningKeys: keys.map(mapProvisioningKey) };
}
