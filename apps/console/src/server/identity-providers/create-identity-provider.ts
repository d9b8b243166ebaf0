import { runInTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { invalidField } from '../errors/app-error';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import { getDeploymentOrThrow } from '../deployments/get-deployment';
import { getIdentityProviderOrThrow } from './get-identity-provider';
import type {
  TCreateIdentityProviderRequest,
  TCreateSamlIdentityProviderRequest,
  TIdentityProviderResponse,
} from './identity-provider.types';
import { mapIdentityProvider } from './map-identity-provider';
import { prepareOidcColumns } from './prepare-oidc-columns';
import {
  pickMetadataSource,
  prepareSamlColumns,
  prepareSamlMetadataColumns,
} from './prepare-saml-columns';

/**
 * Checks what can be checked before anything is stored (OIDC discovery, SAML metadata fetched
 * or pasted and parsed), then stores the IdP and bumps the deployment's version.
 */
export async function createIdentityProvider(
  actor: Actor,
  deploymentId: string,
  input: TCreateIdentityProviderRequest,
): Promise<TIdentityProviderResponse> {
  requirePermission(actor, 'write');
  await getDeploymentOrThrow(getPrisma(), actor.organizationId, deploymentId);
  const columns =
    input.protocol === 'SAML'
      ? await prepareSaml(input)
      : await prepareOidcColumns(actor.organizationId, input);
  const idp = await runInTransaction(getPrisma(), async (tx) => {
    const deployment = await getDeploymentOrThrow(tx, actor.organizationId, deploymentId);
    const created = await tx.identityProvider.create({
      data: {
        organizationId: actor.organizationId,
        deploymentId: deployment.id,
        name: input.name,
        protocol: input.protocol,
        provider: input.provider,
        ...columns,
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
      metadata: {
        name: created.name,
        protocol: created.protocol,
        provider: created.provider,
        issuer: created.issuer,
        ...(created.protocol === 'SAML' && { metadataUrl: created.samlMetadataUrl }),
      },
    });
    return getIdentityProviderOrThrow(tx, actor.organizationId, created.id);
  });
  return mapIdentityProvider(idp);
}

async function prepareSaml(input: TCreateSamlIdentityProviderRequest) {
  const settings = prepareSamlColumns(input);
  const source = pickMetadataSource(input);
  if (source === null) throw invalidField('metadataUrl', 'give either metadataUrl or metadataXml');
  return { ...settings, ...(await prepareSamlMetadataColumns(source)) };
}
