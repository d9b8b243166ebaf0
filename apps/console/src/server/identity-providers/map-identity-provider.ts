import type { IdentityProvider } from '@gatehouse/db';
import { ZSamlNameIdFormat } from '@gatehouse/contract';
import { toIso } from '../shared/common.types';
import { describeCertificate } from './describe-certificate';
import { describeServiceProvider } from './describe-service-provider';
import type { TIdentityProviderResponse, TSamlSettingsResponse } from './identity-provider.types';

export const IDENTITY_PROVIDER_INCLUDE = {
  applications: {
    select: {
      applicationId: true,
      application: {
        select: { id: true, name: true, applicationUrl: true, reservedPathPrefix: true },
      },
    },
    orderBy: { createdAt: 'asc' },
  },
} as const;

type IdentityProviderRow = Omit<IdentityProvider, 'clientSecretCiphertext'> & {
  clientSecretCiphertext?: string | null;
  applications: {
    applicationId: string;
    application: { id: string; name: string; applicationUrl: string; reservedPathPrefix: string };
  }[];
};

export function mapIdentityProvider(idp: IdentityProviderRow): TIdentityProviderResponse {
  const saml = idp.protocol === 'SAML';
  return {
    id: idp.id,
    deploymentId: idp.deploymentId,
    name: idp.name,
    protocol: idp.protocol,
    provider: idp.provider,
    clientId: idp.clientId ?? '',
    // Every OIDC row is written with a secret; SAML has none.
    clientSecretSet: !saml,
    issuer: idp.issuer,
    scopes: saml ? [] : idp.scopes,
    claims: { email: idp.claimEmail, username: idp.claimUsername, groups: idp.claimGroups },
    saml: saml ? mapSamlSettings(idp) : null,
    applicationIds: idp.applications.map((link) => link.applicationId),
    createdAt: toIso(idp.createdAt),
    updatedAt: toIso(idp.updatedAt),
  };
}

function mapSamlSettings(idp: IdentityProviderRow): TSamlSettingsResponse {
  return {
    entityId: idp.issuer,
    ssoUrl: idp.samlSsoUrl ?? '',
    sloUrl: idp.samlSloUrl,
    metadataUrl: idp.samlMetadataUrl,
    signingCertificates: idp.samlSigningCertificates.map(describeCertificate),
    nameIdFormat: ZSamlNameIdFormat.parse(idp.samlNameIdFormat),
    wantAssertionsSigned: idp.samlWantAssertionsSigned,
    wantResponseSigned: idp.samlWantResponseSigned,
    clockSkewSeconds: idp.samlClockSkewSeconds,
    serviceProviders: idp.applications.map((link) => describeServiceProvider(link.application)),
  };
}
