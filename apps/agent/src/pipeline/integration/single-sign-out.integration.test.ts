import { loginThroughIdp } from '@gatehouse/dev-idp/testing';
import type { CookieJar } from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, signIn } from '../testing/browser';
import { startTestStack, type TestStack } from '../testing/start-test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

/**
 * Follows a new sign-in from the agent up to the IdP: true when the IdP asks for a password
 * (its session is gone), false when it sends the user straight back (its session lives).
 */
async function idpAsksForPassword(jar: CookieJar): Promise<boolean> {
  let url = `${stack.agent.url}/whoami?format=json`;
  for (let step = 0; step < 6; step += 1) {
    const response = await browse(jar, url);
    const location = response.headers.get('location');
    if (location === null) return (await response.text()).includes('name="password"');
    url = new URL(location, url).href;
    if (url.startsWith(`${stack.agent.url}/.gatehouse/callback`)) return false;
  }
  throw new Error('the sign-in did not settle');
}

describe('logout with single sign-out', () => {
  it('without it, the IdP session survives the logout', async () => {
    await stack.reapply({ logout: { singleSignOut: false, postLogoutRedirectUrl: null } });
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    await browse(jar, `${stack.agent.url}/.gatehouse/logout`);
    expect(await idpAsksForPassword(jar)).toBe(false);
  });

  it('ends the IdP session too and comes back to the post-logout URL', async () => {
    await stack.reapply({
      logout: { singleSignOut: true, postLogoutRedirectUrl: `${stack.agent.url}/` },
    });
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const logout = await browse(jar, `${stack.agent.url}/.gatehouse/logout`);
    expect(logout.status).toBe(302);
    const endSession = new URL(logout.headers.get('location') ?? '');
    expect(endSession.origin).toBe(stack.idp.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${stack.agent.url}/`);

    const { url } = await loginThroughIdp({
      startUrl: endSession,
      login: 'unused',
      password: 'unused',
      jar,
      stopWhen: (next) => next.href === `${stack.agent.url}/`,
    });
    expect(url.href).toBe(`${stack.agent.url}/`);
    expect(await idpAsksForPassword(jar)).toBe(true);
  });
});
