// oidc-provider configuration: what the dev IdP supports and why each non-default is set.
import Provider from 'oidc-provider';
import type { Account, Configuration } from 'oidc-provider';

import { toClientMetadata, type DevClient } from './clients';
import { renderAutoConfirmedLogout, renderError, renderLogoutSuccess } from './provider-pages';
import { generateSigningKeys } from './signing-keys';
import type { DevUser, UserDirectory } from './users';

/** Lifetimes in seconds; tests pass short ones to exercise refresh. */
export interface TokenLifetimes {
  accessToken: number;
  idToken: number;
  refreshToken: number;
  session: number;
}

export const DEFAULT_LIFETIMES: TokenLifetimes = {
  accessToken: 60 * 60,
  idToken: 60 * 60,
  refreshToken: 24 * 60 * 60,
  session: 24 * 60 * 60,
};

export interface CreateProviderOptions {
  issuer: string;
  clients: readonly DevClient[];
  users: UserDirectory;
  lifetimes: TokenLifetimes;
  cookieKeys: string[];
}

export function createProvider(options: CreateProviderOptions): Provider {
  return new Provider(options.issuer, buildConfiguration(options));
}

function buildConfiguration(options: CreateProviderOptions): Configuration {
  const { lifetimes } = options;
  return {
    // No adapter: oidc-provider's in-memory store. Fine for dev and tests, where every restart
    // may forget sessions; it is not shared between processes.
    clients: options.clients.map(toClientMetadata),
    jwks: generateSigningKeys(),
    cookies: { keys: options.cookieKeys },
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
      groups: ['groups'],
    },
    // Put scope claims (email, groups, ...) in the ID token too, not only at userinfo
    // (OpenID Connect Core 5.4 allows either): relying parties such as the agent read them there.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => findAccount(options.users, sub),
    // Authorization code flow only (no implicit or hybrid), always with PKCE (RFC 9700 §2.1.1).
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    // Every registered client is a first-party confidential client doing the code flow, so it
    // gets a refresh token without having to ask for offline_access. Without offline_access the
    // token still ends with the IdP session (expiresWithSession default), so logout revokes it.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Browser calls (an SPA reading userinfo) are allowed only from the client's own origins.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) ?? false,
    features: {
      // Our own login form replaces the built-in development pages (src/interactions.ts).
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: renderAutoConfirmedLogout,
        postLogoutSuccessSource: renderLogoutSuccess,
      },
      revocation: { enabled: true },
      // Resource indicators would issue JWT access tokens for APIs; the dev IdP only signs users
      // in, so access tokens stay opaque and are good for userinfo.
      resourceIndicators: { enabled: false },
    },
    renderError,
    ttl: {
      AccessToken: lifetimes.accessToken,
      IdToken: lifetimes.idToken,
      RefreshToken: lifetimes.refreshToken,
      Session: lifetimes.session,
      // A grant must outlive the refresh tokens issued under it.
      Grant: Math.max(lifetimes.refreshToken, lifetimes.session),
      Interaction: 60 * 60,
      AuthorizationCode: 60,
    },
  };
}

function findAccount(users: UserDirectory, sub: string): Account | undefined {
  const user = users.findBySub(sub);
  if (!user) {
    return undefined;
  }
  // oidc-provider masks these by the granted scopes (see `claims` above).
  return { accountId: user.sub, claims: () => claimsOf(user) };
}

function claimsOf(user: DevUser) {
  return {
    sub: user.sub,
    email: user.email,
    email_verified: user.emailVerified,
    name: user.name,
    preferred_username: user.preferredUsername ?? user.email,
    groups: [...user.groups],
  };
}
