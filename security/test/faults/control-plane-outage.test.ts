// The control plane goes away. The console: agents keep serving the configuration they have (also
// after their own restart, from the copy on disk), sign-ins keep working; when it comes back they
// resync, and a change made then reaches them. The identity provider: whoever needs it gets a
// clear page, and sessions already made keep working, due token refresh or not.
import { createSessionKeyring, pollUntil, type Session } from '@gatehouse/agent/testing';
import { CookieJar, loginThroughIdp } from '@gatehouse/dev-idp/testing';
import { createTestDatabase, type TestDatabase } from '@gatehouse/db/testing';
import { startDemoUpstream, type DemoUpstream } from '@gatehouse/demo-upstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, fetchWhoami, sessionCookieOf, signIn } from '../../src/browser/browse';
import { pullDocument } from '../../src/console/console-api';
import type { AgentProcess } from '@gatehouse/agent/testing';
import { startSecurityStack, type SecurityStack } from '../../src/start-security-stack';

let db: TestDatabase;
let upstream: DemoUpstream;
let stack: SecurityStack;
let agent: AgentProcess;
beforeAll(async () => {
  [db, upstream] = await Promise.all([createTestDatabase(), startDemoUpstream({ port: 0 })]);
  stack = await startSecurityStack({ databaseUrl: db.url, upstreamServers: [upstream.url] });
  agent = await stack.startAgent('agent');
});
afterAll(async () => {
  await stack?.close();
  await Promise.all([upstream?.close(), db?.drop()]);
});

describe('the console down', () => {
  it('leaves agents serving, restarts included, and they resync when it is back', async () => {
    const alice = await signIn(`${stack.applicationUrl}/whoami`, 'alice@example.com');
    expect((await fetchWhoami(alice, stack.applicationUrl)).whoami?.email).toBe(
      'alice@example.com',
    );

    await stack.console.stop();
    expect((await fetchWhoami(alice, stack.applicationUrl)).whoami?.email).toBe(
      'alice@example.com',
    );
    const bob = await signIn(`${stack.applicationUrl}/whoami`, 'bob@example.com');
    expect((await fetchWhoami(bob, stack.applicationUrl)).whoami?.email).toBe('bob@example.com');

    // A restart while the console is away serves the configuration cached on disk.
    await agent.child.stop();
    await agent.restart();
    expect((await fetchWhoami(alice, stack.applicationUrl)).whoami?.email).toBe(
      'alice@example.com',
    );

    await stack.console.start();
    await stack.api.call('PUT', `applications/${stack.deployment.applicationId}/attribute-pass`, {
      rows: [
        { field: 'email', name: 'X-Email', type: 'HEADER', join: null },
        { field: 'role', name: 'X-Groups', type: 'HEADER', join: ':' },
        { field: 'username', name: 'X-Resynced-User', type: 'HEADER', join: null },
      ],
    });
    const resynced = await pollUntil(
      () => fetchWhoami(alice, stack.applicationUrl),
      (answer) => answer.whoami?.headers['x-resynced-user']?.[0] === 'alice',
      30_000,
    );
    expect(resynced.whoami?.email).toBe('alice@example.com');
  });
});

describe('the identity provider down', () => {
  it('shows a clear page where the IdP is needed, and sessions keep working', async () => {
    const alice = await signIn(`${stack.applicationUrl}/whoami`, 'alice@example.com');
    // A sign-in half done: the IdP redirected back, the agent has not yet exchanged the code.
    const halfway = new CookieJar();
    const { url: callback } = await loginThroughIdp({
      startUrl: `${stack.applicationUrl}/whoami`,
      login: 'bob@example.com',
      password: 'password',
      jar: halfway,
      stopWhen: (next) => next.pathname === '/.gatehouse/callback',
    });
    const aliceSession = await readSession(alice);

    await stack.idp.close();
    expect((await fetchWhoami(alice, stack.applicationUrl)).whoami?.email).toBe(
      'alice@example.com',
    );
    // Even when the session's tokens are due for a refresh the IdP cannot answer.
    setSession(alice, await aliceSession.reseal({ refreshAt: Math.floor(Date.now() / 1000) - 1 }));
    expect((await fetchWhoami(alice, stack.applicationUrl)).whoami?.email).toBe(
      'alice@example.com',
    );

    const exchange = await browse(halfway, callback.href);
    expect(exchange.status).toBe(502);
    expect(await exchange.text()).toContain('The sign-in service is not answering');

    // An agent that never reached the IdP (restarted meanwhile) says so to a new user.
    await agent.child.stop();
    await agent.restart();
    const stranger = await browse(new CookieJar(), `${stack.applicationUrl}/whoami`);
    expect(stranger.status).toBe(502);
    expect(await stranger.text()).toContain('The sign-in service is not answering');
    expect((await fetchWhoami(alice, stack.applicationUrl)).whoami?.email).toBe(
      'alice@example.com',
    );
  });
});

/** The session in `jar`, opened with the deployment's keys (as pulled by any of its agents). */
async function readSession(jar: CookieJar) {
  const document = await pullDocument(stack);
  const keyring = createSessionKeyring(document.sessionKeys);
  const pair = sessionCookieOf(jar, stack.applicationUrl);
  const session = (await keyring.open(pair.value)) as Session;
  return {
    reseal: async (change: Partial<Session>) => ({
      name: pair.name,
      value: await keyring.seal({ ...session, ...change }),
    }),
  };
}

function setSession(jar: CookieJar, cookie: { name: string; value: string }): void {
  jar.setCookie(`${cookie.name}=${cookie.value}; Path=/`, stack.applicationUrl);
}
