import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  buildAuthorizationRequest,
  CLIENT,
  discoverClient,
  isRelyingPartyUrl,
  REDIRECT_URI,
  signIn,
} from '../test/relying-party';
import { startDevIdp, type DevIdp } from './server';
import { CookieJar, loginThroughIdp, parseForms } from './testing';

let idp: DevIdp;
let config: client.Configuration;

beforeAll(async () => {
  idp = await startDevIdp({ port: 0, clients: [CLIENT] });
  config = await discoverClient(idp);
});
afterAll(() => idp.close());

describe('sign-in through the login form', () => {
  it('binds the issuer to the port actually listened on', () => {
    expect(idp.port).toBeGreaterThan(0);
    expect(idp.issuer).toBe(`http://127.0.0.1:${idp.port}`);
    expect(config.serverMetadata().issuer).toBe(idp.issuer);
  });

  it('shows a plain form, then issues an ID token carrying alice’s email and groups', async () => {
    const request = await buildAuthorizationRequest(config);
    const jar = new CookieJar();
    const toForm = await loginThroughIdp({
      startUrl: request.url,
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: (url) => url.pathname.startsWith('/interaction/'),
    });
    expect(toForm.url.pathname).toMatch(/^\/interaction\/[\w-]+$/);

    const page = await fetch(toForm.url, {
      headers: { cookie: jar.cookieHeaderFor(toForm.url) ?? '' },
    });
    expect(page.status).toBe(200);
    const [form, ...others] = parseForms(await page.text(), toForm.url);
    expect(others).toHaveLength(0);
    expect(form?.method).toBe('POST');
    expect(form?.inputNames).toEqual(['login', 'password']);

    const posted = await fetch(form!.action, {
      method: 'POST',
      headers: {
        cookie: jar.cookieHeaderFor(form!.action) ?? '',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ login: 'alice@example.com', password: 'password' }),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    jar.storeFrom(posted, form!.action);

    const back = await loginThroughIdp({
      startUrl: new URL(posted.headers.get('location')!, form!.action),
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: isRelyingPartyUrl,
    });
    expect(back.url.href.startsWith(REDIRECT_URI)).toBe(true);

    const tokens = await client.authorizationCodeGrant(config, back.url, request.checks);
    const claims = tokens.claims();
    expect(claims?.email).toBe('alice@example.com');
    expect(claims?.email_verified).toBe(true);
    expect(claims?.groups).toEqual(['cvat-admins']);
    expect(claims?.preferred_username).toBe('alice');
    expect(claims?.name).toBe('Alice Admin');
    expect(claims?.sub).toBe('dev-user-alice');
  });

  it('signs ID tokens with an RS256 key published at jwks_uri', async () => {
    const tokens = await signIn(config, { login: 'alice@example.com', password: 'password' });
    const [header = '', payload = '', signature = ''] = tokens.id_token!.split('.');
    const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<
      string,
      string
    >;
    expect(alg).toBe('RS256');

    const jwks = (await (await fetch(config.serverMetadata().jwks_uri!)).json()) as {
      keys: (JsonWebKey & { kid: string })[];
    };
    const jwk = jwks.keys.find((key) => key.kid === kid);
    expect(jwk?.d).toBeUndefined(); // public halves only
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      createPublicKey({ key: jwk!, format: 'jwk' }),
      Buffer.from(signature, 'base64url'),
    );
    expect(valid).toBe(true);
  });

  it('serves the same claims from userinfo', async () => {
    const tokens = await signIn(config, { login: 'bob@example.com', password: 'password' });
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    expect(userinfo.email).toBe('bob@example.com');
    expect(userinfo.groups).toEqual(['cvat-users']);
  });

  it('sends an empty groups array for a user in no group', async () => {
    const tokens = await signIn(config, { login: 'CAROL@example.com', password: 'password' });
    expect(tokens.claims()?.email).toBe('carol@example.com');
    expect(tokens.claims()?.groups).toEqual([]);
  });

  it('refuses a wrong password by showing the form again with an error, issuing no code', async () => {
    const request = await buildAuthorizationRequest(config);
    const result = await loginThroughIdp({
      startUrl: request.url,
      login: 'alice@example.com',
      password: 'not-the-password',
      stopWhen: isRelyingPartyUrl,
    });
    expect(result.url.pathname).toMatch(/^\/interaction\/[\w-]+\/login$/);
    expect(result.response.status).toBe(401);
    const html = await result.response.text();
    expect(html).toContain('Wrong email or password');
    expect(parseForms(html, result.url)[0]?.inputNames).toEqual(['login', 'password']);
    expect(result.visited.some((step) => step.includes(REDIRECT_URI))).toBe(false);
  });

  it('escapes what the user typed when it shows the form again', async () => {
    const request = await buildAuthorizationRequest(config);
    const result = await loginThroughIdp({
      startUrl: request.url,
      login: '"><script>alert(1)</script>',
      password: 'x',
    });
    const html = await result.response.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('rejects an authorization request without PKCE', async () => {
    const request = await buildAuthorizationRequest(config);
    request.url.searchParams.delete('code_challenge');
    request.url.searchParams.delete('code_challenge_method');
    const response = await fetch(request.url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', request.url);
    expect(location.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('signs a user in again without a form while the IdP session lasts', async () => {
    const jar = new CookieJar();
    await signIn(config, { login: 'alice@example.com', password: 'password' }, jar);
    const request = await buildAuthorizationRequest(config);
    const again = await loginThroughIdp({
      startUrl: request.url,
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: (url) => isRelyingPartyUrl(url) || url.pathname.startsWith('/interaction/'),
    });
    expect(again.url.href.startsWith(REDIRECT_URI)).toBe(true);
    const tokens = await client.authorizationCodeGrant(config, again.url, request.checks);
    expect(tokens.claims()?.email).toBe('alice@example.com');
  });

  it('grants a signed-in user’s consent prompt automatically (first-party clients)', async () => {
    const jar = new CookieJar();
    await signIn(config, { login: 'alice@example.com', password: 'password' }, jar);
    const request = await buildAuthorizationRequest(config, 'openid email groups offline_access');
    request.url.searchParams.set('prompt', 'consent');
    const visitedPages: string[] = [];
    const result = await loginThroughIdp({
      startUrl: request.url,
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: (url) => {
        visitedPages.push(url.pathname);
        return isRelyingPartyUrl(url);
      },
    });
    expect(visitedPages.some((path) => path.startsWith('/interaction/'))).toBe(true);
    expect(result.visited.some((step) => step.startsWith('POST'))).toBe(false);
    const tokens = await client.authorizationCodeGrant(config, result.url, request.checks);
    expect(tokens.scope?.split(' ').sort()).toEqual([
      'email',
      'groups',
      'offline_access',
      'openid',
    ]);
  });

  it('tells the user to start again when the sign-in cookie is missing', async () => {
    const response = await fetch(`${idp.url}/interaction/unknown-uid/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=alice%40example.com&password=password',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Go back to the application and sign in again');
  });
});
