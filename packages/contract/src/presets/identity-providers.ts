import {
  SAML_NAME_ID_FORMATS,
  type IDP_PROVIDERS,
  type TSamlNameIdFormat,
} from '../config/identity-provider';

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

export interface SamlAttributePreset {
  nameIdFormat: TSamlNameIdFormat;
  attributes: { email: string; username: string; groups: string };
}

const SIMPLE_ATTRIBUTES = { email: 'email', username: 'username', groups: 'groups' };
const WS_CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

/**
 * Attribute names a SAML IdP of each kind sends by default, or the ones its documentation
 * suggests when the admin defines the attribute statements (Google, Okta, Keycloak).
 */
export const SAML_ATTRIBUTE_PRESETS: Record<(typeof IDP_PROVIDERS)[number], SamlAttributePreset> = {
  GOOGLE: { nameIdFormat: SAML_NAME_ID_FORMATS.emailAddress, attributes: SIMPLE_ATTRIBUTES },
  MICROSOFT: {
    nameIdFormat: SAML_NAME_ID_FORMATS.emailAddress,
    attributes: {
      email: `${WS_CLAIMS}/emailaddress`,
      username: `${WS_CLAIMS}/name`,
      groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
    },
  },
  OKTA: { nameIdFormat: SAML_NAME_ID_FORMATS.emailAddress, attributes: SIMPLE_ATTRIBUTES },
  AUTH0: {
    nameIdFormat: SAML_NAME_ID_FORMATS.emailAddress,
    attributes: {
      email: `${WS_CLAIMS}/emailaddress`,
      username: `${WS_CLAIMS}/name`,
      groups: 'http://schemas.xmlsoap.org/claims/Group',
    },
  },
  KEYCLOAK: { nameIdFormat: SAML_NAME_ID_FORMATS.emailAddress, attributes: SIMPLE_ATTRIBUTES },
  GENERIC: { nameIdFormat: SAML_NAME_ID_FORMATS.emailAddress, attributes: SIMPLE_ATTRIBUTES },
};
