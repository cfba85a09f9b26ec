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
import { db, getMeta, syncCatalogue } from '@/src/db';
import { requestPersistentStorage } from '@/src/platform/persistent-storage';

let loading: Promise<void> | undefined;

/** Resolves once `reads` holds the bundled catalogue; starts the load if nothing has yet. */
export function catalogueReady(): Promise<void> {
  loading ??= loadBundledCatalogue().catch((error: unknown) => {
    loading = undefined; // let the next caller retry
    throw error;
  });
  return loading;
}

/** Call synchronously from the background's main(), so the install event is not missed. */
export function registerCatalogueLoader(): void {
  browser.runtime.onInstalled.addListener(() => {
    void catalogueReady().catch(logLoadFailure);
    void requestPersistentStorage();
  });
  void catalogueReady().catch(logLoadFailure);
}

async function loadBundledCatalogue(): Promise<void> {
  const startedAt = performance.now();
  const { version } = await fetchJson<{ version: string }>(catalogueMetaUrl);
  if (typeof version !== 'string') throw new Error(`${catalogueMetaUrl} has no string "version"`);
  if ((await getMeta(db, 'catalogueVersion')) === version) return;

  const reads = await fetchJson<Read[]>(catalogueUrl);
  const counts = await syncCatalogue(db, reads, version);
  const ms = Math.round(performance.now() - startedAt);
  console.info(`[docent] catalogue ${version} loaded in ${ms} ms`, counts);
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
