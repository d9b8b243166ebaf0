import * as oidc from 'openid-client';
import type { Session } from '../session/session';
import type { IdpClient } from './idp-client';

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2): the IdP's end-session URL
 * with the ID token as hint, returning to `postLogoutRedirectUri` (which the IdP must have
 * registered). Null when the IdP offers no end-session endpoint.
 */
export async function buildIdpLogoutUrl(
  idp: IdpClient,
  session: Session | null,
  postLogoutRedirectUri: string,
): Promise<string | null> {
  const config = await idp.discover();
  if (!config.serverMetadata().end_session_endpoint) return null;
  const parameters: Record<string, string> = {
    post_logout_redirect_uri: postLogoutRedirectUri,
    client_id: idp.idp.clientId,
  };
  if (session?.idToken) parameters.id_token_hint = session.idToken;
  return oidc.buildEndSessionUrl(config, parameters).href;
}
