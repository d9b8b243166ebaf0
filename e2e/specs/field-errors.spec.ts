import { expect, test } from '../support/fixtures';
import { seedReadyApplication } from '../support/seed-configuration';

test('sign-up shows what is wrong next to each field', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Work e-mail').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 12 characters/);
  await expect(page.getByLabel('Work e-mail')).toHaveAccessibleDescription(/e-mail address/);
  await expect(page.getByLabel('Organization')).toHaveAccessibleDescription(/Required/);
});

test('the wizard and the editors show field errors where the field is', async ({
  page,
  owner,
  signIn,
  stack,
}) => {
  await signIn(owner);
  await page.goto('/getting-started');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription(/Required/);

  await page.getByLabel('Name').fill('staging');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name', { exact: true }).fill('grafana');
  await page.getByLabel('Application URL').fill('grafana.internal');
  await page.getByLabel('Listen port').fill('port 80');
  await page.getByLabel('Upstream server 1', { exact: true }).fill('ftp://grafana:3000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Application URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Listen port')).toHaveAccessibleDescription(/Enter a number/);
  await expect(page.getByLabel('Upstream server 1', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('heading', { name: /Step 2 of 4/ })).toBeVisible();

  // An editor: a rule path the agent could never match is refused in its cell.
  const app = await seedReadyApplication(owner.api, {
    idpIssuer: stack.idpIssuer,
    upstreamUrl: stack.upstreamUrl,
  });
  await page.goto(`/applications/${app.applicationId}?tab=rules`);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Path of rule 1').fill('api/../admin');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'path' }).first()).toBeVisible();
  await expect(page.getByLabel('Path of rule 1')).toHaveAttribute('aria-invalid', 'true');

  // Advanced: an idle timeout longer than the session.
  await page.goto(`/applications/${app.applicationId}?tab=advanced`);
  await page.getByLabel('Idle timeout (minutes)').fill('1000');
  await page.getByRole('button', { name: 'Save advanced settings' }).click();
  await expect(page.getByLabel('Idle timeout (minutes)')).toHaveAccessibleDescription(
    /must not exceed/,
  );
});
