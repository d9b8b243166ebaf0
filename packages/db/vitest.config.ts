import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each integration test file creates its own database and runs `prisma migrate deploy`.
    hookTimeout: 60_000,
  },
});
