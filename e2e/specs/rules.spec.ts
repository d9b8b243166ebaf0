import { expect, test } from '../support/fixtures';
import { seedReadyApplication } from '../support/seed-configuration';
import { saveScreenshot } from '../support/screenshot';

test('editing rules changes what "test a request" answers', async ({
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
  await page.goto(`/applications/${app.applicationId}?tab=rules`);

  // No rules yet: an API call falls to the default action.
  const result = page.getByTestId('test-result');
  await page.getByLabel('Path and query').fill('/api/tasks');
  await page.getByLabel('Headers').fill('Authorization: Token abc123');
  await expect(result).toContainText('No rule matched: the default action applies');
  await expect(result).toContainText('Protected');

  // The CVAT preset adds the "CVAT API" rules: Token clients pass without SSO.
  await page.getByRole('button', { name: 'Apply CVAT preset' }).click();
  await page
    .getByRole('dialog', { name: 'Apply the CVAT preset?' })
    .getByRole('button', { name: 'Apply preset' })
    .click();
  await expect(page.getByTestId('rule-row')).toHaveCount(3);
  await expect(result).toContainText('Matched rule 10');
  await expect(result).toContainText('Not protected');

  // A browser without credentials is still sent to sign-in.
  await page.getByLabel('Headers').fill('');
  await expect(result).toContainText('No rule matched');

  // Edit rule 10 to deny instead: the answer follows the editor before saving...
  await page.getByLabel('Headers').fill('Authorization: Basic YWxpY2U6cGFzcw==');
  await expect(result).toContainText('Matched rule 10');
  await page.getByLabel('Action of rule 1').selectOption('DENY');
  await expect(result).toContainText('Deny');
  await expect(result).toContainText('403');

  // ...and after saving, a reload shows the saved rule.
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Rules saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Action of rule 1')).toHaveValue('DENY');
  await page.getByLabel('Headers').fill('Authorization: Basic YWxpY2U6cGFzcw==');
  await expect(result).toContainText('Deny');

  // A new, more specific rule with a lower priority wins over the preset's.
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Priority of rule 4').fill('5');
  await page.getByLabel('Match type of rule 4').selectOption('EXACT');
  await page.getByLabel('Path of rule 4').fill('/api/tasks');
  await page.getByLabel('Action of rule 4').selectOption('NOT_PROTECTED');
  await expect(result).toContainText('Matched rule 5');
  await expect(result).toContainText('Not protected');
  await saveScreenshot(page, 'application-rules');

  // The role mapping the preset wrote answers live for sample claims.
  await page.getByRole('link', { name: /Role Mapping/ }).click();
  await expect(page.getByRole('heading', { name: 'Role mapping' })).toBeVisible();
  await expect(page.getByTestId('mapping-role')).toHaveText('admin');
  await page
    .getByLabel('Sample claims (JSON)')
    .fill('{"email": "bob@example.com", "groups": ["cvat-users"]}');
  await expect(page.getByTestId('mapping-role')).toHaveText('user');
  await page.getByRole('button', { name: 'Expression row' }).click();
  await page.getByLabel('Expression of row 5').fill('email endsWith "@example.com"');
  await page.getByLabel('Role of row 5').fill('business');
  await page.getByLabel('Sample claims (JSON)').fill('{"email": "eve@example.com", "groups": []}');
  await expect(page.getByTestId('mapping-role')).toHaveText('business');
  await saveScreenshot(page, 'application-role-mapping');

  await page.getByRole('link', { name: /Attribute Pass/ }).click();
  await expect(page.getByRole('heading', { name: 'Attribute pass' })).toBeVisible();
  await expect(page.getByLabel('Expected name of attribute 1')).toHaveValue('X-Email');
  await expect(page.getByLabel('Join of attribute 2')).toHaveValue(':');
  await saveScreenshot(page, 'application-attribute-pass');
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByLabel('Upstream server 1', { exact: true })).toHaveValue(
    stack.upstreamUrl,
  );
  await saveScreenshot(page, 'application-profile');
});
