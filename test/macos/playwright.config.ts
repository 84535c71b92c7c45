// Playwright runs only the Electron smoke test, on macOS CI (.github/workflows/macos.yml):
// `npm exec -- playwright test --config test/macos/playwright.config.ts`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 180_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/macos',
});
