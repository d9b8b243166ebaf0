import type { DatabaseTransaction } from '@gatehouse/db';
import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { notFound } from '../errors/app-error';
import type { TIdentityProviderResponse } from './identity-provider.types';
import { IDENTITY_PROVIDER_INCLUDE, mapIdentityProvider } from './map-identity-provider';

export async function getIdentityProviderOrThrow(
  client: DatabaseTransaction,
  organizationId: string,
  id: string,
) {
  const idp = await client.identityProvider.findFirst({
    where: { id, organizationId },
    include: IDENTITY_PROVIDER_INCLUDE,
  });
  if (!idp) throw notFound('Identity provider');
  return idp;
}

export async function getIdentityProvider(
  actor: Actor,
  id: string,
): Promise<TIdentityProviderResponse> {
  return mapIdentityProvider(
    await getIdentityProviderOrThrow(getPrisma(), actor.organizationId, id),
  );
}
