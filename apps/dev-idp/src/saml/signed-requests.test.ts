// A service provider that registered a certificate must sign its AuthnRequests: over the query
// string in the HTTP-Redirect binding, as an enveloped XML signature in the HTTP-POST binding.
import { SAML, type SamlConfig } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  samlConfigFor,
  startTestServiceProvider,
  type TestServiceProvider,
} from '../../test/saml-service-provider';
import { startDevIdp, type DevIdp } from '../server';
import { CookieJar, loginThroughIdp, parseForms } from '../testing';
import { generateSamlCredentials } from './signing-credentials';

const spKeys = generateSamlCredentials('test SP');
let idp: DevIdp;
let sp: TestServiceProvider;

beforeAll(async () => {
  sp = await startTestServiceProvider({ certificate: spKeys.certificate });
  idp = await startDevIdp({ saml: { serviceProviders: [sp.registration] } });
  sp.connect(idp, { privateKey: spKeys.privateKey, publicCert: spKeys.certificate });
});
afterAll(async () => {
  await idp.close();
  await sp.close();
});

const variant = (config: Partial<SamlConfig>) =>
  new SAML(samlConfigFor(idp, sp, { privateKey: spKeys.privateKey, ...config }));
const isLoginForm = (response: Response) =>
  response.status === 303 && /^\/saml\/login\//.test(response.headers.get('location') ?? '');

/** Submits node-saml's HTTP-POST binding form to the IdP as a browser would. */
async function postAuthnRequest(saml: SAML, edit?: (xml: string) => string): Promise<Response> {
  const html = await saml.getAuthorizeFormAsync('/private', undefined, {});
  const [form] = parseForms(html, idp.saml.ssoUrl);
  const fields = new URLSearchParams(form!.fields);
  if (edit) {
    const xml = edit(Buffer.from(fields.get('SAMLRequest')!, 'base64').toString('utf8'));
    fields.set('SAMLRequest', Buffer.from(xml).toString('base64'));
  }
  return fetch(form!.action, { method: 'POST', body: fields, redirect: 'manual' });
}

describe('signed AuthnRequests', () => {
  it('accepts a request signed over the redirect query and signs the user in', async () => {
    const result = await loginThroughIdp({
      startUrl: `${sp.origin}/private`,
      login: 'alice@example.com',
      password: 'password',
    });
    expect(await result.response.text()).toBe('hello alice@example.com groups=cvat-admins');
    expect(result.visited[1]).toMatch(/SigAlg=.*&Signature=/);
  });

  it('refuses an unsigned request, and one signed by another key', async () => {
    const unsigned = await fetch(
      await variant({ privateKey: undefined }).getAuthorizeUrlAsync('', undefined, {}),
    );
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toContain('must be signed');

    const otherKey = variant({ privateKey: generateSamlCredentials().privateKey });
    const forged = await fetch(await otherKey.getAuthorizeUrlAsync('', undefined, {}));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('does not verify with the certificate registered');
  });

  it('refuses a signed redirect whose RelayState was changed on the way', async () => {
    const url = new URL(await sp.saml().getAuthorizeUrlAsync('/private', undefined, {}));
    url.searchParams.set('RelayState', '/somewhere-else');
    const response = await fetch(url);
    expect(response.status).toBe(400);
  });

  it('accepts an AuthnRequest signed inside its XML through the HTTP-POST binding', async () => {
    const plain = await postAuthnRequest(variant({ skipRequestCompression: true }));
    expect(isLoginForm(plain)).toBe(true);
    // node-saml deflates POST messages unless told not to; the IdP takes both.
    const response = await postAuthnRequest(sp.saml());
    expect(isLoginForm(response)).toBe(true);
    // The form then works like the redirect binding's, through to the SP that made the request.
    const jar = new CookieJar();
    jar.storeFrom(response, idp.saml.ssoUrl);
    const result = await loginThroughIdp({
      startUrl: new URL(response.headers.get('location')!, idp.saml.ssoUrl),
      login: 'bob@example.com',
      password: 'password',
      jar,
    });
    expect(await result.response.text()).toBe('hello bob@example.com groups=cvat-users');
  });

  it('refuses an HTTP-POST AuthnRequest altered after signing, or not signed', async () => {
    const altered = await postAuthnRequest(variant({ skipRequestCompression: true }), (xml) =>
      xml.replace('AllowCreate="true"', 'AllowCreate="false"'),
    );
    expect(altered.status).toBe(400);
    expect(await altered.text()).toContain('does not verify');

    const unsigned = await postAuthnRequest(
      variant({ privateKey: undefined, skipRequestCompression: true }),
    );
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toContain('must carry exactly one signature');
  });

  it('holds LogoutRequests to the same rule: signed ones sign out, unsigned ones are refused', async () => {
    const jar = new CookieJar();
    await loginThroughIdp({
      startUrl: `${sp.origin}/private`,
      login: 'alice@example.com',
      password: 'password',
      jar,
    });
    const alice = {
      issuer: idp.saml.entityId,
      nameID: 'alice@example.com',
      nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    };
    const unsigned = await fetch(
      await variant({ privateKey: undefined }).getLogoutUrlAsync(alice, '', {}),
      { headers: { cookie: jar.cookieHeaderFor(idp.saml.sloUrl) ?? '' } },
    );
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toContain('The LogoutRequest must be signed');

    const signed = await loginThroughIdp({
      startUrl: `${sp.origin}/logout`,
      login: 'unused',
      password: 'unused',
      jar,
    });
    expect(await signed.response.text()).toBe('signed out');
  });
});
