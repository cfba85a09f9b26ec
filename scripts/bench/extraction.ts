/**
 * Keyword extraction as the real content script does it: each page is loaded under a documentation
 * host, the built `content-scripts/docs.js` runs at document idle and reports `extractMs` (timed in
 * the page) in its `page-keywords` message, which a listener in the service worker collects.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { listenForPageKeywords, pageKeywordReports, waitForReport, type BenchBrowser } from './browser';
import { LARGE_PAGE_FILE } from './pages';
import { longestTasks, traceDuring } from './trace';

const CONTENT_SCRIPT_PATH = '/content-scripts/docs.js';

export type ExtractionSample = {
  file: string;
  /** The content script's own extraction time, as it reports it (working time, without its pauses). */
  extractMs: number;
  /** @mozilla/readability parsing a clone of the same document, in the same page, right after. */
  readabilityMs: number;
  /** The browser's own work on the page: HTML parse (navigation timing) + one full style and layout. */
  pageParseLayoutMs: number;
};

const READABILITY_SOURCE = readFileSync('node_modules/@mozilla/readability/Readability.js', 'utf8');

/**
 * Load every page `rounds` times; per load, the content script's extraction, then Readability on the
 * same document and the page's own parse + layout, in the same page context (one pair per load).
 */
export async function measureDevPageExtraction(browser: BenchBrowser, files: readonly string[], rounds: number): Promise<ExtractionSample[]> {
  const { serviceWorker } = browser.harness;
  await listenForPageKeywords(serviceWorker);
  const page = await browser.harness.context.newPage();
  const samples: ExtractionSample[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const file of files) {
      const extractMs = await loadAndWaitForExtraction(browser, page, browser.docUrl(file));
      samples.push({ file, extractMs, ...(await pageContextPeers(page)) });
    }
  }
  await page.close();
  return samples;
}

/** Readability over a clone of the loaded document, and the page's own parse + a forced full relayout. */
async function pageContextPeers(page: Page): Promise<{ readabilityMs: number; pageParseLayoutMs: number }> {
  // A classic script tag: Readability.js defines a global `Readability` when there is no `module`.
  await page.addScriptTag({ content: READABILITY_SOURCE });
  return page.evaluate(() => {
    const { Readability } = globalThis as unknown as { Readability: new (doc: Document) => { parse(): unknown } };
    const startedAt = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    const readabilityMs = performance.now() - startedAt;
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const parseMs = navigation ? navigation.domInteractive - navigation.responseStart : 0;
    // Hiding and showing the body makes the next layout redo style and layout of the whole page.
    const body = document.body;
    const layoutStartedAt = performance.now();
    body.style.display = 'none';
    void body.offsetHeight;
    body.style.display = '';
    void body.offsetHeight;
    return { readabilityMs, pageParseLayoutMs: parseMs + (performance.now() - layoutStartedAt) };
  });
}

/** Load `url` and wait for the content script's report; its `extractMs`. */
export async function loadAndWaitForExtraction(browser: BenchBrowser, page: Page, url: string): Promise<number> {
  const { serviceWorker } = browser.harness;
  const seenBefore = (await pageKeywordReports(serviceWorker)).filter((report) => report.url === url).length;
  await page.goto(url);
  return waitForReport(serviceWorker, url, seenBefore);
}

export type LargePageRun = {
  /** The longest task that ran the content script (from the trace). */
  contentScriptTaskMs: number;
  /** The longest task of any kind on the page's thread (HTML parsing and layout of 1 MB included). */
  anyTaskMs: number;
  /** What the content script reported. */
  extractMs: number;
  /** Long tasks (≥ 50 ms) the page's own PerformanceObserver saw, for cross-checking the trace. */
  observedLongTasksMs: number[];
};

/** Load the generated 1 MB page `runs` times, tracing each load. */
export async function measureLargePage(browser: BenchBrowser, runs: number): Promise<LargePageRun[]> {
  await listenForPageKeywords(browser.harness.serviceWorker);
  const page = await browser.harness.context.newPage();
  await page.addInitScript(() => {
    const longTasks: number[] = [];
    (window as typeof window & { benchLongTasks?: number[] }).benchLongTasks = longTasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
  });
  const results: LargePageRun[] = [];
  for (let run = 0; run < runs; run++) {
    const url = `${browser.docUrl(LARGE_PAGE_FILE)}?run=${run}`;
    let extractMs = 0;
    const { events, profile } = await traceDuring(page, async () => {
      extractMs = await loadAndWaitForExtraction(browser, page, url);
    });
    const tasks = longestTasks(events, CONTENT_SCRIPT_PATH, profile);
    const observedLongTasksMs = await page.evaluate(() => (window as typeof window & { benchLongTasks?: number[] }).benchLongTasks ?? []);
    results.push({ contentScriptTaskMs: tasks.longestScriptTaskMs, anyTaskMs: tasks.longestTaskMs, extractMs, observedLongTasksMs });
  }
  await page.close();
  return results;
}
