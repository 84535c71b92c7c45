// The real-gateway tier: the CLI and the monitor against the real `openclaw` package from the npm
// registry (test/real-gateway/, its own package.json and lockfile, installed by
// `npm ci --prefix test/real-gateway`), run under the launchd simulator. Each gateway takes ~0.8 GB
// and several seconds to listen, so files run one at a time and timeouts are generous.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/real-gateway/**/*.real.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
