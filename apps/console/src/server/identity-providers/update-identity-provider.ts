import { runInTransaction, type IdentityProvider } from '@gatehouse/db';
import { validateWith, ZSamlNameIdFormat } from '@gatehouse/contract';
import { requirePermission, type Actor } from '../api/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, invalidField } from '../errors/app-error';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import { getIdentityProviderOrThrow } from './get-identity-provider';
import {
  ZOidcClaims,
  type TIdentityProviderResponse,
  type TUpdateIdentityProviderRequest,
} from './identity-provider.types';
import { mapIdentityProvider } from './map-identity-provider';
import { prepareOidcColumns } from './prepare-oidc-columns';
import {
  pickMetadataSource,
  prepareSamlColumns,
  prepareSamlMetadataColumns,
  type SamlColumnsInput,
} from './prepare-saml-columns';
import type { SamlMetadataSource } from './read-saml-metadata';

const OIDC_ONLY = ['clientId', 'clientSecret', 'issuer', 'scopes'] as const;
const SAML_ONLY = [
  'metadataUrl',
  'metadataXml',
  'nameIdFormat',
  'wantAssertionsSigned',
  'wantResponseSigned',
  'clockSkewSeconds',
] as const;

export async function updateIdentityProvider(
  actor: Actor,
  id: string,
  input: TUpdateIdentityProviderRequest,
): Promise<TIdentityProviderResponse> {
  requirePermission(actor, 'write');
  const before = await getIdentityProviderOrThrow(getPrisma(), actor.organizationId, id);
  refuseOtherProtocol(before.protocol, input);
  const provider = input.provider ?? before.provider;
  const columns =
    before.protocol === 'SAML'
      ? await prepareSaml({
          provider,
          metadata: pickMetadataSource(input),
          nameIdFormat: input.nameIdFormat ?? ZSamlNameIdFormat.parse(before.samlNameIdFormat),
          claims: { ...storedClaims(before), ...input.claims },
          wantAssertionsSigned: input.wantAssertionsSigned ?? before.samlWantAssertionsSigned,
          wantResponseSigned: input.wantResponseSigned ?? before.samlWantResponseSigned,
          clockSkewSeconds: input.clockSkewSeconds ?? before.samlClockSkewSeconds,
        })
      : await prepareOidcColumns(actor.organizationId, {
          provider,
          clientId: input.clientId ?? before.clientId ?? '',
          clientSecret: input.clientSecret,
          // A new provider preset brings its own issuer unless one is given.
          issuer: input.issuer ?? (input.provider ? undefined : before.issuer),
          scopes: input.scopes ?? before.scopes,
          claims: { ...storedClaims(before), ...input.claims },
        });
  const idp = await runInTransaction(getPrisma(), async (tx) => {
    await getIdentityProviderOrThrow(tx, actor.organizationId, id);
    await tx.identityProvider.update({
      where: { id },
      data: { name: input.name, provider, ...columns },
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

function storedClaims(idp: Pick<IdentityProvider, 'claimEmail' | 'claimUsername' | 'claimGroups'>) {
  return { email: idp.claimEmail, username: idp.claimUsername, groups: idp.claimGroups };
}

/** The protocol is fixed at creation; fields of the other protocol are refused, not ignored. */
function refuseOtherProtocol(
  protocol: IdentityProvider['protocol'],
  input: TUpdateIdentityProviderRequest,
): void {
  if (input.protocol !== undefined && input.protocol !== protocol) {
    throw invalidField(
      'protocol',
      `cannot change from ${protocol} to ${input.protocol}; add a new identity provider instead`,
    );
  }
  // SAML attribute names are checked with the other SAML settings (resolveSamlSettings).
  const claims =
    protocol === 'OIDC' && input.claims ? validateWith(ZOidcClaims.partial(), input.claims) : null;
  if (claims && !claims.ok) {
    const issues = claims.problems.map((problem) => ({
      ...problem,
      path: `claims.${problem.path}`,
    }));
    throw new AppError(
      'invalid',
      issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      { issues },
    );
  }
  const foreign = (protocol === 'SAML' ? OIDC_ONLY : SAML_ONLY).filter(
    (field) => input[field] !== undefined,
  );
  if (foreign.length > 0) {
    const issues = foreign.map((path) => ({
      path,
      message: `does not apply to a ${protocol} identity provider`,
    }));
    throw new AppError('invalid', `${foreign.join(', ')}: not ${protocol} settings`, { issues });
  }
}

/** New settings, and the metadata read again when the request gives it anew. */
async function prepareSaml(input: SamlColumnsInput & { metadata: SamlMetadataSource | null }) {
  const settings = prepareSamlColumns(input);
  return input.metadata === null
    ? settings
    : { ...settings, ...(await prepareSamlMetadataColumns(input.metadata)) };
}
