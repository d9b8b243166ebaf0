import type { IDP_PROVIDERS } from '../config/identity-provider';

export interface IdentityProviderPreset {
  label: string;
  /** A fixed issuer, or null when it depends on the tenant (see `issuerHint`). */
  issuer: string | null;
  issuerHint: string;
  scopes: string[];
  claims: { email: string; username: string; groups: string };
}

const STANDARD_CLAIMS = { email: 'email', username: 'preferred_username', groups: 'groups' };

export const IDENTITY_PROVIDER_PRESETS: Record<
  (typeof IDP_PROVIDERS)[number],
  IdentityProviderPreset
> = {
  GOOGLE: {
    label: 'Google',
    issuer: 'https://accounts.google.com',
    issuerHint: 'https://accounts.google.com',
    scopes: ['openid', 'email', 'profile'],
    claims: { ...STANDARD_CLAIMS, username: 'email' },
  },
  MICROSOFT: {
    label: 'Microsoft Entra ID',
    issuer: null,
    issuerHint: 'https://login.microsoftonline.com/<tenant-id>/v2.0',
    scopes: ['openid', 'email', 'profile'],
    claims: STANDARD_CLAIMS,
  },
  OKTA: {
    label: 'Okta',
    issuer: null,
    issuerHint: 'https://<your-org>.okta.com',
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: STANDARD_CLAIMS,
  },
  AUTH0: {
    label: 'Auth0',
    issuer: null,
    issuerHint: 'https://<tenant>.auth0.com/',
    scopes: ['openid', 'email', 'profile'],
    claims: STANDARD_CLAIMS,
  },
  KEYCLOAK: {
    label: 'Keycloak',
    issuer: null,
    issuerHint: 'https://<host>/realms/<realm>',
    scopes: ['openid', 'email', 'profile'],
    claims: STANDARD_CLAIMS,
  },
  GENERIC: {
    label: 'Generic OpenID Connect',
    issuer: null,
    issuerHint: 'https://idp.example.com',
    scopes: ['openid', 'email', 'profile'],
    claims: STANDARD_CLAIMS,
  },
};
