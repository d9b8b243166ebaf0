// The identity provider goes down: whoever needs it sees a clear error page (502, naming it),
// and sessions already made keep working until they end, also when their tokens are due for a
// refresh the IdP cannot answer. Regression: a refresh during an IdP outage signed the user out
// (and, with the IdP down, left no way back in).
import { CookieJar, loginThroughIdp } from '@gatehouse/dev-idp/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browse, readWhoami, signIn } from '../../src/pipeline/testing/browser';
import type { TestStack } from '../../src/pipeline/testing/start-test-stack';
import type { Session } from '../../src/session/session';
import { createSessionKeyring } from '../../src/session/session-keyring';
import { startSecurityStack } from './support/security-stack';

let stack: TestStack;
beforeEach(async () => {
  stack = await startSecurityStack();
});
// The tests close the IdP themselves; closing it again is the one failure to ignore.
afterEach(() =>
  stack.close().catch((error: Error) => {
    if (!/not running/.test(error.message)) throw error;
  }),
);

const now = () => Math.floor(Date.now() / 1000);

function sessionCookieOf(jar: CookieJar): { name: string; value: string } {
  const pair = (jar.cookieHeaderFor(stack.agent.url) ?? '')
    .split('; ')
    .find((cookie) => /^gatehouse_[A-Za-z0-9]+_0=/.test(cookie));
  if (!pair) throw new Error('no session cookie');
  return { name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) };
}

describe('the identity provider down', () => {
  it('keeps sessions working, even those due for a token refresh', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const { name, value } = sessionCookieOf(jar);
    const keyring = createSessionKeyring(stack.config.sessionKeys);
    const session = (await keyring.open(value)) as Session;
    expect(session.refreshToken).toBeTruthy();
    await stack.idp.close();

    const whoami = await readWhoami(await browse(jar, `${stack.agent.url}/whoami?format=json`));
    expect(whoami.email).toBe('alice@example.com');

    jar.setCookie(
      `${name}=${await keyring.seal({ ...session, refreshAt: now() - 1 })}; Path=/`,
      stack.agent.url,
    );
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await browse(jar, `${stack.agent.url}/whoami?format=json`);
      expect((await readWhoami(response)).email).toBe('alice@example.com');
    }
  });

  it('still ends a session at its end', async () => {
    const { jar } = await signIn(`${stack.agent.url}/whoami?format=json`, 'alice@example.com');
    const { name, value } = sessionCookieOf(jar);
    const keyring = createSessionKeyring(stack.config.sessionKeys);
    const session = (await keyring.open(value)) as Session;
    await stack.idp.close();
    jar.setCookie(
      `${name}=${await keyring.seal({ ...session, refreshAt: now() - 1, expiresAt: now() - 1 })}; Path=/`,
      stack.agent.url,
    );
    const response = await browse(jar, `${stack.agent.url}/whoami?format=json`);
    expect(response.status).toBe(302);
  });

  it('shows a clear page at the callback when the code cannot be exchanged', async () => {
    const jar = new CookieJar();
    const { url } = await loginThroughIdp({
      startUrl: `${stack.agent.url}/whoami`,
      login: 'bob@example.com',
      password: 'password',
      jar,
      stopWhen: (next) => next.pathname === '/.gatehouse/callback',
    });
    await stack.idp.close();
    const response = await browse(jar, url.href);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('The sign-in service is not answering');
  });

  it('shows a clear page to a new user when the IdP was never reached', async () => {
    await stack.idp.close();
    // A configuration naming the IdP anew makes the agent discover it again.
    await stack.reapply(
      {},
      {
        identityProviders: stack.config.identityProviders.map((idp) =>
          idp.protocol === 'OIDC' ? { ...idp, clientSecret: `${idp.clientSecret}-rotated` } : idp,
        ),
      },
    );
    const response = await browse(new CookieJar(), `${stack.agent.url}/whoami`);
    expect(response.status).toBe(502);
    const page = await response.text();
    expect(page).toContain('The sign-in service is not answering');
    expect(page).toContain('Dev IdP');
  });
});
