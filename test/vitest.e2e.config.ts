// The browser tier: the dashboard in Debian's Chromium against the real web host, core, launchd
// simulator and stub gateways (test/e2e/*.e2e.ts). Separate from test/vitest.config.ts so it runs
// after the other tiers, never beside them: one file at a time, since each brings a Chromium, a
// monitor and a fleet of gateways, and two of those at once on two cores make timing tests flaky.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
    globalSetup: ['test/helpers/global-setup.ts', 'test/e2e/global-setup.ts'],
  },
});
