import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { TApplicationConfig } from '@gatehouse/contract';
import { SignInRejectedError } from '../pipeline/complete-sign-in';
import type { Session } from '../session/session';
import { IdpUnreachableError, type IdpClient } from './idp-client';
import type { LoginState } from './login-state';
import { needsUserInfo, readIdentity } from './read-identity';
import { planRefresh } from './refresh-session';

/** The IdP answered, but not with a sign-in we can accept (bad code, wrong issuer or nonce, …). */
export class LoginRejectedError extends SignInRejectedError {
  override name = 'LoginRejectedError';
}

export interface FinishLoginInput {
  idp: IdpClient;
  loginState: LoginState;
  /** The callback URL as the IdP redirected to it, rebuilt on the application's origin. */
  callbackUrl: URL;
  app: TApplicationConfig;
  deploymentId: string;
  nowSeconds: number;
}

/**
 * The second leg: exchange the code (with the PKCE verifier) and validate the ID token: issuer,
 * audience, signature, expiry with clock tolerance, and nonce (openid-client does all of these).
 */
export async function finishLogin(input: FinishLoginInput): Promise<Session> {
  const { idp, loginState, nowSeconds } = input;
  const config = await idp.discover();
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: loginState.codeVerifier,
      expectedState: loginState.state,
      expectedNonce: loginState.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw classifyOidcError(idp, error);
  }
  const idTokenClaims = tokens.claims();
  if (!idTokenClaims) throw new LoginRejectedError('the identity provider sent no ID token');
  let claims: Record<string, unknown> = { ...idTokenClaims };
  if (needsUserInfo(idp.idp, claims) && config.serverMetadata().userinfo_endpoint) {
    const userInfo = await oidc
      .fetchUserInfo(config, tokens.access_token, idTokenClaims.sub)
      .catch((error: unknown) => {
        throw classifyOidcError(idp, error);
      });
    claims = { ...userInfo, ...claims };
  }
  return {
    kind: 'session',
    id: randomBytes(32).toString('base64url'),
    deploymentId: input.deploymentId,
    applicationId: input.app.id,
    identity: readIdentity(idp.idp, claims),
    createdAt: nowSeconds,
    expiresAt: nowSeconds + input.app.session.maxAgeSeconds,
    lastSeenAt: nowSeconds,
    idToken: tokens.id_token ?? null,
    refreshToken: tokens.refresh_token ?? null,
    refreshAt: planRefresh(tokens.refresh_token, tokens.expires_in, nowSeconds),
  };
}

/** Network trouble means the IdP is unreachable (502); a protocol refusal means a failed sign-in. */
export function classifyOidcError(idp: IdpClient, error: unknown): Error {
  if (error instanceof IdpUnreachableError) return error;
  if (
    error instanceof oidc.ResponseBodyError ||
    error instanceof oidc.AuthorizationResponseError ||
    error instanceof oidc.ClientError ||
    error instanceof oidc.WWWAuthenticateChallengeError
  ) {
    return new LoginRejectedError(error.message, { cause: error });
  }
  return new IdpUnreachableError(idp.idp.name, error);
}
