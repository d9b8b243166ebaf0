import type { ApplicationIdentityProvider, IdentityProvider } from '@gatehouse/db';
import { toIso } from '../shared/common.types';
import type { TIdentityProviderResponse } from './identity-provider.types';

export const IDENTITY_PROVIDER_INCLUDE = {
  applications: { select: { applicationId: true } },
} as const;

export function mapIdentityProvider(
  idp: Omit<IdentityProvider, 'clientSecretCiphertext'> & {
    applications: Pick<ApplicationIdentityProvider, 'applicationId'>[];
  },
): TIdentityProviderResponse {
  return {
    id: idp.id,
    deploymentId: idp.deploymentId,
    name: idp.name,
    protocol: 'OIDC',
    provider: idp.provider,
    clientId: idp.clientId,
    clientSecretSet: true,
    issuer: idp.issuer,
    scopes: idp.scopes,
    claims: { email: idp.claimEmail, username: idp.claimUsername, groups: idp.claimGroups },
    applicationIds: idp.applications.map((link) => link.applicationId),
    createdAt: toIso(idp.createdAt),
    updatedAt: toIso(idp.updatedAt),
  };
}
