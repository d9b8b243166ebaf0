// What the SSO endpoint refuses, and that it refuses at the IdP: nothing reaches an ACS URL until
// the request's issuer and ACS are known to belong together.
import { deflateRawSync } from 'node:zlib';
import { SAML, type SamlConfig } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  samlConfigFor,
  startTestServiceProvider,
  type TestServiceProvider,
} from '../../test/saml-service-provider';
import { startDevIdp, type DevIdp } from '../server';
import { CookieJar, loginThroughIdp, parseForms } from '../testing';

let idp: DevIdp;
let sp: TestServiceProvider;

beforeAll(async () => {
  sp = await startTestServiceProvider();
  idp = await startDevIdp({ saml: { serviceProviders: [sp.registration] } });
  sp.connect(idp);
});
afterAll(async () => {
  await idp.close();
  await sp.close();
});

const variant = (config: Partial<SamlConfig>) => new SAML(samlConfigFor(idp, sp, config));
const authorizeUrl = (saml: SAML = sp.saml()) =>
  saml.getAuthorizeUrlAsync('/private', undefined, {});

function redirectUrl(xml: string): string {
  const encoded = deflateRawSync(Buffer.from(xml)).toString('base64');
  return `${idp.saml.ssoUrl}?SAMLRequest=${encodeURIComponent(encoded)}`;
}

function authnRequestXml(attributes: string, issuer = sp.entityId): string {
  return `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="${new Date().toISOString()}" ${attributes}><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`;
}

async function expectRefused(url: string, status: number, message: string) {
  const response = await fetch(url, { redirect: 'manual' });
  const html = await response.text();
  expect(response.status).toBe(status);
  expect(html).toContain('SAML request refused');
  expect(html).toContain(message);
  expect(parseForms(html, url)).toHaveLength(0);
}

describe('SSO refusals', () => {
  it('shows the form again after a wrong password and posts nothing to the ACS', async () => {
    const result = await loginThroughIdp({
      startUrl: await authorizeUrl(),
      login: 'alice@example.com',
      password: 'not-the-password',
    });
    expect(result.response.status).toBe(401);
    expect(result.url.pathname).toMatch(/^\/saml\/login\/[\w-]+$/);
    const html = await result.response.text();
    expect(html).toContain('Wrong email or password');
    expect(parseForms(html, result.url)[0]?.inputNames).toEqual(['login', 'password']);
    expect(result.visited.some((step) => step.includes(sp.origin))).toBe(false);
  });

  it('refuses an AuthnRequest from a service provider it does not know', async () => {
    const stranger = variant({ issuer: 'https://stranger.example/saml' });
    await expectRefused(
      await authorizeUrl(stranger),
      403,
      'The service provider https://stranger.example/saml is not registered at the dev IdP',
    );
  });

  it('refuses an ACS URL the service provider did not register', async () => {
    const elsewhere = variant({ callbackUrl: 'https://attacker.example/acs' });
    await expectRefused(
      await authorizeUrl(elsewhere),
      403,
      'asks for the assertion at https://attacker.example/acs',
    );
  });

  it('refuses a request for another response binding, or addressed to another IdP', async () => {
    await expectRefused(
      redirectUrl(
        authnRequestXml('ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"'),
      ),
      400,
      'answers with HTTP-POST only',
    );
    await expectRefused(
      redirectUrl(authnRequestXml('Destination="https://other-idp.example/sso"')),
      400,
      'is addressed to https://other-idp.example/sso',
    );
  });

  it('refuses XML with a DTD, and messages that are not deflated or not XML', async () => {
    const entity = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]>${authnRequestXml('')}`;
    await expectRefused(redirectUrl(entity), 400, 'contains a DTD, which SAML forbids');
    await expectRefused(
      `${idp.saml.ssoUrl}?SAMLRequest=${encodeURIComponent(Buffer.from('<x/>').toString('base64'))}`,
      400,
      'is neither XML nor DEFLATE-compressed XML',
    );
    await expectRefused(redirectUrl('<samlp:AuthnRequest'), 400, 'is not well-formed XML');
    await expectRefused(idp.saml.ssoUrl, 400, 'expects a SAML AuthnRequest');
  });

  it('refuses a login form posted without the cookie of the browser that started it', async () => {
    const jar = new CookieJar();
    const toForm = await loginThroughIdp({
      startUrl: await authorizeUrl(),
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: (url) => url.pathname.startsWith('/saml/login/'),
    });
    const posted = await fetch(toForm.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'alice@example.com', password: 'password' }),
    });
    expect(posted.status).toBe(400);
    expect(await posted.text()).toContain('was started in another browser or tab');
  });
});
