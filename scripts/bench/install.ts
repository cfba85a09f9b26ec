/**
 * The catalogue load on install, as the extension does it: the browser restarts on its profile with
 * the extension's IndexedDB removed, the service worker's catalogue loader fetches the bundled JSON
 * and calls `syncCatalogue`, which records its own duration in `meta.lastCatalogueSync`. Meanwhile an
 * extension page pings the service worker to check it keeps answering messages.
 */
import path from 'node:path';
import { catalogueAsset, restartWithEmptyDatabase, waitForCatalogue, type BenchBrowser, type ExtensionApis } from './browser';

export type InstallRun = {
  /** `syncCatalogue`'s own duration through its commit, as recorded in meta.lastCatalogueSync (ms). */
  syncMs: number;
  /** The storage floor, right after in the same worker: the same rows put into a store with no indexes, through its commit. */
  floorMs: number;
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
    const floorMs = await measureStorageFloor(browser);
    results.push({ syncMs: record.durationMs, floorMs, pingMs });
  }
  return results;
}

/**
 * The storage floor in the service worker: the catalogue file the loader read, parsed, then one bare
 * IndexedDB transaction that `put`s every read into a fresh object store keyed by id with no indexes;
 * timed from the transaction's start to its `complete` (as `syncCatalogue`'s duration runs to its commit).
 */
export async function measureStorageFloor(browser: BenchBrowser): Promise<number> {
  const assetPath = `assets/${path.basename(await catalogueAsset(browser, 'reads'))}`;
  return browser.harness.serviceWorker.evaluate(async (asset) => {
    // tsx's keepNames wraps the named helpers below in `__name(...)`; the worker has no such helper.
    (globalThis as { __name?: unknown }).__name ??= (target: unknown) => target;
    const reads = (await (await fetch(`/${asset}`)).json()) as { id: string }[];
    const name = 'docent-bench-storage-floor';
    const request = (target: IDBRequest | IDBOpenDBRequest) => new Promise<unknown>((resolve, reject) => {
      target.onsuccess = () => resolve(target.result);
      target.onerror = () => reject(target.error);
    });
    await request(indexedDB.deleteDatabase(name));
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('reads', { keyPath: 'id' });
    const db = (await request(open)) as IDBDatabase;
    const startedAt = performance.now();
    const transaction = db.transaction('reads', 'readwrite');
    const store = transaction.objectStore('reads');
    for (const read of reads) store.put(read);
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    const floorMs = performance.now() - startedAt;
    db.close();
    await request(indexedDB.deleteDatabase(name));
    return floorMs;
  }, assetPath);
}
