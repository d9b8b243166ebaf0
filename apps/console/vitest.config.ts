import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@/': fileURLToPath(new URL('./src/', import.meta.url)) },
  },
  test: {
    // Integration tests create a database per file from a migrated template; on a busy 2-core
    // machine a PostgreSQL round trip (and scrypt) can take seconds.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
