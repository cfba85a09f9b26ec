/**
 * Popup timings measured inside the popup page: an init script (run before the popup's own code)
 * watches the DOM and records, in the page's clock, when a read was first painted and how long each
 * keystroke in the search box took until the frame showing its results.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { frames, type BenchBrowser, type ExtensionApis } from './browser';

type PopupTimings = {
  /** ms from navigation start to the frame after the first related read was inserted. */
  firstReadPaintedMs: number | null;
  /** The browser's first-contentful-paint (the popup's shell or skeleton), for comparison. */
  firstContentfulPaintMs: number | null;
  keystrokes: { ms: number; resultsChanged: boolean }[];
};
type TimedWindow = typeof window & { benchPopup: PopupTimings };

/**
 * "Painted" is the task after the next animation frame: the frame's paint happens between the
 * requestAnimationFrame callback and a message posted from it.
 */
function installPopupTimers(): void {
  const timings: PopupTimings = { firstReadPaintedMs: null, firstContentfulPaintMs: null, keystrokes: [] };
  (window as TimedWindow).benchPopup = timings;
  new PerformanceObserver((list) => {
    const paint = list.getEntriesByName('first-contentful-paint')[0];
    if (paint) timings.firstContentfulPaintMs = paint.startTime;
  }).observe({ type: 'paint', buffered: true });
  const afterNextPaint = (callback: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = callback;
      channel.port2.postMessage(null);
    });

  let waitingForFirstRead = true;
  let keyDownAt: number | null = null;
  let resultsChanged = false;
  new MutationObserver((mutations) => {
    if (keyDownAt !== null && mutations.some((mutation) => (mutation.target as Element).closest?.('.search-view'))) resultsChanged = true;
    if (waitingForFirstRead && document.querySelector('ul.cards li[data-row]')) {
      waitingForFirstRead = false;
      afterNextPaint(() => (timings.firstReadPaintedMs = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });

  // Capture on window: before the popup's own handlers. The event's timeStamp is when the key was pressed.
  window.addEventListener('keydown', (event) => {
    if ((event.target as Element | null)?.matches?.('[data-search-input]')) {
      keyDownAt = event.timeStamp;
      resultsChanged = false;
    }
  }, true);
  // Bubble on window: after the input's handler; the view re-renders in a microtask before this runs.
  window.addEventListener('input', () => {
    if (keyDownAt === null) return;
    const pressedAt = keyDownAt;
    keyDownAt = null;
    afterNextPaint(() => timings.keystrokes.push({ ms: performance.now() - pressedAt, resultsChanged }));
  });
}

async function timings(page: Page): Promise<PopupTimings> {
  return page.evaluate(() => (window as TimedWindow).benchPopup);
}

/** The popup as a tab (`popup.html?tabId=N`), the e2e suite's way to point it at a tab. */
export function popupUrl(browser: BenchBrowser, tabId: number): string {
  return browser.extensionUrl(`popup.html?tabId=${tabId}`);
}

/** The floor page's path in the loaded build (written by {@link writeFloorPage}). */
const FLOOR_PAGE = 'bench-floor.html';

/**
 * The browser's floor for an extension page: the built popup.html with its scripts removed and, in
 * their place, static markup of one read card and a search box, so the same timers see a "first
 * read" and keystrokes on a page that does no work. Written into the loaded copy of the build.
 */
export async function writeFloorPage(browser: BenchBrowser): Promise<void> {
  const dir = browser.harness.extensionDir;
  const popupHtml = await readFile(path.join(dir, 'popup.html'), 'utf8');
  const withoutScripts = popupHtml
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/g, '');
  const staticApp = '<div id="app"><input data-search-input aria-label="Search" /><ul class="cards"><li data-row="0"><a href="#">A related read</a><p>Its source and tags.</p></li></ul></div>';
  const floor = withoutScripts.replace(/<div id="app"><\/div>/, staticApp);
  if (floor === withoutScripts) throw new Error('popup.html has no <div id="app"></div> to fill for the floor page');
  await writeFile(path.join(dir, FLOOR_PAGE), floor);
}

export type PopupRelatedRun = {
  /** Navigation start → first related read painted. */
  firstReadMs: number;
  /** The same on the floor page, opened the same way right after. */
  floorMs: number;
  firstContentfulPaintMs: number | null;
  /** The `tab-related` round trip alone, sent again from the open popup right after the read painted. */
  tabRelatedMessageMs: number;
};

/** Open `url` in `page` and wait for its first read painted; the timings. */
async function openUntilFirstRead(page: Page, url: string): Promise<PopupTimings> {
  await page.goto(url);
  await page.waitForFunction(() => (window as TimedWindow).benchPopup.firstReadPaintedMs !== null, undefined, { timeout: 60_000 });
  return timings(page);
}

/**
 * Open the popup for `tabId` (a tab showing a docs page) `runs` times, each followed by the floor
 * page in the same tab, and time the first read painted in both. The popup page is opened as a tab
 * (`popup.html?tabId=N`, as the e2e suite does): Chromium does open the real toolbar popup
 * (`action.openPopup()`), but neither Playwright connection can install the timing script into it
 * before it runs.
 */
export async function measurePopupRelated(browser: BenchBrowser, tabId: number, runs: number): Promise<PopupRelatedRun[]> {
  const page = await browser.harness.context.newPage();
  await page.addInitScript(installPopupTimers);
  const samples: PopupRelatedRun[] = [];
  for (let run = 0; run < runs; run++) {
    const { firstReadPaintedMs, firstContentfulPaintMs } = await openUntilFirstRead(page, popupUrl(browser, tabId));
    const tabRelatedMessageMs = await page.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: ExtensionApis };
      const sentAt = performance.now();
      await chrome.runtime.sendMessage({ type: 'tab-related', tabId: id });
      return performance.now() - sentAt;
    }, tabId);
    // Let the popup finish its after-paint work (it indexes a small catalogue for Search when idle)
    // before the next open: extension pages share one renderer, and a person does not reopen a
    // popup within the same second, so that work must not be charged to the next open.
    await page.waitForTimeout(500);
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));
    const floor = await openUntilFirstRead(page, browser.extensionUrl(FLOOR_PAGE));
    samples.push({ firstReadMs: firstReadPaintedMs!, floorMs: floor.firstReadPaintedMs!, firstContentfulPaintMs, tabRelatedMessageMs });
  }
  await page.close();
  return samples;
}

export type Keystroke = { ms: number; resultsChanged: boolean };

/**
 * Open the popup as a tab for `tabId`, switch to Search, and type each query key by key (clearing
 * the box in between), then the same query on the floor page's bare input: one sample per key on
 * each, from the key event to the frame showing its effect. Waits for the search index first.
 */
export async function measureSearchKeystrokes(browser: BenchBrowser, tabId: number, queries: readonly string[]): Promise<{ popup: Keystroke[]; floor: Keystroke[] }> {
  const popup = await browser.harness.context.newPage();
  await popup.addInitScript(installPopupTimers);
  await popup.goto(popupUrl(browser, tabId));
  await popup.click('#tab-search');
  // Popular tags show once the index is built (browsing state with a catalogue).
  await popup.waitForSelector('.search-view ul.chips li', { timeout: 300_000 });
  const floor = await browser.harness.context.newPage();
  await floor.addInitScript(installPopupTimers);
  await floor.goto(browser.extensionUrl(FLOOR_PAGE));
  for (const query of queries) {
    for (const page of [popup, floor]) {
      // The typing page in front: background tabs get their animation frames throttled.
      await page.bringToFront();
      await typeQuery(page, query);
    }
  }
  const [popupTimings, floorTimings] = await Promise.all([timings(popup), timings(floor)]);
  await popup.close();
  await floor.close();
  return { popup: popupTimings.keystrokes, floor: floorTimings.keystrokes };
}

async function typeQuery(page: Page, query: string): Promise<void> {
  const input = page.locator('[data-search-input]');
  await input.fill('');
  await frames(page);
  for (const key of query) {
    const before = (await timings(page)).keystrokes.length;
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await page.waitForFunction((count) => (window as TimedWindow).benchPopup.keystrokes.length > count, before);
  }
}
