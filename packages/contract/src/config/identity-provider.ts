import { z } from 'zod';
import { checkX509Certificate } from '../checks/x509-certificate';
import { ZClaimPath, ZHttpUrl, ZId } from './primitives';

export const IDP_PROVIDERS = [
  'GOOGLE',
  'MICROSOFT',
  'OKTA',
  'AUTH0',
  'KEYCLOAK',
  'GENERIC',
] as const;
export const ZIdpProvider = z.enum(IDP_PROVIDERS);

export const IDP_PROTOCOLS = ['OIDC', 'SAML'] as const;
export const ZIdpProtocol = z.enum(IDP_PROTOCOLS);

export const ZOidcIdentityProviderConfig = z.object({
  id: ZId,
  name: z.string().min(1).max(200),
  protocol: z.literal('OIDC'),
  provider: ZIdpProvider,
  issuer: ZHttpUrl,
  clientId: z.string().min(1).max(512),
  /** Plaintext only inside this document, which travels over the authenticated agent API. */
  clientSecret: z.string().min(1).max(4096),
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'must be a valid OAuth scope'))
    .min(1)
    .refine((scopes) => scopes.includes('openid'), 'must include "openid"'),
  claims: z.object({
    email: ZClaimPath,
    username: ZClaimPath,
    groups: ZClaimPath,
  }),
});
export type TOidcIdentityProviderConfig = z.infer<typeof ZOidcIdentityProviderConfig>;

/** The NameID formats an SP commonly asks for (saml-core-2.0-os §8.3). */
export const SAML_NAME_ID_FORMATS = {
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
} as const;
export const ZSamlNameIdFormat = z.enum([
  SAML_NAME_ID_FORMATS.emailAddress,
  SAML_NAME_ID_FORMATS.persistent,
  SAML_NAME_ID_FORMATS.transient,
  SAML_NAME_ID_FORMATS.unspecified,
]);
export type TSamlNameIdFormat = z.infer<typeof ZSamlNameIdFormat>;

/** How far the IdP's clock may be off; beyond 5 minutes an expired assertion would pass too long. */
export const MAX_SAML_CLOCK_SKEW_SECONDS = 300;

/** An entity ID is a URI (often the metadata URL, sometimes a URN), compared byte for byte. */
const ZSamlEntityId = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^\S+$/, 'must be a URI without whitespace');

/**
 * An IdP endpoint: absolute http(s), no credentials or fragment. Unlike an OIDC issuer it may
 * carry a query (Google's `…/idp?idpid=…`); the agent adds its parameters after it.
 */
export const ZSamlEndpointUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    return (
      url !== null &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      url.hash === ''
    );
  }, 'must be an absolute http:// or https:// URL without credentials or fragment');

/** Attribute names are often URIs (`http://schemas.xmlsoap.org/…/emailaddress`, `urn:oid:…`). */
export const ZSamlAttributeName = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^\s<>"']+$/, 'must be an attribute name without whitespace, quotes or angle brackets');

export const ZSamlSigningCertificate = z.string().superRefine((value, ctx) => {
  const problem = checkX509Certificate(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const ZSamlIdentityProviderConfig = z
  .object({
    id: ZId,
    name: z.string().min(1).max(200),
    protocol: z.literal('SAML'),
    provider: ZIdpProvider,
    /** The IdP's entity ID: the Issuer its responses and assertions must name. */
    entityId: ZSamlEntityId,
    /** SingleSignOnService, HTTP-Redirect binding: where AuthnRequests go. */
    ssoUrl: ZSamlEndpointUrl,
    /** SingleLogoutService, HTTP-Redirect binding; null when the IdP offers none. */
    sloUrl: ZSamlEndpointUrl.nullable(),
    /** Every certificate the IdP may sign with (several during a rollover). */
    signingCertificates: z.array(ZSamlSigningCertificate).min(1).max(10),
    nameIdFormat: ZSamlNameIdFormat,
    attributes: z.object({
      email: ZSamlAttributeName,
      username: ZSamlAttributeName,
      groups: ZSamlAttributeName,
    }),
    wantAssertionsSigned: z.boolean().default(true),
    wantResponseSigned: z.boolean().default(false),
    clockSkewSeconds: z.number().int().min(0).max(MAX_SAML_CLOCK_SKEW_SECONDS).default(60),
  })
  .superRefine((idp, ctx) => {
    // Without a signature over the assertion, anyone could post one and be signed in.
    if (!idp.wantAssertionsSigned && !idp.wantResponseSigned) {
      ctx.addIssue({
        code: 'custom',
        path: ['wantAssertionsSigned'],
        message: 'require a signed assertion, a signed response, or both',
      });
    }
  });
export type TSamlIdentityProviderConfig = z.infer<typeof ZSamlIdentityProviderConfig>;

export const ZIdentityProviderConfig = z.discriminatedUnion('protocol', [
  ZOidcIdentityProviderConfig,
  ZSamlIdentityProviderConfig,
]);
export type TIdentityProviderConfig = z.infer<typeof ZIdentityProviderConfig>;
