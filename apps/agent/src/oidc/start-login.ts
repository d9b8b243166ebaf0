import * as oidc from 'openid-client';
import type { SessionKeyring } from '../session/session-keyring';
import type { IdpClient } from './idp-client';
import { LOGIN_STATE_SECONDS, sealLoginState, type LoginStateCookies } from './login-state';

export interface StartLoginInput {
  idp: IdpClient;
  keyring: SessionKeyring;
  deploymentId: string;
  applicationId: string;
  redirectUri: string;
  /** Already checked to be on the application's origin. */
  returnTo: string;
  cookies: LoginStateCookies;
  nowSeconds: number;
}

/**
 * The authorization code flow's first leg (OpenID Connect Core §3.1.2.1): PKCE S256 (RFC 7636)
 * against code interception, `state` against login CSRF, `nonce` against ID token replay.
 */
export async function startLogin(
  input: StartLoginInput,
): Promise<{ location: string; cookie: string }> {
  const config = await input.idp.discover();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const location = oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: input.idp.idp.scopes.join(' '),
    response_type: 'code',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  const cookie = await sealLoginState(
    input.keyring,
    {
      kind: 'login',
      deploymentId: input.deploymentId,
      applicationId: input.applicationId,
      idpId: input.idp.idp.id,
      state,
      nonce,
      codeVerifier,
      returnTo: input.returnTo,
      expiresAt: input.nowSeconds + LOGIN_STATE_SECONDS,
    },
    input.cookies,
  );
  return { location: location.href, cookie };
}
