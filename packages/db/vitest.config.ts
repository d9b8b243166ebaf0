import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each integration test file creates its own database and runs `prisma migrate deploy`;
    // on a busy 2-core CI machine a real PostgreSQL round trip can take seconds.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
