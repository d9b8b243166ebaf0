import { defineConfig } from '@playwright/test';
import { chromiumPath, isCi } from './support/env';

export default defineConfig({
  testDir: './specs',
  globalSetup: './support/global-setup.ts',
  // One console for the run; specs create their own organizations, so they run in parallel.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: isCi,
  // Generous: in CI this runs beside other packages' tests on two cores.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
