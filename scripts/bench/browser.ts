/**
 * The benchmark's browser: the built extension in headless Chromium (the e2e suite's harness), with
 * a 127.0.0.1 server answering for a documentation host so the docs content script runs on it.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { ExtensionHarness } from '@/tests/e2e/fixtures';
import { startFixtureServer, type FixtureServer } from '@/tests/e2e/server';
import { storedMetaIfPresent } from '@/tests/e2e/raw-storage';
import type { Read } from '@/src/catalogue/types';
import type { CatalogueSyncRecord } from '@/src/db';
import { REMOTE_DEBUGGING_ARG } from './second-client';

/**
 * A host the docs content script matches (`*://etcd.io/*`) and that is not on Chromium's HSTS
 * preload list (apache.org is: http://kafka.apache.org would be upgraded to https and fail).
 */
export const DOC_HOST = 'etcd.io';

/** The few extension APIs the benchmark calls inside the browser (Node has no `chrome` types). */
export type ExtensionApis = {
  runtime: {
    onMessage: { addListener(listener: (message: { type?: string; page?: { url: string; extractMs: number } }) => undefined): void };
    sendMessage(message: unknown): Promise<unknown>;
  };
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  action: { openPopup(): Promise<void> };
};

export type BenchBrowser = {
  harness: ExtensionHarness;
  server: FixtureServer;
  /** `http://etcd.io:PORT/<file>`: a served page under the documentation host. */
  docUrl(file: string): string;
  extensionUrl(pagePath: string): string;
  close(): Promise<void>;
};

/** Launch Chromium with a copy of the built extension in `extensionDir`, serving `pagesDir` under DOC_HOST. */
export async function openBenchBrowser(extensionDir: string, pagesDir: string): Promise<BenchBrowser> {
  const server = await startFixtureServer(pagesDir);
  const port = new URL(server.origin).port;
  const harness = await ExtensionHarness.create(extensionDir, { extraArgs: [`--host-resolver-rules=MAP ${DOC_HOST} 127.0.0.1`, REMOTE_DEBUGGING_ARG] });
  await defineEsbuildHelpers(harness.context);
  return {
    harness,
    server,
    docUrl: (file) => `http://${DOC_HOST}:${port}/${file}`,
    extensionUrl: (pagePath) => `chrome-extension://${harness.extensionId}/${pagePath}`,
    close: async () => {
      await harness.dispose();
      await server.close();
    },
  };
}

/** What the last catalogue sync recorded in the extension's IndexedDB; undefined while the database or the record is missing. */
export function lastCatalogueSync(serviceWorker: Worker): Promise<CatalogueSyncRecord | undefined> {
  return storedMetaIfPresent<CatalogueSyncRecord>(serviceWorker, 'lastCatalogueSync');
}

/** Wait until the service worker has loaded catalogue `version` into IndexedDB; returns its sync record. */
export async function waitForCatalogue(browser: BenchBrowser, version: string, timeoutMs = 120_000): Promise<CatalogueSyncRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = await lastCatalogueSync(browser.harness.serviceWorker).catch(() => undefined);
    // `committed`: the record rewritten after the load's commit, whose duration includes it.
    if (record?.version === version && record.committed) return record;
    if (Date.now() > deadline) throw new Error(`Catalogue ${version} was not loaded within ${timeoutMs} ms (last: ${JSON.stringify(record)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Restart the browser on the same profile with the extension's IndexedDB removed, so the service
 * worker loads the catalogue as on a fresh install (same extension id, so the same origin).
 */
export async function restartWithEmptyDatabase(browser: BenchBrowser): Promise<void> {
  const { harness } = browser;
  await harness.close();
  const indexedDbDir = path.join(harness.userDataDir, 'Default', 'IndexedDB');
  await rm(indexedDbDir, { recursive: true, force: true });
  await harness.restart();
  await defineEsbuildHelpers(harness.context);
}

/**
 * tsx compiles this script with esbuild's keepNames, which wraps named inner functions in
 * `__name(...)`; functions passed to `page.evaluate` / `addInitScript` need that helper in the page.
 */
export async function defineEsbuildHelpers(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
}

/** The bundled catalogue's version, read from the loaded copy of the build. */
export async function bundledCatalogueVersion(browser: BenchBrowser): Promise<string> {
  const meta = JSON.parse(await readFile(await catalogueAsset(browser, 'meta'), 'utf8')) as { version: string };
  return meta.version;
}

/**
 * Replace the catalogue in the loaded copy of the build (like an extension update shipping another
 * catalogue); takes effect at the next restart.
 */
export async function replaceBundledCatalogue(browser: BenchBrowser, reads: readonly Read[], version: string): Promise<void> {
  await writeFile(await catalogueAsset(browser, 'reads'), JSON.stringify(reads));
  await writeFile(await catalogueAsset(browser, 'meta'), JSON.stringify({ version, counts: { total: reads.length } }));
}

export async function catalogueAsset(browser: BenchBrowser, which: 'reads' | 'meta'): Promise<string> {
  const assetsDir = path.join(browser.harness.extensionDir, 'assets');
  // Vite names them catalogue-<hash>.json and catalogue-meta-<hash>.json.
  const pattern = which === 'meta' ? /^catalogue-meta-[\w-]+\.json$/ : /^catalogue-(?!meta-)[\w-]+\.json$/;
  const matches = (await readdir(assetsDir)).filter((name) => pattern.test(name));
  if (matches.length !== 1) throw new Error(`Expected one ${pattern} in ${assetsDir}, found ${matches.length}`);
  return path.join(assetsDir, matches[0]!);
}

/** The id of the open tab showing `url`. */
export async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  const tabId = await serviceWorker.evaluate(
    async (wanted) => {
      const { chrome } = globalThis as unknown as { chrome: ExtensionApis };
      return (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id;
    },
    url,
  );
  if (tabId === undefined) throw new Error(`No open tab shows ${url}`);
  return tabId;
}

/**
 * Collect every `page-keywords` message the content scripts send (their in-page `extractMs`) with an
 * extra runtime listener in the service worker, next to the background's own.
 */
export async function listenForPageKeywords(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    const scope = globalThis as typeof globalThis & { benchPageKeywords?: { url: string; extractMs: number }[] };
    if (scope.benchPageKeywords) return;
    const reports: { url: string; extractMs: number }[] = [];
    scope.benchPageKeywords = reports;
    const { chrome } = globalThis as unknown as { chrome: ExtensionApis };
    chrome.runtime.onMessage.addListener((message) => {
      if (message?.type === 'page-keywords' && message.page) reports.push({ url: message.page.url, extractMs: message.page.extractMs });
      return undefined;
    });
  });
}

export async function pageKeywordReports(serviceWorker: Worker): Promise<{ url: string; extractMs: number }[]> {
  return serviceWorker.evaluate(
    () => (globalThis as typeof globalThis & { benchPageKeywords?: { url: string; extractMs: number }[] }).benchPageKeywords ?? [],
  );
}

/** Wait until the content script has reported `url` more than `seenBefore` times. */
export async function waitForReport(serviceWorker: Worker, url: string, seenBefore: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reports = (await pageKeywordReports(serviceWorker)).filter((report) => report.url === url);
    if (reports.length > seenBefore) return reports[reports.length - 1]!.extractMs;
    if (Date.now() > deadline) throw new Error(`The content script did not report ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Wait `count` animation frames in the page (lets pending renders settle between samples). */
export async function frames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) => new Promise<void>((resolve) => {
      const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
      step(n);
    }),
    count,
  );
}
