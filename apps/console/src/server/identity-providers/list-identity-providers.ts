import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { getDeploymentOrThrow } from '../deployments/get-deployment';
import type { TIdentityProviderListResponse } from './identity-provider.types';
import { IDENTITY_PROVIDER_INCLUDE, mapIdentityProvider } from './map-identity-provider';

export async function listIdentityProviders(
  actor: Actor,
  deploymentId: string,
): Promise<TIdentityProviderListResponse> {
  const prisma = getPrisma();
  await getDeploymentOrThrow(prisma, actor.organizationId, deploymentId);
  const idps = await prisma.identityProvider.findMany({
    where: { organizationId: actor.organizationId, deploymentId },
    include: IDENTITY_PROVIDER_INCLUDE,
    orderBy: { createdAt: 'asc' },
  });
  return { identityProviders: idps.map(mapIdentityProvider) };
}
