import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  buildAuthorizationRequest,
  CLIENT,
  discoverClient,
  isRelyingPartyUrl,
  POST_LOGOUT_URI,
  REDIRECT_URI,
  signIn,
} from '../test/relying-party';
import { startDevIdp, type DevIdp } from './server';
import { CookieJar, loginThroughIdp, parseForms } from './testing';

const ALICE = { login: 'alice@example.com', password: 'password' };

let idp: DevIdp;
let config: client.Configuration;

beforeAll(async () => {
  idp = await startDevIdp({ port: 0, clients: [CLIENT], lifetimes: { accessToken: 120 } });
  config = await discoverClient(idp);
});
afterAll(() => idp.close());

/** What a fresh authorization request with this jar meets: a code for the RP, or the login form. */
async function authorizeWith(jar: CookieJar): Promise<string> {
  const request = await buildAuthorizationRequest(config);
  const result = await loginThroughIdp({
    startUrl: request.url,
    login: 'unused',
    password: 'unused',
    jar,
    stopWhen: (url) => isRelyingPartyUrl(url) || url.pathname.startsWith('/interaction/'),
  });
  if (result.url.href.startsWith(REDIRECT_URI) && result.url.searchParams.has('code')) {
    return 'code';
  }
  // A consent prompt also lives under /interaction/: only the form itself proves a login is asked.
  const page = await fetch(result.url, {
    headers: { cookie: jar.cookieHeaderFor(result.url) ?? '' },
    redirect: 'manual',
  });
  const form = parseForms(await page.text(), result.url)[0];
  return page.status === 200 && form?.inputNames.includes('password')
    ? 'login form'
    : `HTTP ${page.status} at ${result.url.href}`;
}

describe('refresh tokens', () => {
  it('are issued for the code flow and return new tokens with the same claims', async () => {
    const first = await signIn(config, ALICE);
    expect(first.refresh_token).toEqual(expect.any(String));
    expect(first.expires_in).toBeLessThanOrEqual(120);

    const refreshed = await client.refreshTokenGrant(config, first.refresh_token!);
    expect(refreshed.access_token).not.toBe(first.access_token);
    // openid-client has checked the new ID token's issuer, audience and expiry by now.
    expect(refreshed.id_token).toEqual(expect.any(String));
    expect(refreshed.claims()?.email).toBe('alice@example.com');
    expect(refreshed.claims()?.groups).toEqual(['cvat-admins']);

    const userinfo = await client.fetchUserInfo(config, refreshed.access_token, 'dev-user-alice');
    expect(userinfo.email).toBe('alice@example.com');
  });
});

describe('RP-initiated logout', () => {
  it('ends the IdP session, redirects to the post-logout URI, and revokes the refresh token', async () => {
    const jar = new CookieJar();
    const tokens = await signIn(config, ALICE, jar);
    // Control: while the session lives, a new authorization request needs no login.
    expect(await authorizeWith(jar)).toBe('code');

    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: POST_LOGOUT_URI,
      state: 'after-logout',
    });
    const loggedOut = await loginThroughIdp({
      startUrl: endSession,
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: isRelyingPartyUrl,
    });
    expect(loggedOut.url.origin + loggedOut.url.pathname).toBe(POST_LOGOUT_URI);
    expect(loggedOut.url.searchParams.get('state')).toBe('after-logout');

    expect(await authorizeWith(jar)).toBe('login form');
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses a post-logout redirect URI the client did not register', async () => {
    const jar = new CookieJar();
    const tokens = await signIn(config, ALICE, jar);
    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'http://127.0.0.1:9/elsewhere',
    });
    const response = await fetch(endSession, {
      headers: { cookie: jar.cookieHeaderFor(endSession) ?? '' },
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('post_logout_redirect_uri not registered');
    expect(await authorizeWith(jar)).toBe('code');
  });
});
