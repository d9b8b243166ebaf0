import { expect, test } from '../support/fixtures';
import { seedReadyApplication } from '../support/seed-configuration';
import { saveScreenshot } from '../support/screenshot';

test('an owner manages keys, tokens and invitations, and finds each change in the audit log', async ({
  page,
  owner,
  signIn,
  stack,
}) => {
  const app = await seedReadyApplication(owner.api, {
    idpIssuer: stack.idpIssuer,
    upstreamUrl: stack.upstreamUrl,
    name: 'cvat',
  });
  await signIn(owner);

  // Provisioning keys: the secret once, then revoked behind a confirmation.
  await page.goto(`/deployments/${app.deploymentId}?tab=provisioning-keys`);
  await page.getByLabel('Name').fill('cluster-eu-1');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByLabel('provisioning secret', { exact: true })).toHaveText(/^ghs_/);
  const keys = page.getByRole('table', { name: 'Provisioning keys' });
  await expect(keys.getByRole('row', { name: /cluster-eu-1/ })).toContainText('active');
  await keys
    .getByRole('row', { name: /cluster-eu-1/ })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await page
    .getByRole('dialog', { name: 'Revoke cluster-eu-1?' })
    .getByRole('button', { name: 'Revoke key' })
    .click();
  await expect(keys.getByRole('row', { name: /cluster-eu-1/ })).toContainText('revoked');
  await page.getByRole('link', { name: /^Agents/ }).click();
  await expect(page.getByText('No agent has connected yet')).toBeVisible();
  await page.getByRole('link', { name: /^Applications/ }).click();
  await expect(page.getByRole('table', { name: 'Applications' })).toContainText('cvat');
  await saveScreenshot(page, 'deployment');

  // API tokens: shown once with a copy button; revoking asks first, and Cancel keeps it.
  await page.goto('/settings/api-tokens');
  await page.getByLabel('Name').fill('terraform');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByLabel('API token', { exact: true }).textContent()) ?? '';
  expect(token).toMatch(/^ght_/);
  await expect(page.getByRole('button', { name: 'Copy API token' })).toBeVisible();
  const response = await page.request.get('/api/v1/me', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  const row = page
    .getByRole('table', { name: 'API tokens' })
    .getByRole('row', { name: /terraform/ });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke terraform?' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(row).toContainText('active');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke terraform?' })
    .getByRole('button', { name: 'Revoke token' })
    .click();
  await expect(row).toContainText('revoked');
  const refused = await page.request.get('/api/v1/me', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(401);

  // Invitations: the link is shown once; the invitee appears as pending.
  await page.goto('/settings/members');
  await page.getByLabel('E-mail').fill(`viewer-${Date.now().toString(36)}@example.test`);
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByLabel('invitation link', { exact: true })).toContainText(
    '/accept-invitation?token=ghi_',
  );
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText('viewer');

  // The audit log has it all, and filters by what was changed.
  await page.goto('/audit-log');
  const events = page.getByRole('table', { name: 'Audit events' });
  for (const action of [
    'provisioning_key.revoke',
    'api_token.revoke',
    'invitation.create',
    'application.create',
  ]) {
    await expect(events).toContainText(action);
  }
  await page.getByLabel('Target type').selectOption('api_token');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(events).toContainText('api_token.revoke');
  await expect(events).not.toContainText('invitation.create');
  await saveScreenshot(page, 'audit-log');
});
