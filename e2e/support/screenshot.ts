import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { updateDocsScreenshots } from './env';
import { DOCS_SCREENSHOT_DIR, RESULTS_DIR } from './paths';

const SCREENSHOT_DIR = updateDocsScreenshots
  ? DOCS_SCREENSHOT_DIR
  : join(RESULTS_DIR, 'screenshots');

/**
 * A product screenshot: into docs/screenshots (linked from the README) with
 * E2E_UPDATE_SCREENSHOTS=1, else into test-results/screenshots. Pixels differ a little from run
 * to run, so refreshing the committed pictures is a deliberate step, not a side effect.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Toasts come and go, and sticky header and sidebar belong at the top of a full-page picture.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.id = 'e2e-screenshot';
    style.textContent = '[aria-live] > [role="status"] { visibility: hidden; }';
    document.head.append(style);
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  await page.evaluate(() => document.getElementById('e2e-screenshot')?.remove());
}
