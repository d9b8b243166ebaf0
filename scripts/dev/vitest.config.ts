import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // initdb and a cold PostgreSQL start take several seconds on a busy 2-core machine.
    hookTimeout: 120_000,
    testTimeout: 120_000,
    // The *.integration.test.ts files each run the whole `pnpm dev` stack, and `next dev` allows
    // one dev server per app directory (a lock in apps/console/.next/dev): one file at a time.
    fileParallelism: false,
  },
});
