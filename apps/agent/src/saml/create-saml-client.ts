import type { CacheProvider, SAML, SamlConfig } from '@node-saml/node-saml';
import type { SamlIdp } from './saml-idp';

/** The one AuthnRequest (or LogoutRequest) a node-saml call may accept an answer to. */
export interface ExpectedRequest {
  id: string;
  /** Its IssueInstant, ISO 8601. */
  issuedAt: string;
}

export interface SamlClientOptions {
  /** Outgoing requests get this ID; incoming answers must be in response to it. */
  request: ExpectedRequest;
  /** How long after `issuedAt` an answer is still accepted. */
  requestLifetimeSeconds: number;
}

/**
 * A node-saml instance for one sign-in or sign-out step. node-saml keeps pending request IDs in a
 * cache of its own; the agent keeps them in the user's encrypted cookie instead (any replica can
 * read it, nothing to share), so each step gets an instance whose cache holds exactly the request
 * that cookie names, and nothing is ever stored.
 *
 * node-saml (with its XML and crypto libraries, about 7 MB per process) is imported here, on the
 * first SAML step, so agents and workers of deployments without a SAML IdP never load it.
 */
export async function createSamlClient(saml: SamlIdp, options: SamlClientOptions): Promise<SAML> {
  const { SAML, ValidateInResponseTo } = await import('@node-saml/node-saml');
  const { idp, sp } = saml;
  const { request } = options;
  const cacheProvider: CacheProvider = {
    saveAsync: (key, value) =>
      Promise.resolve(key === request.id ? { value, createdAt: Date.now() } : null),
    getAsync: (key) => Promise.resolve(key === request.id ? request.issuedAt : null),
    removeAsync: () => Promise.resolve(null),
  };
  const config: SamlConfig = {
    entryPoint: idp.ssoUrl,
    // node-saml falls back to the SSO URL without one; the agent never sends a LogoutRequest then.
    logoutUrl: idp.sloUrl ?? idp.ssoUrl,
    issuer: sp.entityId,
    audience: sp.entityId,
    callbackUrl: sp.acsUrl,
    logoutCallbackUrl: sp.sloUrl,
    idpCert: [...saml.certificates],
    idpIssuer: idp.entityId,
    identifierFormat: idp.nameIdFormat,
    wantAssertionsSigned: idp.wantAssertionsSigned,
    wantAuthnResponseSigned: idp.wantResponseSigned,
    acceptedClockSkewMs: idp.clockSkewSeconds * 1000,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: options.requestLifetimeSeconds * 1000,
    cacheProvider,
    generateUniqueId: () => request.id,
    // node-saml asks for PasswordProtectedTransport by default, which IdPs that signed the user
    // in another way (Kerberos, MFA, a smart card) refuse; how the user signs in is the IdP's call.
    disableRequestedAuthnContext: true,
    signatureAlgorithm: 'sha256',
  };
  return new SAML(config);
}
