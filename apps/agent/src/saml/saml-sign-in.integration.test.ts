import { buildSampleOidcIdentityProvider } from '@gatehouse/contract/testing';
import { CookieJar, parseForms } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, readWhoami, signIn } from '../pipeline/testing/browser';
import { startSamlStack, type SamlStack } from './testing/start-saml-stack';

let stack: SamlStack;
beforeAll(async () => {
  stack = await startSamlStack();
});
afterAll(() => stack.close());

describe('signing in through a SAML IdP with the CVAT preset', () => {
  it.each([
    ['alice@example.com', 'admin'],
    ['bob@example.com', 'user'],
    ['carol@example.com', 'worker'],
  ])('%s reaches the upstream as X-Email with X-Groups %s', async (email, role) => {
    const { response, visited } = await signIn(`${stack.agent.url}/whoami?format=json`, email);
    const whoami = await readWhoami(response);
    expect(whoami.headers['x-email'], visited.join('\n')).toEqual([email]);
    expect(whoami.headers['x-groups']).toEqual([role]);
    expect(whoami.path).toBe('/whoami');
    expect(visited).toContain(`POST ${stack.sp.acsUrl}`);
  });

  it('sends an AuthnRequest by redirect that names the SP, its ACS and the NameID format', async () => {
    const response = await browse(new CookieJar(), `${stack.agent.url}/tasks`);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(stack.idp.saml.ssoUrl);
    const relayState = location.searchParams.get('RelayState') ?? '';
    // An opaque handle, never the return URL: the IdP cannot steer where the user lands.
    expect(relayState).toMatch(/^[\w-]{32}$/);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toContain('Path=/.gatehouse/saml/acs');
    expect(setCookie).toContain('HttpOnly');
  });

  it('brings the user back to the URL first asked for, query included', async () => {
    const { response } = await signIn(
      `${stack.agent.url}/jobs/7?format=json&page=2`,
      'bob@example.com',
    );
    expect((await readWhoami(response)).path).toBe('/jobs/7');
  });

  it('serves SP metadata naming its entity ID, ACS (POST) and SLO (redirect)', async () => {
    const response = await fetch(stack.sp.metadataUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/samlmetadata+xml');
    const xml = await response.text();
    expect(xml).toContain(`entityID="${stack.sp.entityId}"`);
    expect(xml).toMatch(
      new RegExp(`AssertionConsumerService Binding="[^"]+HTTP-POST" Location="${stack.sp.acsUrl}"`),
    );
    expect(xml).toMatch(
      new RegExp(`SingleLogoutService Binding="[^"]+HTTP-Redirect" Location="${stack.sp.sloUrl}"`),
    );
    expect(xml).toContain('WantAssertionsSigned="true"');
  });

  it('offers SAML IdPs in the chooser beside OIDC ones', async () => {
    try {
      await stack.reapply({
        application: { idpIds: ['idp_dev', 'idp_saml'] },
        others: [buildSampleOidcIdentityProvider({ issuer: stack.idp.issuer })],
      });
      const jar = new CookieJar();
      const chooser = await browse(jar, `${stack.agent.url}/.gatehouse/login?rd=%2Fjobs%2F1`);
      const page = await chooser.text();
      expect(page).toContain('Dev IdP');
      expect(page).toContain('Dev SAML IdP');
      const link = /href="([^"]*idp=idp_saml[^"]*)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
      const chosen = await browse(jar, new URL(link ?? '', stack.agent.url).href);
      expect(chosen.status).toBe(302);
      expect(chosen.headers.get('location')).toMatch(new RegExp(`^${stack.idp.saml.ssoUrl}\\?`));
    } finally {
      await stack.reapply({});
    }
  });

  it('requires a signed Response when configured so, and the dev IdP signs both', async () => {
    try {
      await stack.reapply({ idp: { wantResponseSigned: true, wantAssertionsSigned: false } });
      const { response } = await signIn(
        `${stack.agent.url}/whoami?format=json`,
        'alice@example.com',
      );
      expect((await readWhoami(response)).email).toBe('alice@example.com');
    } finally {
      await stack.reapply({});
    }
  });

  it('answers a GET on the ACS with a page, not a sign-in', async () => {
    const response = await browse(new CookieJar(), stack.sp.acsUrl);
    expect(response.status).toBe(405);
    expect(parseForms(await response.text(), stack.sp.acsUrl)).toEqual([]);
  });
});
