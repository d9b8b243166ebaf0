import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The image-recipe tests run `pnpm deploy` and start the programs it produces.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
