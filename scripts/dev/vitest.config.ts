import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // initdb and a cold PostgreSQL start take several seconds on a busy 2-core machine.
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
