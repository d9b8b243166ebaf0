import { expect, test } from '../support/fixtures';
import { saveScreenshot } from '../support/screenshot';
import { newAdmin, signUp } from '../support/sign-up';
import { readProvisioningPair } from '../support/wizard';

// Issue 4: a new admin signs up and completes the whole wizard against the dev IdP, sees the
// key once, starts nothing yet and sees the "waiting for agent" state.
test('a new admin signs up and completes Getting started against the dev IdP', async ({
  page,
  stack,
}) => {
  await signUp(page, newAdmin(), () => saveScreenshot(page, 'sign-up'));
  await saveScreenshot(page, 'dashboard-empty');
  await page.getByRole('link', { name: 'Getting started' }).last().click();

  // Step 1: deployment.
  const progress = page.getByRole('navigation', { name: 'Progress' });
  await expect(progress.getByRole('listitem').first()).toHaveAttribute('aria-current', 'step');
  await page.getByLabel('Name').fill('production');
  await page.getByLabel('Description').fill('CVAT for the labelling team');
  await saveScreenshot(page, 'wizard-1-deployment');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Step 2: application, with one upstream row added and removed again.
  await expect(page.getByRole('heading', { name: /Step 2 of 4/ })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('cvat');
  await page.getByLabel('Description').fill('Computer Vision Annotation Tool');
  await page.getByLabel('Application URL').fill('http://localhost:9772');
  await page.getByLabel('Listen port').fill('9772');
  await page.getByLabel('Upstream server 1', { exact: true }).fill(stack.upstreamUrl);
  await page.getByRole('button', { name: 'Add upstream server' }).click();
  await page.getByLabel('Upstream server 2', { exact: true }).fill('http://traefik:8080');
  await page.getByRole('button', { name: 'Remove upstream server 2' }).click();
  await expect(page.getByLabel('Upstream server 2', { exact: true })).toHaveCount(0);
  await saveScreenshot(page, 'wizard-2-application');

  // Back keeps what was typed, on both steps.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('production');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Application URL')).toHaveValue('http://localhost:9772');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Step 3: identity provider; the redirect URI follows the application URL.
  await expect(page.getByRole('heading', { name: /Step 3 of 4/ })).toBeVisible();
  await expect(page.getByLabel('redirect URI', { exact: true })).toHaveText(
    'http://localhost:9772/.gatehouse/callback',
  );
  await page
    .getByLabel('Identity provider', { exact: true })
    .selectOption({ label: 'Generic OpenID Connect' });
  await page.getByLabel('Name', { exact: true }).fill('Dev IdP');
  await page.getByLabel('Issuer').fill(stack.idpIssuer);
  await page.getByLabel('Client ID').fill('gatehouse-demo');
  await page.getByLabel('Client secret').fill('gatehouse-demo-secret');
  await expect(page.getByLabel('Scopes')).toHaveValue('openid email profile');
  await saveScreenshot(page, 'wizard-3-identity-provider');
  await page.getByRole('button', { name: 'Create and continue' }).click();

  // Step 4: the pair, once, in ready-to-paste snippets; nothing runs, so it waits.
  const { key, secret } = await readProvisioningPair(page);
  const compose = page.getByRole('tabpanel').filter({ hasText: 'PROVISIONING_KEY' });
  await expect(compose).toContainText(`PROVISIONING_KEY: ${key}`);
  await expect(compose).toContainText(`PROVISIONING_SECRET: ${secret}`);
  await expect(compose).toContainText(`CONSOLE_URL: ${stack.consoleUrl}`);
  await page.getByRole('tab', { name: 'Helm values' }).click();
  await expect(page.getByRole('tabpanel').filter({ hasText: 'consoleUrl' })).toContainText(
    `secret: ${secret}`,
  );
  await page.getByRole('tab', { name: 'docker-compose' }).click();
  await expect(page.getByTestId('agent-status')).toHaveAttribute('data-state', 'waiting');
  await expect(page.getByText('Waiting for the agent to connect')).toBeVisible();
  await saveScreenshot(page, 'wizard-4-start-agent');

  // The secret is shown once: reloading the step does not show it again.
  await page.reload();
  await expect(page.getByRole('heading', { name: /Step 4 of 4/ })).toBeVisible();
  await expect(page.getByText('was already shown')).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);

  // A half-finished setup is offered for resuming from the dashboard.
  await page.goto('/');
  await page.getByRole('link', { name: 'Resume setup' }).click();
  await expect(page.getByRole('heading', { name: /Step 4 of 4/ })).toBeVisible();
  await expect(page.getByTestId('agent-status')).toHaveAttribute('data-state', 'waiting');

  // The application the wizard made is complete (it has an identity provider).
  await page.getByRole('button', { name: 'Go to the application' }).click();
  await expect(page.getByRole('heading', { name: 'cvat', exact: true })).toBeVisible();
  await expect(page.getByText('Ready', { exact: true })).toBeVisible();
});
