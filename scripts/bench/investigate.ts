/**
 * CPU profiles taken when a target is missed, to show where the time goes: the page's main thread
 * (popup, or the documentation page running the content script) and the service worker.
 */
import type { Page } from '@playwright/test';
import { frames, restartWithEmptyDatabase, waitForCatalogue, type BenchBrowser } from './browser';
import { loadAndWaitForExtraction } from './extraction';
import { popupUrl } from './popup';
import { topSelfTime, type HotFunction } from './trace';
import { profileServiceWorker } from './worker-profiler';

/**
 * Profile the content script over `loads` loads of `url` (one extraction is a few ms: too few
 * samples on its own). The first load is outside the profile, so the profiler stays on one renderer.
 */
export async function profileExtraction(browser: BenchBrowser, url: string, loads = 10): Promise<HotFunction[]> {
  const page = await browser.harness.context.newPage();
  await loadAndWaitForExtraction(browser, page, url);
  const hot = await topSelfTime(page, async () => {
    for (let load = 0; load < loads; load++) {
      await loadAndWaitForExtraction(browser, page, `${url}${url.includes('?') ? '&' : '?'}profile=${load}`);
    }
  });
  await page.close();
  return hot;
}

/** Profile one popup open for `tabId`: the popup page and, at the same time, the service worker answering it. */
export async function profilePopupRelated(browser: BenchBrowser, tabId: number): Promise<{ page: HotFunction[]; worker: HotFunction[] }> {
  const page = await browser.harness.context.newPage();
  // A first open, so the profiled one is a reload on the same renderer the profiler is attached to.
  await openPopupAndWaitForRead(page, popupUrl(browser, tabId));
  const worker = await profileServiceWorker(browser.harness.userDataDir, browser.harness.extensionId);
  const pageHot = await topSelfTime(page, () => openPopupAndWaitForRead(page, popupUrl(browser, tabId)));
  const workerHot = await worker.stop();
  await page.close();
  return { page: pageHot, worker: workerHot };
}

async function openPopupAndWaitForRead(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('ul.cards li[data-row]') !== null, undefined, { timeout: 60_000 });
  await frames(page);
}

/** Profile typing `query` into the popup's search box, once the index is built. */
export async function profileTyping(browser: BenchBrowser, tabId: number, query: string): Promise<HotFunction[]> {
  const page = await browser.harness.context.newPage();
  await page.goto(popupUrl(browser, tabId));
  await page.click('#tab-search');
  await page.waitForSelector('.search-view ul.chips li', { timeout: 120_000 });
  const hot = await topSelfTime(page, async () => {
    await page.keyboard.type(query, { delay: 30 });
    await frames(page, 3);
  });
  await page.close();
  return hot;
}

/** Profile the service worker through a fresh-install load of catalogue `version`. */
export async function profileInstall(browser: BenchBrowser, version: string): Promise<HotFunction[]> {
  await restartWithEmptyDatabase(browser);
  const worker = await profileServiceWorker(browser.harness.userDataDir, browser.harness.extensionId);
  await waitForCatalogue(browser, version, 300_000);
  return worker.stop();
}
