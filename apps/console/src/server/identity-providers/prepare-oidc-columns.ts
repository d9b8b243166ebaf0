import type { IdentityProvider } from '@gatehouse/db';
import { getEnv } from '@/env';
import { sealContext } from '../crypto/seal-context';
import { sealSecret } from '../crypto/secret-box';
import { checkOidcDiscovery } from './check-oidc-discovery';
import type { TCreateOidcIdentityProviderRequest } from './identity-provider.types';
import { resolvePreset } from './resolve-preset';

/** The stored columns of an OIDC identity provider, after its discovery document checked out. */
export async function prepareOidcColumns(
  organizationId: string,
  input: Omit<TCreateOidcIdentityProviderRequest, 'name' | 'protocol' | 'clientSecret'> & {
    clientSecret?: string | undefined;
  },
) {
  const { issuer, scopes, claims } = resolvePreset(input);
  await checkOidcDiscovery(issuer);
  return {
    clientId: input.clientId,
    ...(input.clientSecret !== undefined && {
      clientSecretCiphertext: sealSecret(
        input.clientSecret,
        getEnv().encryptionKey,
        sealContext.identityProviderSecret(organizationId),
      ),
    }),
    issuer,
    scopes,
    claimEmail: claims.email,
    claimUsername: claims.username,
    claimGroups: claims.groups,
  } satisfies Partial<IdentityProvider>;
}
