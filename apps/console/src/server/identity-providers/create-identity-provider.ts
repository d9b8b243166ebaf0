import { runInTransaction } from '@gatehouse/db';
import { getEnv } from '@/env';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { sealContext } from '../crypto/seal-context';
import { sealSecret } from '../crypto/secret-box';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import { getDeploymentOrThrow } from '../deployments/get-deployment';
import { checkOidcDiscovery } from './check-oidc-discovery';
import { getIdentityProviderOrThrow } from './get-identity-provider';
import type {
  TCreateIdentityProviderRequest,
  TIdentityProviderResponse,
} from './identity-provider.types';
import { mapIdentityProvider } from './map-identity-provider';
import { resolvePreset } from './resolve-preset';

export async function createIdentityProvider(
  actor: Actor,
  deploymentId: string,
  input: TCreateIdentityProviderRequest,
): Promise<TIdentityProviderResponse> {
  requirePermission(actor, 'write');
  await getDeploymentOrThrow(getPrisma(), actor.organizationId, deploymentId);
  const { issuer, scopes, claims } = resolvePreset(input);
  await checkOidcDiscovery(issuer);
  const idp = await runInTransaction(getPrisma(), async (tx) => {
    const deployment = await getDeploymentOrThrow(tx, actor.organizationId, deploymentId);
    const created = await tx.identityProvider.create({
      data: {
        organizationId: actor.organizationId,
        deploymentId: deployment.id,
        name: input.name,
        protocol: input.protocol,
        provider: input.provider,
        clientId: input.clientId,
        clientSecretCiphertext: sealSecret(
          input.clientSecret,
          getEnv().encryptionKey,
          sealContext.identityProviderSecret(actor.organizationId),
        ),
        issuer,
        scopes,
        claimEmail: claims.email,
        claimUsername: claims.username,
        claimGroups: claims.groups,
      },
    });
    await bumpConfigVersion(
      tx,
      { organizationId: actor.organizationId, deploymentId: deployment.id },
      `identity provider "${created.name}" created`,
    );
    await recordAuditEvent(tx, actor, {
      action: 'identity_provider.create',
      targetType: 'identity_provider',
      targetId: created.id,
      metadata: { name: created.name, provider: created.provider, issuer },
    });
    return getIdentityProviderOrThrow(tx, actor.organizationId, created.id);
  });
  return mapIdentityProvider(idp);
}
