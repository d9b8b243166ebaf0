import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import type { TDeploymentListResponse } from './deployment.types';
import { mapDeployment } from './map-deployment';

export async function listDeployments(actor: Actor): Promise<TDeploymentListResponse> {
  const deployments = await getPrisma().deployment.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: 'asc' },
  });
  return { deployments: deployments.map(mapDeployment) };
}
