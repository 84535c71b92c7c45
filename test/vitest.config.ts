import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: tests that spawn real processes are heavier than the default pool guesses.
    maxWorkers: 2,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
