import { runInTransaction } from '@gatehouse/db';
import { getEnv } from '@/env';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { sealContext } from '../crypto/seal-context';
import { sealSecret } from '../crypto/secret-box';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import { checkOidcDiscovery } from './check-oidc-discovery';
import { getIdentityProviderOrThrow } from './get-identity-provider';
import type {
  TIdentityProviderResponse,
  TUpdateIdentityProviderRequest,
} from './identity-provider.types';
import { mapIdentityProvider } from './map-identity-provider';
import { resolvePreset } from './resolve-preset';

export async function updateIdentityProvider(
  actor: Actor,
  id: string,
  input: TUpdateIdentityProviderRequest,
): Promise<TIdentityProviderResponse> {
  requirePermission(actor, 'write');
  const before = await getIdentityProviderOrThrow(getPrisma(), actor.organizationId, id);
  const provider = input.provider ?? before.provider;
  const { issuer, scopes, claims } = resolvePreset({
    provider,
    // A new provider preset brings its own issuer unless one is given.
    issuer: input.issuer ?? (input.provider ? undefined : before.issuer),
    scopes: input.scopes ?? before.scopes,
    claims: {
      email: before.claimEmail,
      username: before.claimUsername,
      groups: before.claimGroups,
      ...input.claims,
    },
  });
  await checkOidcDiscovery(issuer);
  const idp = await runInTransaction(getPrisma(), async (tx) => {
    await getIdentityProviderOrThrow(tx, actor.organizationId, id);
    await tx.identityProvider.update({
      where: { id },
      data: {
        name: input.name,
        provider,
        clientId: input.clientId,
        ...(input.clientSecret !== undefined && {
          clientSecretCiphertext: sealSecret(
            input.clientSecret,
            getEnv().encryptionKey,
            sealContext.identityProviderSecret(actor.organizationId),
          ),
        }),
        issuer,
        scopes,
        claimEmail: claims.email,
        claimUsername: claims.username,
        claimGroups: claims.groups,
      },
    });
    await bumpConfigVersion(
      tx,
      { organizationId: actor.organizationId, deploymentId: before.deploymentId },
      `identity provider "${before.name}" updated`,
    );
    await recordAuditEvent(tx, actor, {
      action: 'identity_provider.update',
      targetType: 'identity_provider',
      targetId: id,
      // Names the fields, never the secret's value.
      metadata: { changed: Object.keys(input) },
    });
    return getIdentityProviderOrThrow(tx, actor.organizationId, id);
  });
  return mapIdentityProvider(idp);
}
