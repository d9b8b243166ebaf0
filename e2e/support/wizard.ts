// Getting started as the story and SAML specs walk it; getting-started.spec.ts checks each step
// in detail (back, upstream rows, the secret shown once) and uses only readProvisioningPair.
import type { AgentProcess } from '@gatehouse/agent/testing';
import { expect, type Page } from '@playwright/test';

export interface WizardApplication {
  name: string;
  /** http://127.0.0.1:<listenPort>: where the agent serves it. */
  url: string;
  listenPort: number;
  upstreamUrl: string;
}

/** Steps 1 and 2 from the wizard's first page: a deployment, then the application. */
export async function createDeploymentAndApplication(
  page: Page,
  deploymentName: string,
  application: WizardApplication,
): Promise<void> {
  await page.getByLabel('Name').fill(deploymentName);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Step 2 of 4/ })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(application.name);
  await page.getByLabel('Application URL').fill(application.url);
  await page.getByLabel('Listen port').fill(String(application.listenPort));
  await page.getByLabel('Upstream server 1', { exact: true }).fill(application.upstreamUrl);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Step 3 of 4/ })).toBeVisible();
}

/** Step 4: the provisioning key and secret, as an operator copies them off the page. */
export async function readProvisioningPair(page: Page): Promise<{ key: string; secret: string }> {
  await expect(page.getByRole('heading', { name: /Step 4 of 4/ })).toBeVisible();
  const key = (await page.getByLabel('provisioning key', { exact: true }).textContent()) ?? '';
  const secret =
    (await page.getByLabel('provisioning secret', { exact: true }).textContent()) ?? '';
  expect(key).toMatch(/^ghk_/);
  expect(secret).toMatch(/^ghs_/);
  return { key, secret };
}

const AGENT_CONFIG_VERSION = 'gatehouse_agent_config_version';

/**
 * From step 4 with the agent online: opens the application, applies the CVAT preset (X-Email
 * and X-Groups, cvat-* groups to CVAT roles, the "CVAT API" rules) and waits until the agent
 * serves the configuration it made (the console pushes it; the agent's metrics say when).
 */
export async function applyCvatPreset(
  page: Page,
  applicationName: string,
  agent: AgentProcess,
): Promise<void> {
  const versionBefore = (await agent.readMetric(AGENT_CONFIG_VERSION)) ?? 0;
  await page.getByRole('button', { name: 'Go to the application' }).click();
  await expect(page.getByRole('heading', { name: applicationName, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Apply CVAT preset' }).click();
  await page.getByRole('button', { name: 'Apply preset' }).click();
  await expect(page.getByText('CVAT preset applied')).toBeVisible();
  await expect.poll(() => agent.readMetric(AGENT_CONFIG_VERSION)).toBeGreaterThan(versionBefore);
}
