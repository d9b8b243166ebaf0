// SP-initiated SSO through the dev IdP over real HTTP, with node-saml (the agent's library) as the
// service provider: what it accepts, and what the IdP answers on the way.
import { SAML, type SamlConfig } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  samlConfigFor,
  startTestServiceProvider,
  type TestServiceProvider,
} from '../../test/saml-service-provider';
import { startDevIdp, type DevIdp } from '../server';
import { CookieJar, loginThroughIdp, parseForms, type LoginThroughIdpResult } from '../testing';
import { loadUsersFile } from '../users';
import { parseSamlXml, selectElements } from './xml';

let idp: DevIdp;
let sp: TestServiceProvider;

beforeAll(async () => {
  sp = await startTestServiceProvider();
  const dave = {
    sub: 'dev-user-dave',
    email: 'dave@example.com',
    name: 'Dave Two Groups',
    groups: ['cvat-admins', 'cvat-users'],
    password: 'password',
  };
  idp = await startDevIdp({
    users: [...(await loadUsersFile()), dave],
    saml: { serviceProviders: [sp.registration] },
  });
  sp.connect(idp);
});
afterAll(async () => {
  await idp.close();
  await sp.close();
});

const authorizeUrl = (saml: SAML = sp.saml()) =>
  saml.getAuthorizeUrlAsync('/private', undefined, {});
/** The test SP's node-saml with one setting changed (same entity ID and ACS). */
const variant = (config: Partial<SamlConfig>) => new SAML(samlConfigFor(idp, sp, config));
const isAcs = (url: URL) => url.origin === sp.origin && url.pathname === '/acs';

/** Signs in up to the ACS and returns the SAMLResponse the IdP posts there. */
async function signInUntilAcs(login: string, jar = new CookieJar(), startUrl?: string) {
  const result = await loginThroughIdp({
    startUrl: startUrl ?? (await authorizeUrl()),
    login,
    password: 'password',
    jar,
    stopWhen: isAcs,
  });
  return { result, samlResponse: samlResponseIn(await result.response.text(), result) };
}

function samlResponseIn(html: string, result: LoginThroughIdpResult): string {
  const form = parseForms(html, result.url).find((candidate) => isAcs(candidate.action));
  const samlResponse = form?.fields.get('SAMLResponse');
  if (!samlResponse) throw new Error(`no SAMLResponse form:\n${result.visited.join('\n')}`);
  return samlResponse;
}

describe('SP-initiated SSO', () => {
  it('signs alice in through the login form and lands on the SP page she asked for', async () => {
    const result = await loginThroughIdp({
      startUrl: `${sp.origin}/private`,
      login: 'alice@example.com',
      password: 'password',
    });
    expect(result.url.href).toBe(`${sp.origin}/private`);
    expect(await result.response.text()).toBe('hello alice@example.com groups=cvat-admins');
    expect(result.visited.filter((step) => step.startsWith('POST'))).toEqual([
      expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/saml\/login\/[\w-]+$/),
      `POST ${sp.origin}/acs`,
    ]);
  });

  it('gives node-saml the NameID, attributes and session index it needs', async () => {
    const { samlResponse } = await signInUntilAcs('alice@example.com');
    const { profile } = await sp.saml().validatePostResponseAsync({ SAMLResponse: samlResponse });
    expect(profile).toMatchObject({
      issuer: idp.saml.entityId,
      nameID: 'alice@example.com',
      nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      email: 'alice@example.com',
      username: 'alice',
      // node-saml collapses a single AttributeValue to a string; the SP must normalize.
      groups: 'cvat-admins',
    });
    expect(profile?.sessionIndex).toMatch(/^_[0-9a-f]{40}$/);
  });

  it('sends one AttributeValue per group', async () => {
    const { samlResponse } = await signInUntilAcs('dave@example.com');
    const { profile } = await sp.saml().validatePostResponseAsync({ SAMLResponse: samlResponse });
    expect(profile?.groups).toEqual(['cvat-admins', 'cvat-users']);
  });

  it('signs both the Response and its Assertion, RSA-SHA256 over exclusive c14n', async () => {
    const { samlResponse } = await signInUntilAcs('bob@example.com');
    const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
    const response = parseSamlXml(xml, 'response').documentElement;
    const [assertion] = selectElements('./saml:Assertion', response);
    for (const signed of [response, assertion!]) {
      const [signature, ...more] = selectElements('./ds:Signature', signed);
      expect(more).toHaveLength(0);
      const info = (path: string) => selectElements(`./ds:SignedInfo/${path}`, signature!)[0];
      expect(info('ds:Reference')?.getAttribute('URI')).toBe(`#${signed.getAttribute('ID')}`);
      expect(info('ds:SignatureMethod')?.getAttribute('Algorithm')).toBe(
        'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      );
      expect(info('ds:CanonicalizationMethod')?.getAttribute('Algorithm')).toBe(
        'http://www.w3.org/2001/10/xml-exc-c14n#',
      );
    }
    const confirmation = selectElements(
      './saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData',
      assertion!,
    )[0];
    expect(response.getAttribute('Destination')).toBe(sp.acsUrl);
    expect(confirmation?.getAttribute('Recipient')).toBe(sp.acsUrl);
    expect(confirmation?.getAttribute('InResponseTo')).toBe(response.getAttribute('InResponseTo'));
    expect(
      selectElements('./saml:Conditions/saml:AudienceRestriction/saml:Audience', assertion!)[0]
        ?.textContent,
    ).toBe(sp.entityId);
  });

  it('signs a second AuthnRequest in from the IdP session, without the form', async () => {
    const jar = new CookieJar();
    await signInUntilAcs('alice@example.com', jar);
    const again = await signInUntilAcs('nobody@example.com', jar);
    expect(again.result.visited.some((step) => step.includes('/saml/login/'))).toBe(false);
    const { profile } = await sp.saml().validatePostResponseAsync({
      SAMLResponse: again.samlResponse,
    });
    expect(profile?.email).toBe('alice@example.com');
  });

  it('asks for the password again when the SP sets ForceAuthn, and may switch users', async () => {
    const jar = new CookieJar();
    await signInUntilAcs('alice@example.com', jar);
    const saml = variant({ forceAuthn: true });
    const again = await signInUntilAcs('bob@example.com', jar, await authorizeUrl(saml));
    expect(
      again.result.visited.some((step) => step.startsWith('POST') && step.includes('/saml/login/')),
    ).toBe(true);
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: again.samlResponse });
    expect(profile?.email).toBe('bob@example.com');
  });

  it('answers NoPassive to an IsPassive request when nobody is signed in', async () => {
    const saml = variant({ passive: true });
    const { result, samlResponse } = await signInUntilAcs(
      'unused',
      new CookieJar(),
      await authorizeUrl(saml),
    );
    expect(result.visited.some((step) => step.includes('/saml/login/'))).toBe(false);
    // node-saml's answer to a signed NoPassive status: no profile, no error.
    expect(await saml.validatePostResponseAsync({ SAMLResponse: samlResponse })).toEqual({
      profile: null,
      loggedOut: false,
    });
  });

  it('issues the persistent NameID (the stable sub) when the SP asks for it', async () => {
    const saml = variant({
      identifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    });
    const { samlResponse } = await signInUntilAcs(
      'carol@example.com',
      new CookieJar(),
      await authorizeUrl(saml),
    );
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
    expect(profile?.nameID).toBe('dev-user-carol');
    expect(profile?.email).toBe('carol@example.com');
  });

  it('answers InvalidNameIDPolicy to a NameID format it cannot issue', async () => {
    const saml = variant({
      identifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
    });
    const { samlResponse } = await signInUntilAcs(
      'unused',
      new CookieJar(),
      await authorizeUrl(saml),
    );
    await expect(saml.validatePostResponseAsync({ SAMLResponse: samlResponse })).rejects.toThrow(
      'SAML provider returned Requester error: The dev IdP cannot issue NameID format',
    );
  });

  it('makes assertions valid for saml.responseLifetimeSeconds from their issue instant', async () => {
    const shortLived = await startDevIdp({
      saml: { serviceProviders: [sp.registration], responseLifetimeSeconds: 30 },
    });
    try {
      const saml = new SAML(samlConfigFor(shortLived, sp));
      const start = await saml.getAuthorizeUrlAsync('', undefined, {});
      const { samlResponse } = await signInUntilAcs('alice@example.com', new CookieJar(), start);
      const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
      const assertion = selectElements(
        '/samlp:Response/saml:Assertion',
        parseSamlXml(xml, 'response'),
      )[0]!;
      const issued = Date.parse(assertion.getAttribute('IssueInstant')!);
      const conditions = selectElements('./saml:Conditions', assertion)[0]!;
      const confirmation = selectElements(
        './saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData',
        assertion,
      )[0]!;
      expect(Date.parse(conditions.getAttribute('NotBefore')!)).toBe(issued);
      expect(Date.parse(conditions.getAttribute('NotOnOrAfter')!) - issued).toBe(30_000);
      expect(Date.parse(confirmation.getAttribute('NotOnOrAfter')!) - issued).toBe(30_000);
    } finally {
      await shortLived.close();
    }
  });
});
