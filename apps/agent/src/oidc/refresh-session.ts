import * as oidc from 'openid-client';
import type { Session } from '../session/session';
import type { IdpClient } from './idp-client';
import { classifyOidcError } from './finish-login';
import { readIdentity } from './read-identity';

// Refresh this long before the access token expires (at most half its lifetime), so the IdP
// revoking access or changing groups reaches the upstream within one token lifetime.
const REFRESH_MARGIN_SECONDS = 60;

/** When to refresh, or null when the IdP gave no refresh token or no expiry. */
export function planRefresh(
  refreshToken: string | undefined,
  expiresIn: number | undefined,
  nowSeconds: number,
): number | null {
  if (!refreshToken || expiresIn === undefined || expiresIn <= 0) return null;
  return nowSeconds + expiresIn - Math.min(REFRESH_MARGIN_SECONDS, Math.floor(expiresIn / 2));
}

export function isRefreshDue(session: Session, nowSeconds: number): boolean {
  return (
    session.refreshAt !== null && session.refreshToken !== null && nowSeconds >= session.refreshAt
  );
}

/**
 * Refreshes the tokens and, when the IdP sends a new ID token, the identity (groups may have
 * changed). A new ID token for another subject is refused (OpenID Connect Core §12.2).
 */
export async function refreshSession(
  idp: IdpClient,
  session: Session,
  nowSeconds: number,
): Promise<Session> {
  if (session.refreshToken === null) throw new Error('the session has no refresh token');
  const config = await idp.discover();
  let tokens: Awaited<ReturnType<typeof oidc.refreshTokenGrant>>;
  try {
    tokens = await oidc.refreshTokenGrant(config, session.refreshToken);
  } catch (error) {
    throw classifyOidcError(idp, error);
  }
  const claims = tokens.claims();
  if (claims && claims.sub !== session.identity.sub) {
    throw new Error('the refreshed ID token names another user');
  }
  const refreshToken = tokens.refresh_token ?? session.refreshToken;
  return {
    ...session,
    identity: claims
      ? readIdentity(idp.idp, { ...session.identity.claims, ...claims })
      : session.identity,
    idToken: tokens.id_token ?? session.idToken,
    refreshToken,
    refreshAt: planRefresh(refreshToken, tokens.expires_in, nowSeconds),
    lastSeenAt: nowSeconds,
  };
}
