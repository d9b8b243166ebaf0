// An openid-client 6 relying party for the dev IdP's own tests: the same library the agent uses.
import * as client from 'openid-client';

import type { DevIdp } from '../src/server';
import { CookieJar, loginThroughIdp } from '../src/testing';

export const CLIENT = {
  clientId: 'test-rp',
  clientSecret: 'test-rp-secret',
  redirectUris: ['http://127.0.0.1:9/callback'],
  postLogoutRedirectUris: ['http://127.0.0.1:9/signed-out'],
};
// Port 9 (discard): nothing listens on the relying party's URLs; the walk stops before them.
export const REDIRECT_URI = 'http://127.0.0.1:9/callback';
export const POST_LOGOUT_URI = 'http://127.0.0.1:9/signed-out';

export async function discoverClient(idp: DevIdp): Promise<client.Configuration> {
  return client.discovery(
    new URL(idp.issuer),
    CLIENT.clientId,
    undefined,
    client.ClientSecretBasic(CLIENT.clientSecret),
    // The dev IdP speaks plain http on loopback; openid-client refuses that unless told.
    { execute: [client.allowInsecureRequests] },
  );
}

export interface AuthorizationRequest {
  url: URL;
  checks: { pkceCodeVerifier: string; expectedState: string; expectedNonce: string };
}

export async function buildAuthorizationRequest(
  config: client.Configuration,
  scope = 'openid email profile groups',
): Promise<AuthorizationRequest> {
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const expectedState = client.randomState();
  const expectedNonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    state: expectedState,
    nonce: expectedNonce,
  });
  return { url, checks: { pkceCodeVerifier, expectedState, expectedNonce } };
}

export const isRelyingPartyUrl = (url: URL) => url.origin === new URL(REDIRECT_URI).origin;

/** Signs a user in through the login form and redeems the code; returns the token response. */
export async function signIn(
  config: client.Configuration,
  credentials: { login: string; password: string },
  jar = new CookieJar(),
) {
  const request = await buildAuthorizationRequest(config);
  const result = await loginThroughIdp({
    startUrl: request.url,
    ...credentials,
    jar,
    stopWhen: isRelyingPartyUrl,
  });
  if (!result.url.href.startsWith(REDIRECT_URI)) {
    throw new Error(`sign-in did not reach the redirect URI:\n${result.visited.join('\n')}`);
  }
  return client.authorizationCodeGrant(config, result.url, request.checks);
}
