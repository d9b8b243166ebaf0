import type { DatabaseTransaction } from '@gatehouse/db';
import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { notFound } from '../errors/app-error';
import type { TDeploymentResponse } from './deployment.types';
import { mapDeployment } from './map-deployment';

/** The deployment if it belongs to the organization; another organization's id is "not found". */
export async function getDeploymentOrThrow(
  client: DatabaseTransaction,
  organizationId: string,
  id: string,
) {
  const deployment = await client.deployment.findFirst({ where: { id, organizationId } });
  if (!deployment) throw notFound('Deployment');
  return deployment;
}

export async function getDeployment(actor: Actor, id: string): Promise<TDeploymentResponse> {
  return mapDeployment(await getDeploymentOrThrow(getPrisma(), actor.organizationId, id));
}
