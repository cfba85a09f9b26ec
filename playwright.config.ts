import { defineConfig } from '@playwright/test';

// Real Chromium with the built extension (see tests/e2e/fixtures.ts); `npm run build` first.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Each test launches its own Chromium; one at a time suits a 2-core machine.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
});
