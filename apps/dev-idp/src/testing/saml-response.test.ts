// buildSignedSamlResponse against node-saml, configured as strictly as the agent will be: the
// untouched response is accepted (so every refusal below is for its one defect), each knob's is not.
import { SAML } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  samlConfigFor,
  startTestServiceProvider,
  type TestServiceProvider,
} from '../../test/saml-service-provider';
import { generateSamlCredentials } from '../saml/signing-credentials';
import { startDevIdp, type DevIdp } from '../server';
import { CookieJar } from './cookie-jar';
import { postSamlResponse, readAuthnRequestFromUrl } from './saml-messages';
import { buildSignedSamlResponse, type BuildSignedSamlResponseOptions } from './saml-response';

let idp: DevIdp;
let sp: TestServiceProvider;
let saml: SAML;

beforeAll(async () => {
  sp = await startTestServiceProvider();
  idp = await startDevIdp({ saml: { serviceProviders: [sp.registration] } });
  sp.connect(idp);
  saml = new SAML(samlConfigFor(idp, sp));
});
afterAll(async () => {
  await idp.close();
  await sp.close();
});

/** A response to a fresh AuthnRequest of `target`, with `overrides` applied. */
async function forge(
  overrides: Partial<BuildSignedSamlResponseOptions> = {},
  target: SAML = saml,
): Promise<string> {
  const request = readAuthnRequestFromUrl(await target.getAuthorizeUrlAsync('', undefined, {}));
  return buildSignedSamlResponse({
    idp: idp.saml,
    audience: sp.entityId,
    acsUrl: sp.acsUrl,
    inResponseTo: request.id,
    ...overrides,
  }).samlResponse;
}

const validate = (samlResponse: string, target: SAML = saml) =>
  target.validatePostResponseAsync({ SAMLResponse: samlResponse });
const hourAgo = () => new Date(Date.now() - 60 * 60 * 1000);

describe('buildSignedSamlResponse', () => {
  it('by default builds what the dev IdP sends, which node-saml accepts', async () => {
    const { profile } = await validate(await forge());
    expect(profile).toMatchObject({
      issuer: idp.saml.entityId,
      nameID: 'alice@example.com',
      email: 'alice@example.com',
      username: 'alice',
      groups: 'cvat-admins',
    });
  });

  it('forges another user and groups when asked', async () => {
    const user = { email: 'mallory@example.com', groups: ['a', 'b'] };
    const { profile } = await validate(await forge({ user }));
    expect(profile).toMatchObject({ email: 'mallory@example.com', groups: ['a', 'b'] });
  });

  it('unsigned: refused', async () => {
    await expect(validate(await forge({ sign: 'none' }))).rejects.toThrow(
      'Invalid document signature',
    );
  });

  it('signed by a key the SP does not trust: refused', async () => {
    const signWith = generateSamlCredentials('not the IdP');
    await expect(validate(await forge({ signWith }))).rejects.toThrow('Invalid document signature');
  });

  it('response signed but assertion not, against an SP wanting signed assertions: refused', async () => {
    await expect(validate(await forge({ sign: 'response' }))).rejects.toThrow('Invalid signature');
  });

  it('expired: refused', async () => {
    // node-saml meets the expired SubjectConfirmationData before the Conditions.
    await expect(validate(await forge({ issuedAt: hourAgo() }))).rejects.toThrow(
      'No valid subject confirmation found',
    );
  });

  it('not yet valid: refused', async () => {
    const issuedAt = new Date(Date.now() + 60 * 60 * 1000);
    await expect(validate(await forge({ issuedAt }))).rejects.toThrow(
      'SAML assertion not yet valid',
    );
  });

  it('for another audience: refused', async () => {
    const audience = 'https://someone-else.example/saml/metadata';
    await expect(validate(await forge({ audience }))).rejects.toThrow(
      'SAML assertion audience mismatch',
    );
  });

  it('replayed: accepted once, refused the second time', async () => {
    const response = await forge();
    await expect(validate(response)).resolves.toMatchObject({ loggedOut: false });
    await expect(validate(response)).rejects.toThrow('InResponseTo is not valid');
  });

  it('answering no request (unsolicited), to an SP that always wants InResponseTo: refused', async () => {
    await expect(validate(await forge({ inResponseTo: undefined }))).rejects.toThrow(
      'InResponseTo is missing',
    );
  });

  // node-saml 5 checks neither the assertion's Issuer (idpIssuer is used for logout messages only)
  // nor Destination / Recipient: these knobs exist for the agent's own checks. What is proven here
  // is that they change only that value and keep a valid signature.
  it('with another Recipient or Issuer: still validly signed, so only an SP check stops it', async () => {
    const recipient = 'https://someone-else.example/acs';
    const issuer = 'https://other-idp.example/metadata';
    const { profile } = await validate(await forge({ recipient, issuer }));
    expect(profile?.issuer).toBe(issuer);
    expect(profile?.getAssertionXml?.()).toContain(`Recipient="${recipient}"`);
  });
});

describe('postSamlResponse and readAuthnRequestFromUrl against a running SP', () => {
  it('answer the SP’s own AuthnRequest: a forged good response signs in, an unsigned one does not', async () => {
    const jar = new CookieJar();
    const redirect = await fetch(`${sp.origin}/private`, { redirect: 'manual' });
    const request = readAuthnRequestFromUrl(redirect.headers.get('location')!);
    expect(request).toMatchObject({
      issuer: sp.entityId,
      acsUrl: sp.acsUrl,
      relayState: '/private',
    });

    const options = {
      idp: idp.saml,
      audience: sp.entityId,
      acsUrl: sp.acsUrl,
      inResponseTo: request.id,
    } satisfies BuildSignedSamlResponseOptions;
    const unsigned = await postSamlResponse({
      acsUrl: sp.acsUrl,
      samlResponse: buildSignedSamlResponse({ ...options, sign: 'none' }).samlResponse,
      jar,
    });
    expect(await unsigned.text()).toBe('SP error: Error: Invalid document signature');

    const next = readAuthnRequestFromUrl(
      (await fetch(`${sp.origin}/private`, { redirect: 'manual' })).headers.get('location')!,
    );
    const accepted = await postSamlResponse({
      acsUrl: sp.acsUrl,
      samlResponse: buildSignedSamlResponse({ ...options, inResponseTo: next.id }).samlResponse,
      relayState: next.relayState,
      jar,
    });
    expect(accepted.status).toBe(302);
    const page = await fetch(`${sp.origin}/private`, {
      headers: { cookie: jar.cookieHeaderFor(sp.origin) ?? '' },
    });
    expect(await page.text()).toBe('hello alice@example.com groups=cvat-admins');
  });
});
