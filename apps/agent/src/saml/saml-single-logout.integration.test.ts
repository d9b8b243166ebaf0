import { CookieJar, loginThroughIdp } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, signIn } from '../pipeline/testing/browser';
import { startSamlStack, type SamlStack } from './testing/start-saml-stack';

let stack: SamlStack;
beforeAll(async () => {
  stack = await startSamlStack();
});
afterAll(() => stack.close());

/** True when a new sign-in makes the IdP ask for the password (its session is gone). */
async function idpAsksForPassword(jar: CookieJar): Promise<boolean> {
  let url = `${stack.agent.url}/whoami?format=json`;
  for (let step = 0; step < 6; step += 1) {
    const response = await browse(jar, url);
    const location = response.headers.get('location');
    if (location === null) {
      const page = await response.text();
      // Without the form the IdP answers the ACS straight away, with an auto-submitting form.
      return page.includes('name="password"');
    }
    url = new URL(location, url).href;
  }
  throw new Error('the sign-in did not settle');
}

describe('SAML single logout', () => {
  it('without it, the IdP session survives the logout', async () => {
    await stack.reapply({
      application: { logout: { singleSignOut: false, postLogoutRedirectUrl: null } },
    });
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    await browse(jar, `${stack.agent.url}/.gatehouse/logout`);
    expect(await idpAsksForPassword(jar)).toBe(false);
  });

  it('sends a LogoutRequest to the IdP, which ends its session and confirms back', async () => {
    await stack.reapply({
      application: {
        logout: { singleSignOut: true, postLogoutRedirectUrl: `${stack.agent.url}/` },
      },
    });
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const logout = await browse(jar, `${stack.agent.url}/.gatehouse/logout`);
    expect(logout.status).toBe(302);
    const location = new URL(logout.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(stack.idp.saml.sloUrl);
    expect(location.searchParams.get('SAMLRequest')).toBeTruthy();

    const { url, visited } = await loginThroughIdp({
      startUrl: location,
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: (next) => next.href === `${stack.agent.url}/`,
    });
    // Through the agent's SLO endpoint, which accepted the IdP's signed LogoutResponse.
    expect(visited.some((step) => step.startsWith(`GET ${stack.sp.sloUrl}?SAMLResponse=`))).toBe(
      true,
    );
    expect(url.href, visited.join('\n')).toBe(`${stack.agent.url}/`);
    expect(await idpAsksForPassword(jar)).toBe(true);
  });

  it('says so when the IdP answer cannot be confirmed, and the local session is gone anyway', async () => {
    await stack.reapply({
      application: {
        logout: { singleSignOut: true, postLogoutRedirectUrl: `${stack.agent.url}/` },
      },
    });
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'bob@example.com');
    await browse(jar, `${stack.agent.url}/.gatehouse/logout`);
    const forged = await browse(
      new CookieJar(),
      `${stack.sp.sloUrl}?SAMLResponse=${encodeURIComponent('bm90IGEgcmVzcG9uc2U=')}`,
    );
    expect(forged.status).toBe(200);
    expect(await forged.text()).toContain('did not confirm');
    const after = await browse(jar, `${stack.agent.url}/whoami?format=json`);
    expect(after.status).toBe(302);
  });
});
