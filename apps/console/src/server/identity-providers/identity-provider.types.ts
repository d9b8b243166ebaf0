import { ZIdentityProviderConfig } from '@gatehouse/contract';
import { z } from 'zod';
import { ZTimestamp } from '../shared/common.types';

const shape = ZIdentityProviderConfig.shape;

const ZClaims = z.object({
  email: shape.claims.shape.email,
  username: shape.claims.shape.username,
  groups: shape.claims.shape.groups,
});

const fields = {
  name: z.string().trim().min(1).max(200),
  protocol: shape.protocol,
  /** Presets fill the issuer (where the provider fixes it), scopes and claim names. */
  provider: shape.provider,
  clientId: shape.clientId,
  /** Write-only: stored encrypted, never returned. */
  clientSecret: shape.clientSecret,
  issuer: shape.issuer,
  scopes: shape.scopes,
  claims: ZClaims.partial(),
};

export const ZCreateIdentityProviderRequest = z.object({
  ...fields,
  protocol: fields.protocol.default('OIDC'),
  issuer: fields.issuer.optional(),
  scopes: fields.scopes.optional(),
  claims: fields.claims.optional(),
});
export type TCreateIdentityProviderRequest = z.infer<typeof ZCreateIdentityProviderRequest>;

/** Any subset; leave out clientSecret to keep the stored one. */
export const ZUpdateIdentityProviderRequest = z.object(fields).partial();
export type TUpdateIdentityProviderRequest = z.infer<typeof ZUpdateIdentityProviderRequest>;

export const ZIdentityProviderResponse = z.object({
  id: z.string(),
  deploymentId: z.string(),
  name: z.string(),
  protocol: fields.protocol,
  provider: fields.provider,
  clientId: z.string(),
  /** The secret itself is never returned after it was set. */
  clientSecretSet: z.literal(true),
  issuer: z.string(),
  scopes: z.array(z.string()),
  claims: ZClaims,
  /** Applications that offer this identity provider. */
  applicationIds: z.array(z.string()),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TIdentityProviderResponse = z.infer<typeof ZIdentityProviderResponse>;

export const ZIdentityProviderListResponse = z.object({
  identityProviders: z.array(ZIdentityProviderResponse),
});
export type TIdentityProviderListResponse = z.infer<typeof ZIdentityProviderListResponse>;
