import { defineConfig } from 'vitest/config';

// Real Firefox ESR with the built extension (tests/e2e-firefox/firefox.ts); `npm run build:firefox` first.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    // Each journey launches its own Firefox; one at a time suits a 2-core machine.
    fileParallelism: false,
    maxWorkers: 1,
    // Generous: a 2-core machine shared with other work can make one Firefox start take half a minute.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
