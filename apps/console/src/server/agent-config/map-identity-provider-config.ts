import type { TAgentConfigInput, TSamlNameIdFormat } from '@gatehouse/contract';
import type { IdentityProvider } from '@gatehouse/db';

type IdentityProviderInput = TAgentConfigInput['identityProviders'][number];

/**
 * A stored IdP as agents receive it: OIDC with its client secret opened, or SAML with its
 * endpoints, certificates and checks. The contract validates the result; a row missing what its
 * protocol needs (which the console never writes) fails that validation rather than here.
 */
export function mapIdentityProviderConfig(
  idp: IdentityProvider,
  openIdpSecret: (ciphertext: string) => string,
): IdentityProviderInput {
  const common = { id: idp.id, name: idp.name, provider: idp.provider };
  if (idp.protocol === 'SAML') {
    return {
      ...common,
      protocol: 'SAML',
      entityId: idp.issuer,
      ssoUrl: idp.samlSsoUrl ?? '',
      sloUrl: idp.samlSloUrl,
      signingCertificates: idp.samlSigningCertificates,
      // Written from the contract's own enum; the contract checks it again below.
      nameIdFormat: (idp.samlNameIdFormat ?? '') as TSamlNameIdFormat,
      attributes: { email: idp.claimEmail, username: idp.claimUsername, groups: idp.claimGroups },
      wantAssertionsSigned: idp.samlWantAssertionsSigned,
      wantResponseSigned: idp.samlWantResponseSigned,
      clockSkewSeconds: idp.samlClockSkewSeconds,
    };
  }
  return {
    ...common,
    protocol: 'OIDC',
    issuer: idp.issuer,
    clientId: idp.clientId ?? '',
    clientSecret: idp.clientSecretCiphertext ? openIdpSecret(idp.clientSecretCiphertext) : '',
    scopes: idp.scopes,
    claims: { email: idp.claimEmail, username: idp.claimUsername, groups: idp.claimGroups },
  };
}
