import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The console's route handlers run in-process here (src/console); they import `@/…`.
    alias: { '@/': fileURLToPath(new URL('../apps/console/src/', import.meta.url)) },
  },
  test: {
    // Every file starts real processes (agents, upstreams, Redis, PostgreSQL) on a 2-core machine.
    hookTimeout: 120_000,
    testTimeout: 120_000,
    // Each file saturates the machine on its own (the load run most of all); one at a time keeps
    // their timings honest and the whole suite bounded.
    fileParallelism: false,
  },
});
