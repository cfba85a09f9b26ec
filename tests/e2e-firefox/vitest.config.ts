import { defineConfig } from 'vitest/config';

// Real Firefox ESR with the built extension (tests/e2e-firefox/firefox.ts); `npm run build:firefox` first.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    // Each journey launches its own Firefox; one at a time suits a 2-core machine.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
  },
});
