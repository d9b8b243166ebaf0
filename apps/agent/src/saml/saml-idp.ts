import { toCertificatePem, type TSamlIdentityProviderConfig } from '@gatehouse/contract';
import type { IdpClient } from '../oidc/idp-client';
import type { ServiceProvider } from './service-provider';

/** A SAML IdP as one application uses it: the IdP's settings and the application's SP side. */
export interface SamlIdp {
  readonly idp: TSamlIdentityProviderConfig;
  readonly sp: ServiceProvider;
  /** The IdP's signing certificates as PEM, as node-saml expects them. */
  readonly certificates: readonly string[];
}

/** Any IdP an application may send users to: OIDC (discovered) or SAML. */
export type BoundIdp = IdpClient | SamlIdp;

export function isSamlIdp(bound: BoundIdp): bound is SamlIdp {
  return bound.idp.protocol === 'SAML';
}

export function isOidcIdp(bound: BoundIdp): bound is IdpClient {
  return bound.idp.protocol === 'OIDC';
}

export function createSamlIdp(idp: TSamlIdentityProviderConfig, sp: ServiceProvider): SamlIdp {
  const certificates = idp.signingCertificates.map((certificate, index) => {
    const pem = toCertificatePem(certificate);
    // The contract already refused anything else; this only guards against a bypassed check.
    if (pem === null)
      throw new Error(`${idp.name}: signingCertificates[${index}] is not a certificate`);
    return pem;
  });
  return { idp, sp, certificates };
}
