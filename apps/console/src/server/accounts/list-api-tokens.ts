import { roleAllows, type Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import type { TApiTokenListResponse } from './api-token.types';
import { mapApiToken } from './map-api-token';

/** Your own tokens; owners see every token of the organization. */
export async function listApiTokens(actor: Actor): Promise<TApiTokenListResponse> {
  const tokens = await getPrisma().apiToken.findMany({
    where: {
      organizationId: actor.organizationId,
      ...(roleAllows(actor.role, 'owner') ? {} : { userId: actor.userId }),
    },
    orderBy: { createdAt: 'desc' },
  });
  return { apiTokens: tokens.map(mapApiToken) };
}
