import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // fuzz.ts: fast-check's seed and case budget for every property (see there).
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/support/fuzz.ts'],
    // fuzz-tally.ts: prints the fuzz cases run at the end.
    globalSetup: ['tests/unit/support/fuzz-tally.ts'],
    // A raised DOCENT_FUZZ_RUNS (`npm run fuzz`) makes each property run minutes; it gets the time it needs.
    testTimeout: process.env.DOCENT_FUZZ_RUNS ? 0 : 20_000,
  },
});
