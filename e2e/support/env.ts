// The e2e run's environment, read here only.

/** Chromium from Debian's package; Playwright's own browser builds cannot be downloaded here. */
export const chromiumPath = process.env.E2E_CHROMIUM_PATH || '/usr/bin/chromium';

/** `1` skips `next build` even when the console's sources changed (quick local reruns). */
export const skipConsoleBuild = process.env.E2E_SKIP_BUILD === '1';

export const isCi = Boolean(process.env.CI);

/**
 * `1` writes the product screenshots into docs/screenshots (to refresh the README's pictures);
 * otherwise they go to test-results/, so a test run leaves the working tree clean.
 */
export const updateDocsScreenshots = process.env.E2E_UPDATE_SCREENSHOTS === '1';

/** Written by the global setup for the test workers: where the stack it started listens. */
export const STACK_ENV = 'GATEHOUSE_E2E_STACK';

export function readStackEnv(): string | undefined {
  return process.env[STACK_ENV];
}

export function writeStackEnv(value: string): void {
  process.env[STACK_ENV] = value;
}

/** Everything the console child process gets, on top of what we set for it. */
export function inheritedEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
