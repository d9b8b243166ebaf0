import { findFreePort, startAgentProcess, type AgentProcess } from '@gatehouse/agent/testing';
import type { WhoamiView } from '@gatehouse/demo-upstream';
import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { saveScreenshot } from '../support/screenshot';
import {
  applyCvatPreset,
  createDeploymentAndApplication,
  readProvisioningPair,
} from '../support/wizard';

// Issue 10: an admin connects a SAML identity provider through the console, registers the SP
// URLs the console shows at the IdP, starts a real agent with the key the console issued, and a
// user signs in through the agent at the dev IdP's SAML login form.

let idp: DevIdp | undefined;
let agent: AgentProcess | undefined;

test.afterAll(async () => {
  await agent?.close();
  await idp?.close();
});

test('an admin connects a SAML IdP in the console and a user signs in through the agent', async ({
  page,
  browser,
  owner,
  signIn,
  stack,
}) => {
  // The agent's application port is a free one, so this spec runs beside the others.
  const listenPort = await findFreePort();
  const appUrl = `http://127.0.0.1:${listenPort}`;
  await signIn(owner);
  await page.goto('/getting-started');

  await createDeploymentAndApplication(page, 'saml-lab', {
    name: 'CVAT demo',
    url: appUrl,
    listenPort,
    upstreamUrl: stack.upstreamUrl,
  });

  // Step 3, SAML: the SP URLs to register follow the saved application's URL.
  await page.getByRole('radio', { name: 'SAML 2.0' }).check();
  const sp = {
    entityId: await copyValue(page, 'SP entity ID'),
    acsUrl: await copyValue(page, 'ACS URL'),
    sloUrl: await copyValue(page, 'SLO URL'),
  };
  // Where the agent serves its SP (apps/agent/src/saml/service-provider.ts).
  expect(sp).toEqual({
    entityId: `${appUrl}/.gatehouse/saml/metadata`,
    acsUrl: `${appUrl}/.gatehouse/saml/acs`,
    sloUrl: `${appUrl}/.gatehouse/saml/slo`,
  });
  await expect(page.getByLabel('SP metadata URL', { exact: true })).toHaveText(sp.entityId);

  await page
    .getByLabel('Identity provider', { exact: true })
    .selectOption({ label: 'Generic SAML 2.0' });
  await page.getByLabel('Name', { exact: true }).fill('Dev IdP (SAML)');
  await saveScreenshot(page, 'wizard-3-saml');

  // The API's refusal shows next to the SAML fields it names.
  await page.getByLabel('Clock skew (seconds)').fill('a minute');
  await page.getByRole('button', { name: 'Create and continue' }).click();
  await expect(page.getByLabel('IdP metadata URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Clock skew (seconds)')).toHaveAccessibleDescription(
    /Enter a number/,
  );
  await page.getByLabel('Clock skew (seconds)').fill('60');

  // "Registering" them at the IdP: a dev IdP of this spec's own that answers only this SP.
  idp = await startDevIdp({ saml: { serviceProviders: [sp] } });
  await page.getByLabel('IdP metadata URL').fill(idp.samlMetadataUrl);
  await expect(page.getByLabel('E-mail attribute')).toHaveValue('email');
  await expect(page.getByLabel('Groups attribute')).toHaveValue('groups');
  await expect(page.getByLabel('Require signed assertions')).toBeChecked();
  await page.getByRole('button', { name: 'Create and continue' }).click();

  // Step 4: the operator copies the pair off the page and starts the agent with it.
  const { key, secret } = await readProvisioningPair(page);
  agent = await startAgentProcess({
    name: 'saml-agent',
    consoleUrl: stack.consoleUrl,
    provisioningKey: key,
    provisioningSecret: secret,
    listenHost: '127.0.0.1',
    bundle: true,
  });
  await expect(page.getByTestId('agent-status')).toHaveAttribute('data-state', 'online');

  // The CVAT preset passes the e-mail and groups on and maps cvat-admins to admin.
  await applyCvatPreset(page, 'CVAT demo', agent);

  // alice opens the application in a browser of her own and signs in at the SAML IdP.
  const context = await browser.newContext();
  try {
    const alice = await context.newPage();
    await alice.goto(`${appUrl}/whoami`);
    await expect(alice).toHaveURL((url) => url.href.startsWith(`${idp?.url}/saml/login/`));
    await alice.getByLabel('Email').fill('alice@example.com');
    await alice.getByLabel('Password').fill('password');
    await alice.getByRole('button', { name: 'Sign in' }).click();
    await expect(alice).toHaveURL(`${appUrl}/whoami`);
    const response = await alice.request.get(`${appUrl}/whoami?format=json`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    const whoami = (await response.json()) as WhoamiView;
    expect(whoami).toEqual(expect.objectContaining({ email: 'alice@example.com', role: 'admin' }));
  } finally {
    await context.close();
  }

  // The IdP's own page shows the same SP URLs now that the application uses it, and edits it.
  await page.goto('/deployments');
  await page.getByRole('link', { name: 'saml-lab' }).first().click();
  await page.getByRole('link', { name: /^Identity providers/ }).click();
  await page.getByRole('link', { name: 'Dev IdP (SAML)' }).click();
  const ownSp = page.getByRole('region', { name: 'Service provider of CVAT demo' });
  await expect(ownSp.getByLabel('ACS URL', { exact: true })).toHaveText(sp.acsUrl);
  await expect(ownSp.getByRole('button', { name: 'Copy ACS URL' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'SAML 2.0' })).toBeDisabled();
  await saveScreenshot(page, 'identity-provider-saml');
  await page.getByLabel('Clock skew (seconds)').fill('90');
  await page.getByRole('button', { name: 'Save identity provider' }).click();
  await expect(page.getByText('Identity provider saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Clock skew (seconds)')).toHaveValue('90');
});

/** The text of one copyable value in the SP details the console shows. */
async function copyValue(page: Page, label: string): Promise<string> {
  const value = page.getByLabel(label, { exact: true });
  await expect(page.getByRole('button', { name: `Copy ${label}` })).toBeVisible();
  return (await value.textContent()) ?? '';
}
