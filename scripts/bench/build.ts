/**
 * Build the extension for the benchmark into its own output folder (`.output/bench/chrome-mv3`):
 * the same `wxt build` as `npm run build`, so measuring never races a parallel build or test run
 * that replaces `.output/chrome-mv3`.
 */
import path from 'node:path';
import { build } from 'wxt';

const BENCH_OUT_DIR = path.resolve('.output/bench');

/** Production build for Chrome MV3; resolves to the built extension's directory. */
export async function buildExtensionForBench(): Promise<string> {
  await build({ outDir: BENCH_OUT_DIR, browser: 'chrome', manifestVersion: 3, logger: quietLogger() });
  return path.join(BENCH_OUT_DIR, 'chrome-mv3');
}

/** wxt's file-by-file report would bury the benchmark's own output; keep warnings and errors. */
function quietLogger() {
  const silent = () => undefined;
  return {
    debug: silent, log: silent, info: silent, success: silent, box: silent,
    warn: console.warn, error: console.error, fatal: console.error,
    level: 3,
  };
}
