import {
  MAX_SAML_CLOCK_SKEW_SECONDS,
  ZIdpProtocol,
  ZOidcIdentityProviderConfig,
  ZSamlAttributeName,
  ZSamlEndpointUrl,
  ZSamlNameIdFormat,
} from '@gatehouse/contract';
import { z } from 'zod';
import { ZTimestamp } from '../shared/common.types';

const oidc = ZOidcIdentityProviderConfig.shape;

/** Metadata larger than this is a federation aggregate, not one IdP's own metadata. */
export const MAX_SAML_METADATA_BYTES = 1024 * 1024;

const ZClaims = z.object({
  email: oidc.claims.shape.email,
  username: oidc.claims.shape.username,
  groups: oidc.claims.shape.groups,
});

/** SAML attribute names are often URIs, so they are checked less strictly than claim paths. */
const ZAttributeNames = z.object({
  email: ZSamlAttributeName,
  username: ZSamlAttributeName,
  groups: ZSamlAttributeName,
});

const common = {
  name: z.string().trim().min(1).max(200),
  /** Presets fill the issuer (where the provider fixes it), scopes and claim names. */
  provider: oidc.provider,
};

const oidcFields = {
  clientId: oidc.clientId,
  /** Write-only: stored encrypted, never returned. */
  clientSecret: oidc.clientSecret,
  issuer: oidc.issuer,
  scopes: oidc.scopes,
};

const samlFields = {
  /** Where the console fetches the IdP's metadata (entity ID, endpoints, signing certificates). */
  metadataUrl: ZSamlEndpointUrl,
  /** The IdP's metadata pasted as XML, instead of a metadata URL. */
  metadataXml: z.string().min(1).max(MAX_SAML_METADATA_BYTES),
  nameIdFormat: ZSamlNameIdFormat,
  wantAssertionsSigned: z.boolean(),
  wantResponseSigned: z.boolean(),
  clockSkewSeconds: z.number().int().min(0).max(MAX_SAML_CLOCK_SKEW_SECONDS),
};

export const ZCreateOidcIdentityProviderRequest = z.object({
  ...common,
  protocol: z.literal('OIDC').default('OIDC'),
  ...oidcFields,
  issuer: oidcFields.issuer.optional(),
  scopes: oidcFields.scopes.optional(),
  claims: ZClaims.partial().optional(),
});

export const ZCreateSamlIdentityProviderRequest = z
  .object({
    ...common,
    protocol: z.literal('SAML'),
    metadataUrl: samlFields.metadataUrl.optional(),
    metadataXml: samlFields.metadataXml.optional(),
    /** Defaults per provider preset (SAML_ATTRIBUTE_PRESETS). */
    nameIdFormat: samlFields.nameIdFormat.optional(),
    /** The SAML attribute names the e-mail, username and groups are read from. */
    claims: ZAttributeNames.partial().optional(),
    wantAssertionsSigned: samlFields.wantAssertionsSigned.default(true),
    wantResponseSigned: samlFields.wantResponseSigned.default(false),
    clockSkewSeconds: samlFields.clockSkewSeconds.default(60),
  })
  .superRefine((input, ctx) => {
    if ((input.metadataUrl === undefined) === (input.metadataXml === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['metadataUrl'],
        message: 'give either metadataUrl or metadataXml (exactly one)',
      });
    }
  });

/** OIDC (the default when `protocol` is left out) or SAML. */
export const ZCreateIdentityProviderRequest = z.discriminatedUnion('protocol', [
  ZCreateOidcIdentityProviderRequest,
  ZCreateSamlIdentityProviderRequest,
]);
export type TCreateIdentityProviderRequest = z.infer<typeof ZCreateIdentityProviderRequest>;
export type TCreateOidcIdentityProviderRequest = z.infer<typeof ZCreateOidcIdentityProviderRequest>;
export type TCreateSamlIdentityProviderRequest = z.infer<typeof ZCreateSamlIdentityProviderRequest>;

/**
 * Any subset of the fields of the identity provider's own protocol (which cannot change). Leave
 * out clientSecret to keep the stored one; give metadataUrl or metadataXml to read the SAML
 * metadata again (after a certificate rollover, say).
 */
export const ZUpdateIdentityProviderRequest = z
  .object({
    ...common,
    protocol: ZIdpProtocol,
    ...oidcFields,
    ...samlFields,
    /** OIDC claim names, or SAML attribute names. */
    claims: z.object({ email: z.string(), username: z.string(), groups: z.string() }).partial(),
  })
  .partial();
export type TUpdateIdentityProviderRequest = z.infer<typeof ZUpdateIdentityProviderRequest>;

const ZSigningCertificate = z.object({
  subject: z.string(),
  notBefore: ZTimestamp,
  notAfter: ZTimestamp,
  /** SHA-256 of the DER, colon-separated hex, as IdP consoles show it. */
  fingerprintSha256: z.string(),
});

/** What to register at the IdP for one application that offers this IdP. */
const ZServiceProvider = z.object({
  applicationId: z.string(),
  applicationName: z.string(),
  /** The agent's SP entity ID, which is also its metadata URL. */
  entityId: z.string(),
  metadataUrl: z.string(),
  /** AssertionConsumerService, HTTP-POST binding. */
  acsUrl: z.string(),
  /** SingleLogoutService, HTTP-Redirect binding. */
  sloUrl: z.string(),
});

const ZSamlSettings = z.object({
  entityId: z.string(),
  ssoUrl: z.string(),
  sloUrl: z.string().nullable(),
  /** Null when the metadata was pasted. */
  metadataUrl: z.string().nullable(),
  signingCertificates: z.array(ZSigningCertificate),
  nameIdFormat: ZSamlNameIdFormat,
  wantAssertionsSigned: z.boolean(),
  wantResponseSigned: z.boolean(),
  clockSkewSeconds: z.number().int(),
  serviceProviders: z.array(ZServiceProvider),
});

export const ZIdentityProviderResponse = z.object({
  id: z.string(),
  deploymentId: z.string(),
  name: z.string(),
  protocol: ZIdpProtocol,
  provider: common.provider,
  /** OIDC only; empty for SAML. */
  clientId: z.string(),
  /** The secret itself is never returned after it was set; false for SAML, which has none. */
  clientSecretSet: z.boolean(),
  /** The OIDC issuer, or the SAML IdP's entity ID (the Issuer its assertions name). */
  issuer: z.string(),
  /** OIDC only; empty for SAML. */
  scopes: z.array(z.string()),
  /** OIDC claim names, or SAML attribute names, the e-mail, username and groups are read from. */
  claims: z.object({ email: z.string(), username: z.string(), groups: z.string() }),
  /** SAML only; null for OIDC. */
  saml: ZSamlSettings.nullable(),
  /** Applications that offer this identity provider. */
  applicationIds: z.array(z.string()),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TIdentityProviderResponse = z.infer<typeof ZIdentityProviderResponse>;
export type TSamlSettingsResponse = z.infer<typeof ZSamlSettings>;

export const ZIdentityProviderListResponse = z.object({
  identityProviders: z.array(ZIdentityProviderResponse),
});
export type TIdentityProviderListResponse = z.infer<typeof ZIdentityProviderListResponse>;

export { ZClaims as ZOidcClaims, ZAttributeNames as ZSamlAttributeNames };
