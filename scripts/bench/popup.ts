/**
 * Popup timings measured inside the popup page: an init script (run before the popup's own code)
 * watches the DOM and records, in the page's clock, when a read was first painted and how long each
 * keystroke in the search box took until the frame showing its results.
 */
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

export type PopupRelatedRun = {
  /** Navigation start → first related read painted. */
  firstReadMs: number;
  firstContentfulPaintMs: number | null;
  /** The `tab-related` round trip alone, sent again from the open popup right after the read painted. */
  tabRelatedMessageMs: number;
};

/**
 * Open the popup for `tabId` (a tab showing a docs page) `runs` times and time the first related read
 * painted. The popup page is opened as a tab (`popup.html?tabId=N`, as the e2e suite does): Chromium
 * does open the real toolbar popup (`action.openPopup()`), but neither Playwright connection can
 * install the timing script into it before it runs.
 */
export async function measurePopupRelated(browser: BenchBrowser, tabId: number, runs: number): Promise<PopupRelatedRun[]> {
  const page = await browser.harness.context.newPage();
  await page.addInitScript(installPopupTimers);
  const samples: PopupRelatedRun[] = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(popupUrl(browser, tabId));
    await page.waitForFunction(() => (window as TimedWindow).benchPopup.firstReadPaintedMs !== null, undefined, { timeout: 60_000 });
    const { firstReadPaintedMs, firstContentfulPaintMs } = await timings(page);
    const tabRelatedMessageMs = await page.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: ExtensionApis };
      const sentAt = performance.now();
      await chrome.runtime.sendMessage({ type: 'tab-related', tabId: id });
      return performance.now() - sentAt;
    }, tabId);
    samples.push({ firstReadMs: firstReadPaintedMs!, firstContentfulPaintMs, tabRelatedMessageMs });
    // Let the popup finish its after-paint work (it indexes a small catalogue for Search when idle)
    // before the next open: extension pages share one renderer, and a person does not reopen a
    // popup within the same second, so that work must not be charged to the next open.
    await page.waitForTimeout(500);
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));
  }
  await page.close();
  return samples;
}

/**
 * Open the popup as a tab for `tabId`, switch to Search and type each query key by key (clearing the
 * box in between); one sample per key, from the key event to the frame showing the results. Waits
 * for the search index first.
 */
export async function measureSearchKeystrokes(browser: BenchBrowser, tabId: number, queries: readonly string[]): Promise<{ ms: number; resultsChanged: boolean }[]> {
  const page = await browser.harness.context.newPage();
  await page.addInitScript(installPopupTimers);
  await page.goto(popupUrl(browser, tabId));
  await page.click('#tab-search');
  const input = page.locator('[data-search-input]');
  // Popular tags show once the index is built (browsing state with a catalogue).
  await page.waitForSelector('.search-view ul.chips li', { timeout: 120_000 });
  for (const query of queries) {
    await input.fill('');
    await frames(page);
    for (const key of query) {
      const before = (await timings(page)).keystrokes.length;
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForFunction((count) => (window as TimedWindow).benchPopup.keystrokes.length > count, before);
    }
  }
  const { keystrokes } = await timings(page);
  await page.close();
  return keystrokes;
}
