import type { DatabaseTransaction } from '@gatehouse/db';
import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { notFound } from '../errors/app-error';
import type { TApplicationResponse } from './application.types';
import { APPLICATION_INCLUDE, mapApplication } from './map-application';

/** The application if it belongs to the organization; another organization's id is "not found". */
export async function getApplicationOrThrow(
  client: DatabaseTransaction,
  organizationId: string,
  id: string,
) {
  const app = await client.application.findFirst({
    where: { id, organizationId },
    include: APPLICATION_INCLUDE,
  });
  if (!app) throw notFound('Application');
  return app;
}

export async function getApplication(actor: Actor, id: string): Promise<TApplicationResponse> {
  return mapApplication(await getApplicationOrThrow(getPrisma(), actor.organizationId, id));
}
