import {
  EXIT_PROVISIONING_KEY_REJECTED,
  findFreePort,
  startAgentProcess,
  type AgentProcess,
} from '@gatehouse/agent/testing';
import type { WhoamiView } from '@gatehouse/demo-upstream';
import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { newAdmin, signUp } from '../support/sign-up';
import {
  applyCvatPreset,
  createDeploymentAndApplication,
  readProvisioningPair,
} from '../support/wizard';

// Issue 7, the whole story in a browser: an admin signs up and runs the wizard, an operator
// starts a real agent with the pair the page showed, users sign in through it at the dev IdP and
// the application sees who they are; then the admin revokes the key and the agent stops serving.

const CLIENT = { clientId: 'gatehouse-story', clientSecret: 'gatehouse-story-secret' };

let idp: DevIdp;
let agent: AgentProcess | undefined;
let appUrl: string;
let listenPort: number;

test.beforeAll(async () => {
  // The agent listens on a port of its own, so this spec runs beside the others; a dev IdP of
  // its own knows that port's redirect URI.
  listenPort = await findFreePort();
  appUrl = `http://127.0.0.1:${listenPort}`;
  idp = await startDevIdp({
    clients: [
      {
        ...CLIENT,
        redirectUris: [`${appUrl}/.gatehouse/callback`],
        postLogoutRedirectUris: [`${appUrl}/`],
      },
    ],
  });
});

test.afterAll(async () => {
  await agent?.close();
  await idp?.close();
});

test('an admin protects the demo app; users sign in through the agent; revoking the key stops it', async ({
  page,
  browser,
  stack,
}) => {
  await signUp(page, newAdmin('Story Labs'));
  await page.getByRole('link', { name: 'Getting started' }).last().click();

  // The wizard: deployment, application in front of the demo upstream, the dev IdP.
  await createDeploymentAndApplication(page, 'production', {
    name: 'CVAT demo',
    url: appUrl,
    listenPort,
    upstreamUrl: stack.upstreamUrl,
  });
  await expect(page.getByLabel('redirect URI', { exact: true })).toHaveText(
    `${appUrl}/.gatehouse/callback`,
  );
  await page
    .getByLabel('Identity provider', { exact: true })
    .selectOption({ label: 'Generic OpenID Connect' });
  await page.getByLabel('Name', { exact: true }).fill('Dev IdP');
  await page.getByLabel('Issuer').fill(idp.issuer);
  await page.getByLabel('Client ID').fill(CLIENT.clientId);
  await page.getByLabel('Client secret').fill(CLIENT.clientSecret);
  // CVAT's roles come from IdP groups; this IdP, like Okta, sends them for the `groups` scope.
  await page.getByLabel('Scopes').fill('openid email profile groups');
  await page.getByRole('button', { name: 'Create and continue' }).click();

  // Step 4: the operator copies the pair off the page and starts the agent with it.
  const { key, secret } = await readProvisioningPair(page);
  await expect(page.getByTestId('agent-status')).toHaveAttribute('data-state', 'waiting');
  agent = await startAgentProcess({
    name: 'story-agent',
    consoleUrl: stack.consoleUrl,
    provisioningKey: key,
    provisioningSecret: secret,
    listenHost: '127.0.0.1',
    bundle: true,
    // Revocation is the last step; a shorter grace than the default 30 s keeps the test quick.
    environment: { AGENT_REVOKED_GRACE_SECONDS: '10' },
  });
  await expect(page.getByTestId('agent-status')).toHaveAttribute('data-state', 'online');
  await expect(page.getByText('Agent connected')).toBeVisible();

  const running = agent;
  await applyCvatPreset(page, 'CVAT demo', running);

  // Users: alice (cvat-admins) is an admin in the application, bob (cvat-users) a user.
  const alice = await signInThroughAgent(browser, 'alice@example.com');
  expect(await whoAmI(alice)).toEqual(
    expect.objectContaining({
      email: 'alice@example.com',
      role: 'admin',
      authenticatedBy: 'header',
    }),
  );
  const bob = await signInThroughAgent(browser, 'bob@example.com');
  expect(await whoAmI(bob)).toEqual(
    expect.objectContaining({ email: 'bob@example.com', role: 'user', authenticatedBy: 'header' }),
  );

  // API clients pass without SSO: CVAT's token login, then `Authorization: Token` (the preset's
  // "CVAT API" rules), and the upstream authenticates them itself.
  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'api-bot', password: 'api-bot-password' }),
    redirect: 'manual',
  });
  expect(login.status).toBe(200);
  const { key: token } = (await login.json()) as { key: string };
  const self = await fetch(`${appUrl}/api/users/self`, {
    headers: { authorization: `Token ${token}` },
    redirect: 'manual',
  });
  expect(self.status).toBe(200);
  expect(await self.json()).toEqual(expect.objectContaining({ username: 'api-bot' }));
  // Without credentials the same API is not passed through anonymously.
  expect((await fetch(`${appUrl}/api/users/self`, { redirect: 'manual' })).status).not.toBe(200);

  // Sign-out ends alice's session: the agent asks her to sign in again.
  await alice.goto(`${appUrl}/.gatehouse/logout`);
  await expect(alice.getByText('You are signed out of CVAT demo.')).toBeVisible();
  const afterSignOut = await alice.request.get(`${appUrl}/whoami`, {
    maxRedirects: 0,
    headers: { accept: 'text/html' },
  });
  expect(afterSignOut.status()).toBe(302);
  expect(afterSignOut.headers().location).toMatch(new RegExp(`^${idp.issuer}/`));
  // bob, still signed in, is not affected.
  expect((await whoAmI(bob)).email).toBe('bob@example.com');

  // The admin revokes the key: the agent stops serving and exits.
  await page.goto('/');
  await page.getByRole('link', { name: 'production' }).first().click();
  await page.getByRole('link', { name: /^Provisioning keys/ }).click();
  const keyRow = page.getByRole('table', { name: 'Provisioning keys' }).getByRole('row').nth(1);
  await keyRow.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(keyRow).toContainText('revoked');
  // It learns at once (the console wakes its long poll), answers 503 through its grace period
  // so load balancers drain it, then exits with the code that tells an orchestrator why.
  await expect.poll(async () => (await bob.request.get(`${appUrl}/whoami`)).status()).toBe(503);
  await bob.reload();
  await expect(bob.getByText(/provisioning key was revoked or expired/)).toBeVisible();
  expect(await running.child.exited).toBe(EXIT_PROVISIONING_KEY_REJECTED);
  await expect(fetch(`${appUrl}/whoami`)).rejects.toThrow();

  await Promise.all([alice.context().close(), bob.context().close()]);
});

/** A user opens the application in a browser of their own and signs in at the dev IdP. */
async function signInThroughAgent(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${appUrl}/whoami`);
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).toHaveURL(`${appUrl}/whoami`);
  await expect(page.getByRole('definition').filter({ hasText: email })).toBeVisible();
  return page;
}

/** What the demo upstream knows of the page's user (its /whoami JSON, through the agent). */
async function whoAmI(page: Page): Promise<WhoamiView> {
  const response = await page.request.get(`${appUrl}/whoami?format=json`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  return (await response.json()) as WhoamiView;
}
