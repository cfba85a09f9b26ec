/**
 * Keeps IndexedDB's `reads` in line with the catalogue bundled in this build: on install/update and
 * on every service-worker start (a cheap version check; the full file is read only when it changed).
 * Other background managers `await catalogueReady()` before querying reads.
 */
import { browser } from 'wxt/browser';
// Fetched at run time rather than imported, so the reads stay out of background.js
// (no-inline: even a small catalogue must stay a file that an update can replace).
import catalogueUrl from '@/assets/catalogue.json?url&no-inline';
import catalogueMetaUrl from '@/assets/catalogue-meta.json?url&no-inline';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueLoader, db } from '@/src/db';
import { requestPersistentStorage } from '@/src/platform/persistent-storage';

const loader = createCatalogueLoader(
  db,
  {
    version: async () => {
      const { version } = await fetchJson<{ version: string }>(catalogueMetaUrl);
      if (typeof version !== 'string') throw new Error(`${catalogueMetaUrl} has no string "version"`);
      return version;
    },
    reads: () => fetchJson<Read[]>(catalogueUrl),
  },
  (version, counts) => console.info(`[docent] catalogue ${version} loaded`, counts),
);

/**
 * Resolves once `reads` holds a complete catalogue (the bundled one, or the previous one while a
 * full disk keeps the update out); a failed load is tried again by the next caller.
 */
export function catalogueReady(): Promise<void> {
  return loader.ready();
}

/** Call synchronously from the background's main(), so the install event is not missed. */
export function registerCatalogueLoader(): void {
  browser.runtime.onInstalled.addListener(() => {
    void catalogueReady().catch(logLoadFailure);
    void requestPersistentStorage();
  });
  void catalogueReady().catch(logLoadFailure);
}

async function fetchJson<T>(bundledPath: string): Promise<T> {
  const url = browser.runtime.getURL(bundledPath as Parameters<typeof browser.runtime.getURL>[0]);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not read ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function logLoadFailure(error: unknown): void {
  console.error('[docent] loading the bundled catalogue failed', error);
}
