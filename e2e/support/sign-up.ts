import { expect, type Page } from '@playwright/test';

export interface NewAdmin {
  organization: string;
  name: string;
  email: string;
  password: string;
}

/** A unique new admin; sign-up's per-address rate limit never sees the same e-mail twice. */
export function newAdmin(organization = 'Acme Vision'): NewAdmin {
  return {
    organization,
    name: 'Ada Admin',
    email: `admin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.test`,
    password: 'correct horse battery staple',
  };
}

/** Signs `admin` up through the form and waits for the empty dashboard it lands on. */
export async function signUp(page: Page, admin: NewAdmin, beforeSubmit?: () => Promise<void>) {
  await page.goto('/sign-up');
  await page.getByLabel('Organization').fill(admin.organization);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Work e-mail').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await beforeSubmit?.();
  await page.getByRole('button', { name: 'Create account' }).click();
  // The empty dashboard leads with one obvious action.
  await expect(page.getByRole('heading', { name: 'Protect your first application' })).toBeVisible();
}
