/**
 * The catalogue load on install, as the extension does it: the browser restarts on its profile with
 * the extension's IndexedDB removed, the service worker's catalogue loader fetches the bundled JSON
 * and calls `syncCatalogue`, which records its own duration in `meta.lastCatalogueSync`. Meanwhile an
 * extension page pings the service worker to check it keeps answering messages.
 */
import { restartWithEmptyDatabase, waitForCatalogue, type BenchBrowser, type ExtensionApis } from './browser';

export type InstallRun = {
  /** `syncCatalogue`'s own duration, as recorded in meta.lastCatalogueSync (ms). */
  syncMs: number;
  /** Round trips of runtime messages to the service worker while it loaded (ms). */
  pingMs: number[];
};

type PingWindow = typeof window & { benchPing?: { stop: boolean; latencies: number[] } };

/** Fresh-install loads of catalogue `version` (already in the loaded build), `runs` times. */
export async function measureInstallLoad(browser: BenchBrowser, version: string, runs: number): Promise<InstallRun[]> {
  const results: InstallRun[] = [];
  for (let run = 0; run < runs; run++) {
    await restartWithEmptyDatabase(browser);
    const page = await browser.harness.context.newPage();
    // Any extension page can message the worker; the locale file is the lightest thing to open.
    await page.goto(browser.extensionUrl('_locales/en/messages.json'));
    await page.evaluate(() => {
      const state = { stop: false, latencies: [] as number[] };
      (window as PingWindow).benchPing = state;
      const { chrome } = globalThis as unknown as { chrome: ExtensionApis };
      void (async () => {
        while (!state.stop) {
          const sentAt = performance.now();
          await chrome.runtime.sendMessage({ type: 'ping' }).catch(() => undefined);
          state.latencies.push(performance.now() - sentAt);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
    });
    const record = await waitForCatalogue(browser, version, 300_000);
    const pingMs = await page.evaluate(() => {
      const state = (window as PingWindow).benchPing!;
      state.stop = true;
      return state.latencies;
    });
    await page.close();
    results.push({ syncMs: record.durationMs, pingMs });
  }
  return results;
}
