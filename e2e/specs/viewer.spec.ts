import { expect, test } from '../support/fixtures';
import { seedMember } from '../support/seed-members';
import { seedReadyApplication } from '../support/seed-configuration';

test('a viewer sees the configuration but no control that would change it', async ({
  page,
  owner,
  db,
  signIn,
  stack,
}) => {
  const app = await seedReadyApplication(owner.api, {
    idpIssuer: stack.idpIssuer,
    upstreamUrl: stack.upstreamUrl,
  });
  await owner.api.post(`/applications/${app.applicationId}/presets/cvat`, {});
  const viewer = await seedMember(db, { role: 'VIEWER', organizationId: owner.organizationId });
  await signIn(viewer);
  await expect(page.getByText('Read-only')).toBeVisible();

  const editControls = page.getByRole('button', {
    name: /^(Save|Add|Apply CVAT preset|Delete|Revoke|Create|Remove|Invite|Expression row|Claim row|New deployment)/,
  });

  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Getting started' })).toHaveCount(0);
  await expect(editControls).toHaveCount(0);

  await page.goto(`/deployments/${app.deploymentId}`);
  await expect(page.getByRole('link', { name: app.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add application' })).toHaveCount(0);
  await expect(editControls).toHaveCount(0);
  for (const tab of ['Identity providers', 'Provisioning keys', 'Agents']) {
    await page.getByRole('link', { name: new RegExp(`^${tab}`) }).click();
    await expect(page.getByRole('link', { name: new RegExp(`^${tab}`) })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(editControls).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
  }

  // An identity provider's own page: its settings as a summary, no form.
  await page.getByRole('link', { name: /^Identity providers/ }).click();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/identity-providers/${app.identityProviderId}$`));
  await expect(page.getByText('Client ID')).toBeVisible();
  await expect(editControls).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);

  for (const tab of ['profile', 'attribute-pass', 'rules', 'role-mapping', 'advanced']) {
    await page.goto(`/applications/${app.applicationId}?tab=${tab}`);
    await expect(page.getByRole('heading', { name: app.name })).toBeVisible();
    await expect(editControls).toHaveCount(0);
  }
  // The rules are there, read-only, and the request tester (which changes nothing) still works.
  await page.goto(`/applications/${app.applicationId}?tab=rules`);
  await expect(page.getByTestId('rule-row')).toHaveCount(3);
  await expect(page.getByLabel('Path of rule 1')).toHaveCount(0);
  await page.getByLabel('Headers').fill('Authorization: Token abc');
  await expect(page.getByTestId('test-result')).toContainText('Matched rule 10');

  // Getting started itself refuses politely.
  await page.goto('/getting-started');
  await expect(page.getByText('Getting started needs an admin')).toBeVisible();
});
