import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { getDeploymentOrThrow } from '../deployments/get-deployment';
import type { TApplicationListResponse } from './application.types';
import { APPLICATION_INCLUDE, mapApplication } from './map-application';

export async function listApplications(
  actor: Actor,
  deploymentId: string,
): Promise<TApplicationListResponse> {
  const prisma = getPrisma();
  await getDeploymentOrThrow(prisma, actor.organizationId, deploymentId);
  const apps = await prisma.application.findMany({
    where: { organizationId: actor.organizationId, deploymentId },
    include: APPLICATION_INCLUDE,
    orderBy: { createdAt: 'asc' },
  });
  return { applications: apps.map(mapApplication) };
}
