import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CONSOLE_DIR = fileURLToPath(new URL('../../apps/console/', import.meta.url));
export const NEXT_BIN = `${CONSOLE_DIR}node_modules/next/dist/bin/next`;
export const DOCS_SCREENSHOT_DIR = fileURLToPath(
  new URL('../../docs/screenshots/', import.meta.url),
);
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
