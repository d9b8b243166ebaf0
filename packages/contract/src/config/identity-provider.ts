import { z } from 'zod';
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

export const ZIdentityProviderConfig = z.object({
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
export type TIdentityProviderConfig = z.infer<typeof ZIdentityProviderConfig>;
