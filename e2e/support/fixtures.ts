import { test as base, expect, type Page } from '@playwright/test';
import { createPrismaClient, type DatabaseClient } from '@gatehouse/db';
import { ConsoleApi } from './console-api';
import { readStackEnv } from './env';
import { seedApiToken, seedMember, type SeededMember } from './seed-members';
import type { StackInfo } from './start-stack';

interface WorkerFixtures {
  stack: StackInfo;
  db: DatabaseClient;
}

interface TestFixtures {
  /** A new organization's owner, with an API client acting as them. */
  owner: SeededMember & { api: ConsoleApi };
  /** Signs a member in through the sign-in form. */
  signIn: (member: SeededMember) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  stack: [
    // Playwright reads a fixture's dependencies from its first parameter; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const raw = readStackEnv();
      if (!raw)
        throw new Error('The e2e stack is not running: run the specs with `playwright test`.');
      await use(JSON.parse(raw) as StackInfo);
    },
    { scope: 'worker' },
  ],
  db: [
    async ({ stack }, use) => {
      const db = createPrismaClient(stack.databaseUrl);
      await use(db);
      await db.$disconnect();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ stack }, use) => use(stack.consoleUrl),
  owner: async ({ db, stack }, use) => {
    const member = await seedMember(db, { organizationName: 'Acme Vision', name: 'Ada Admin' });
    const api = new ConsoleApi(stack.consoleUrl, await seedApiToken(db, member));
    await use({ ...member, api });
  },
  signIn: async ({ page }, use) => {
    await use((member) => signInAs(page, member));
  },
});

export async function signInAs(page: Page, member: SeededMember): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('organization-name')).toHaveText(member.organizationName);
}

export { expect };
