// Single logout started at the SP: the IdP ends its session and confirms with a signed
// LogoutResponse that node-saml accepts, over either binding.
import { SAML, type Profile } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  samlConfigFor,
  startTestServiceProvider,
  type TestServiceProvider,
} from '../../test/saml-service-provider';
import { startDevIdp, type DevIdp } from '../server';
import { CookieJar, loginThroughIdp, parseForms } from '../testing';

let idp: DevIdp;
let postSp: TestServiceProvider;
let redirectSp: TestServiceProvider;

beforeAll(async () => {
  postSp = await startTestServiceProvider({ sloBinding: 'HTTP-POST' });
  redirectSp = await startTestServiceProvider();
  idp = await startDevIdp({
    saml: {
      serviceProviders: [
        postSp.registration,
        redirectSp.registration,
        { entityId: 'urn:test:no-slo', acsUrl: 'http://127.0.0.1:9/acs' },
      ],
    },
  });
  postSp.connect(idp);
  redirectSp.connect(idp);
});
afterAll(async () => {
  await idp.close();
  await postSp.close();
  await redirectSp.close();
});

async function signIn(sp: TestServiceProvider, jar: CookieJar, login = 'alice@example.com') {
  const result = await loginThroughIdp({
    startUrl: `${sp.origin}/private`,
    login,
    password: 'password',
    jar,
  });
  expect(await result.response.text()).toMatch(/^hello /);
}

/** Whether a new AuthnRequest from `sp` gets the login form (no IdP session) or not. */
async function needsPassword(sp: TestServiceProvider, jar: CookieJar): Promise<boolean> {
  const result = await loginThroughIdp({
    startUrl: await sp.saml().getAuthorizeUrlAsync('', undefined, {}),
    login: 'unused',
    password: 'unused',
    jar,
    stopWhen: (url) => url.pathname.startsWith('/saml/login/') || url.pathname === '/acs',
  });
  return result.url.pathname.startsWith('/saml/login/');
}

describe('SP-initiated single logout', () => {
  it('ends the IdP session and posts a signed LogoutResponse node-saml accepts (HTTP-POST)', async () => {
    const jar = new CookieJar();
    await signIn(postSp, jar);
    expect(await needsPassword(postSp, jar)).toBe(false);

    const logout = await loginThroughIdp({
      startUrl: `${postSp.origin}/logout`,
      login: 'unused',
      password: 'unused',
      jar,
    });
    expect(logout.visited).toContain(`POST ${postSp.origin}/slo`);
    expect(await logout.response.text()).toBe('signed out');
    expect(await needsPassword(postSp, jar)).toBe(true);
  });

  it('answers through the HTTP-Redirect binding by default, signed over the query', async () => {
    const jar = new CookieJar();
    await signIn(redirectSp, jar);
    const logout = await loginThroughIdp({
      startUrl: `${redirectSp.origin}/logout`,
      login: 'unused',
      password: 'unused',
      jar,
    });
    expect(logout.visited.at(-1)).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/slo\?SAMLResponse=.*&RelayState=bye&SigAlg=.*&Signature=/,
    );
    expect(await logout.response.text()).toBe('signed out');
    expect(await needsPassword(redirectSp, jar)).toBe(true);
  });

  it('says PartialLogout when other SPs of the session were not told', async () => {
    const jar = new CookieJar();
    await signIn(postSp, jar);
    await signIn(redirectSp, jar);
    const logout = await loginThroughIdp({
      startUrl: `${postSp.origin}/logout`,
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: (url) => url.href === `${postSp.origin}/slo`,
    });
    const [form] = parseForms(await logout.response.text(), logout.url);
    const xml = Buffer.from(form!.fields.get('SAMLResponse')!, 'base64').toString('utf8');
    expect(xml).toContain(
      '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:PartialLogout"/>',
    );
  });

  it('leaves the session alone when the LogoutRequest names another user', async () => {
    const jar = new CookieJar();
    await signIn(postSp, jar, 'alice@example.com');
    const bob = {
      issuer: idp.saml.entityId,
      nameID: 'bob@example.com',
      nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    } satisfies Profile;
    const logout = await loginThroughIdp({
      startUrl: await postSp.saml().getLogoutUrlAsync(bob, '', {}),
      login: 'unused',
      password: 'unused',
      jar,
    });
    expect(await logout.response.text()).toBe('signed out');
    expect(await needsPassword(postSp, jar)).toBe(false);
  });

  it('refuses a LogoutRequest from an unknown SP, or from one without an SLO URL', async () => {
    const profile = {
      issuer: idp.saml.entityId,
      nameID: 'alice@example.com',
      nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    } satisfies Profile;
    const sloFrom = (issuer: string) =>
      new SAML(samlConfigFor(idp, postSp, { issuer })).getLogoutUrlAsync(profile, '', {});

    const stranger = await fetch(await sloFrom('https://stranger.example/saml'));
    expect(stranger.status).toBe(403);
    expect(await stranger.text()).toContain('is not registered at the dev IdP');

    const noSlo = await fetch(await sloFrom('urn:test:no-slo'));
    expect(noSlo.status).toBe(400);
    expect(await noSlo.text()).toContain('registered no sloUrl');
  });
});
