// Where the programs `pnpm dev` runs live in the checkout. Each is run from source with this
// Node (`node --import tsx …`), as its package's own `start` script would.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const CONSOLE_DIR = join(REPOSITORY_ROOT, 'apps/console');
export const DEV_IDP_MAIN = join(REPOSITORY_ROOT, 'apps/dev-idp/src/main.ts');
export const DEMO_UPSTREAM_MAIN = join(REPOSITORY_ROOT, 'apps/demo-upstream/src/main.ts');
export const AGENT_MAIN = join(REPOSITORY_ROOT, 'apps/agent/src/main.ts');

/** A file `prisma generate` writes; its absence means the client was never generated. */
export const PRISMA_CLIENT_MARKER = join(
  REPOSITORY_ROOT,
  'packages/db/src/generated/prisma/client.ts',
);

// The WASM stand-in for Prisma's native schema engine, beside the repository on machines that
// cannot download the native one (see run-prisma.ts and .ci/run).
export const PRISMA_SCHEMA_ENGINE_STAND_IN = join(
  REPOSITORY_ROOT,
  '../shared/tools/prisma-schema-engine-wasm.mjs',
);

const fromRoot = createRequire(join(REPOSITORY_ROOT, 'package.json'));
const fromConsole = createRequire(join(CONSOLE_DIR, 'package.json'));

/** tsx's loader as a URL for `node --import` (the root's devDependency, as in every package). */
export const TSX_LOADER = pathToFileURL(fromRoot.resolve('tsx')).href;
/** The Prisma CLI the root's `db:*` scripts run. */
export const PRISMA_CLI = fromRoot.resolve('prisma/build/index.js');
/** The `next` CLI of the console's own Next.js version. */
export const NEXT_CLI = fromConsole.resolve('next/dist/bin/next');
