/**
 * The user journeys of tests/journeys/journeys.ts in real Firefox ESR with the built Firefox
 * extension (issue 13): install, Related with its "Why" and an off-topic page kept silent, Search
 * through a typo and a facet chip, the queue (save, mark read, remove + undo), the JSON export
 * round trip, the real sidebar following a tab switch, options that take effect, a browser
 * restart, the popup at a phone's width, and, after every journey, zero requests outside the
 * fixture server.
 *
 * Each journey gets its own Firefox and profile. The popup is popup.html opened in a tab and
 * pointed at the fixture tab with `?tabId=N` (a toolbar popup cannot be opened from a test), as
 * in the Chromium suite.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Read } from '@/src/catalogue/types';
import type { TabRelated } from '@/src/platform/messages';
import type { QueueItem } from '@/src/queue/types';
import { startFixtureServer, type FixtureServer } from '../e2e/server';
import { DOCS_HOST, OFF_TOPIC_HOST, PHONE_SIZE, POPUP_SIZE, READ_TIMEOUT, relatedJourney, searchJourney, sidebarJourney } from '../journeys/journeys';
import { OFF_TOPIC_MESSAGE, optionsDom, popupDom } from '../journeys/popup-dom';
import { EXTENSION_ORIGIN, FirefoxHarness, waitFor } from './firefox';
import { startRecordingProxy, type ProxiedRequest, type RecordingProxy } from '../e2e/recording-proxy';

// The extension API inside extension pages (evaluate() callbacks run there).
declare const browser: typeof import('webextension-polyfill');

const catalogue = JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as Read[];
const bundledVersion = (JSON.parse(await readFile('assets/catalogue-meta.json', 'utf8')) as { version: string }).version;
const catalogueById = new Map(catalogue.map((read) => [read.id, read]));

/**
 * Firefox's own services that puppeteer's profile does not point elsewhere: they are the
 * browser's, not the extension's (an extension page cannot reach them: its CSP allows only 'self').
 */
const FIREFOX_SERVICE_HOSTS = new Set(['firefox.settings.services.mozilla.com']);
const SERVED_HOSTS = [DOCS_HOST, OFF_TOPIC_HOST];

let fixtureServer: FixtureServer;
let proxy: RecordingProxy;
let firefox: FirefoxHarness;

beforeAll(async () => {
  fixtureServer = await startFixtureServer();
});
afterAll(async () => {
  await fixtureServer.close();
});
beforeEach(async () => {
  proxy = await startRecordingProxy(fixtureServer, { servedHosts: SERVED_HOSTS });
  firefox = await FirefoxHarness.create({ proxyPort: proxy.port });
});
afterEach(async (context) => {
  const hostOf = (request: ProxiedRequest) => new URL(request.url).hostname;
  const counts = {
    fixtures: proxy.requests.filter((request) => SERVED_HOSTS.includes(hostOf(request))).length,
    firefoxOwn: proxy.requests.filter((request) => FIREFOX_SERVICE_HOSTS.has(hostOf(request))).length,
    other: requestsOutsideTheFixtures().length,
  };
  console.log(`${context.task.name}: requests ${JSON.stringify(counts)}`);
  await firefox.dispose();
  await proxy.close();
});

/** What left the browser besides Firefox's own services: only requests the fixture server answered. */
function requestsOutsideTheFixtures(): ProxiedRequest[] {
  return proxy.requests.filter((request) => {
    const host = new URL(request.url).hostname;
    return !FIREFOX_SERVICE_HOSTS.has(host) && !SERVED_HOSTS.includes(host);
  });
}

/** Every journey ends with this: the extension sent nothing anywhere. */
function expectNoNetworkOutsideTheFixtures(): void {
  expect(requestsOutsideTheFixtures(), 'requests outside the fixture server').toEqual([]);
}

// ---------- The extension, asked from an extension page ----------

/** A raw IndexedDB count of a store of the `docent` database (0 while it does not exist yet). */
async function storedCount(store: string): Promise<number> {
  const probe = await firefox.probe();
  return probe.evaluate(async (storeName) => {
    if (!(await indexedDB.databases()).some((database) => database.name === 'docent')) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('docent');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains(storeName)) return 0;
      return await new Promise<number>((resolve, reject) => {
        const count = db.transaction(storeName).objectStore(storeName).count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** The raw IndexedDB queue (sorted by id), or clears it. */
async function rawQueue(op: 'all' | 'clear'): Promise<QueueItem[]> {
  const probe = await firefox.probe();
  const items = await probe.evaluate(async (operation) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('docent');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const transaction = db.transaction('queue', operation === 'clear' ? 'readwrite' : 'readonly');
      const request = operation === 'clear' ? transaction.objectStore('queue').clear() : transaction.objectStore('queue').getAll();
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      return (request.result ?? []) as QueueItem[];
    } finally {
      db.close();
    }
  }, op);
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}

async function storedCatalogueVersion(): Promise<string | null> {
  const probe = await firefox.probe();
  return probe.evaluate(async () => {
    if (!(await indexedDB.databases()).some((database) => database.name === 'docent')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('docent');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('meta')) return null;
      return await new Promise<string | null>((resolve, reject) => {
        const get = db.transaction('meta').objectStore('meta').get('catalogueVersion');
        get.onsuccess = () => resolve((get.result as { value?: string } | undefined)?.value ?? null);
        get.onerror = () => reject(get.error);
      });
    } finally {
      db.close();
    }
  });
}

async function waitForCatalogue(): Promise<void> {
  await waitFor(async () => (await storedCatalogueVersion()) === bundledVersion, `catalogue ${bundledVersion} in IndexedDB`, READ_TIMEOUT);
}

/** The background's answer for a tab, asked the way the popup asks. */
async function tabRelated(tabId: number): Promise<TabRelated> {
  const probe = await firefox.probe();
  return probe.evaluate((id) => browser.runtime.sendMessage({ type: 'tab-related', tabId: id }), tabId) as Promise<TabRelated>;
}

async function badgeText(tabId: number): Promise<string> {
  const probe = await firefox.probe();
  return probe.evaluate((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId);
}

/** Opens a fixture page and waits until the background has its keywords (status no longer pending). */
async function openDocsTab(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.openWebPage(url);
  const tabId = await firefox.tabIdOf(url);
  await waitFor(async () => {
    const answer = await tabRelated(tabId);
    return answer.url === url && (answer.status === 'related' || answer.status === 'unrelated');
  }, `the background to read ${url}`, READ_TIMEOUT);
  return { page, tabId };
}

const openPopup = (tabId: number, viewport = POPUP_SIZE) => firefox.openExtensionPage(`popup.html?tabId=${tabId}`, viewport);

// ---------- Reading pages ----------

const rowIds = (page: Page, selector: string) => page.$$eval(selector, (rows) => rows.map((row) => row.getAttribute('data-row')!));

async function waitForRows(page: Page, selector: string, at = 1): Promise<string[]> {
  return waitFor(async () => {
    const ids = await rowIds(page, selector);
    return ids.length >= at ? ids : undefined;
  }, `${at}+ rows of ${selector}`);
}

const textOf = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.map((element) => element.textContent?.trim() ?? ''));

async function waitForText(page: Page, selector: string, wanted: RegExp | string): Promise<void> {
  await waitFor(async () => {
    const texts = await textOf(page, selector);
    return texts.some((text) => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text)));
  }, `${selector} to say ${String(wanted)}`);
}

const attributeOf = (page: Page, selector: string, name: string) =>
  page.$eval(selector, (element, attribute) => element.getAttribute(attribute), name);

async function clickButtonNamed(page: Page, scope: string, text: string): Promise<void> {
  const clicked = await waitFor(
    () =>
      page.evaluate(
        (scopeSelector, label) => {
          const button = [...document.querySelectorAll<HTMLButtonElement>(`${scopeSelector} button`)].find((candidate) => candidate.textContent?.trim() === label);
          button?.click();
          return !!button;
        },
        scope,
        text,
      ),
    `a "${text}" button in ${scope}`,
  );
  expect(clicked).toBe(true);
}

// ---------- The journeys ----------

test('install: the whole bundled catalogue is in IndexedDB', async () => {
  await waitForCatalogue();
  expect(await storedCount('reads')).toBe(catalogue.length);
  expectNoNetworkOutsideTheFixtures();
});

test('Related lists reads with their "Why" on a docs page; the off-topic page stays silent', async () => {
  await waitForCatalogue();
  const docs = await openDocsTab(relatedJourney.docsPage);
  expect((await tabRelated(docs.tabId)).keywords.length, 'content-script keywords reached the background').toBeGreaterThan(5);
  const popup = await openPopup(docs.tabId);
  const ids = await waitForRows(popup, popupDom.relatedCards, relatedJourney.minimumReads);
  expect(ids.length).toBeGreaterThanOrEqual(relatedJourney.minimumReads);
  await waitForText(popup, 'p', new RegExp(relatedJourney.docsTitle.replace(/[|]/g, '\\|')));
  const reasons = await textOf(popup, `${popupDom.relatedCards} ${popupDom.why}`);
  expect(reasons).toHaveLength(ids.length);
  for (const reason of reasons) expect(reason).toMatch(/^Why: \S/);
  expect(reasons.some((reason) => relatedJourney.subjectInWhy.test(reason))).toBe(true);
  await waitFor(async () => /^[1-9]\d*\+?$/.test(await badgeText(docs.tabId)), 'the badge to count related reads');

  const offTopic = await openDocsTab(relatedJourney.offTopicPage);
  expect((await tabRelated(offTopic.tabId)).status).toBe('unrelated');
  expect(await badgeText(offTopic.tabId)).toBe('');
  const silent = await openPopup(offTopic.tabId);
  await waitForText(silent, 'body', OFF_TOPIC_MESSAGE);
  expect(await rowIds(silent, popupDom.relatedCards)).toEqual([]);
  expect(await attributeOf(silent, popupDom.viewTab('Search'), 'aria-selected')).toBe('true');
  expectNoNetworkOutsideTheFixtures();
});

test(`Search finds "${searchJourney.typo}" and a facet chip narrows the results, then is removed`, async () => {
  await waitForCatalogue();
  const docs = await openDocsTab(relatedJourney.docsPage);
  const popup = await openPopup(docs.tabId);
  await waitForRows(popup, popupDom.relatedCards);
  await popup.keyboard.press('2');
  await waitFor(() => popup.$eval(popupDom.searchBox, (box) => box === document.activeElement), 'the search box to have focus');
  await popup.keyboard.type(searchJourney.typo);
  await waitFor(async () => {
    const titles = await textOf(popup, `${popupDom.searchCards} .card-title`);
    return titles.slice(0, 5).some((title) => searchJourney.meant.test(title));
  }, `"${searchJourney.typo}" to find ${String(searchJourney.meant)}`);
  expect(await popup.$(`${popupDom.searchCards} mark`), 'matched words are marked').not.toBeNull();

  const unfiltered = await rowIds(popup, popupDom.searchCards);
  const tag = (await textOf(popup, `${popupDom.searchCards}:first-child ${popupDom.tagButtons}`))[0]!;
  await popup.click(`${popupDom.searchCards}:first-child ${popupDom.tagButtons}`);
  const chip = `${popupDom.activeFilterChips}[aria-label="Remove filter Tag: ${tag}"]`;
  await waitFor(() => popup.$(chip), `the chip ${chip}`);
  const filtered = await waitForRows(popup, popupDom.searchCards);
  const sameTag = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]/g, '') === b.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const id of filtered) expect(catalogueById.get(id)!.tags.some((other) => sameTag(other, tag)), `${id} is tagged ${tag}`).toBe(true);

  await popup.click(chip);
  await waitFor(async () => (await popup.$(chip)) === null, 'the chip to go');
  await waitFor(async () => JSON.stringify(await rowIds(popup, popupDom.searchCards)) === JSON.stringify(unfiltered), 'the unfiltered results to return');
  expectNoNetworkOutsideTheFixtures();
});

test('save from the popup, mark read, remove and undo', async () => {
  await waitForCatalogue();
  const docs = await openDocsTab(relatedJourney.docsPage);
  const popup = await openPopup(docs.tabId);
  const [readId] = await waitForRows(popup, popupDom.relatedCards);
  const card = `[data-row="${readId}"]`;
  await popup.click(`${card} ${popupDom.saveToggle}`);
  await waitFor(async () => (await attributeOf(popup, `${card} ${popupDom.saveToggle}`, 'aria-pressed')) === 'true', 'the save toggle to be pressed');
  await waitFor(async () => (await rawQueue('all')).some((item) => item.id === readId), 'the read in the stored queue');

  await popup.keyboard.press('3');
  await waitForRows(popup, popupDom.savedCards);
  expect(await rowIds(popup, popupDom.savedCards)).toEqual([readId]);
  await popup.click(`${popupDom.savedCards} ${popupDom.markRead}`);
  await waitForText(popup, popupDom.status, 'All caught up');
  await waitFor(async () => (await rawQueue('all'))[0]?.state === 'read', 'the stored item to be read');

  await clickButtonNamed(popup, '[role="group"][aria-label="Show"]', 'Read 1');
  await waitForRows(popup, popupDom.savedCards);
  await popup.click(`${popupDom.savedCards} ${popupDom.remove}`);
  await waitFor(async () => (await rowIds(popup, popupDom.savedCards)).length === 0, 'the card to go');
  await waitForText(popup, popupDom.status, /^Removed “/);
  await clickButtonNamed(popup, '.snackbar', 'Undo');
  await waitForRows(popup, popupDom.savedCards);
  expect(await attributeOf(popup, `${popupDom.savedCards} ${popupDom.markRead}`, 'aria-pressed')).toBe('true');
  const [restored] = await rawQueue('all');
  expect(restored).toMatchObject({ id: readId, state: 'read', title: catalogueById.get(readId!)!.title });
  expectNoNetworkOutsideTheFixtures();
});

test('export JSON → clear → import gives identical items', async () => {
  await waitForCatalogue();
  const popup = await firefox.openExtensionPage('popup.html?q=kafka', POPUP_SIZE);
  const ids = await waitForRows(popup, popupDom.searchCards, 3);
  for (const id of ids.slice(0, 3)) await popup.click(`[data-row="${id}"] ${popupDom.saveToggle}`);
  await waitFor(async () => (await rawQueue('all')).length === 3, 'three saved reads');
  const before = await rawQueue('all');

  const options = await firefox.openExtensionPage('options.html');
  await clickButtonNamed(options, 'section', 'Export as JSON');
  // Firefox creates the file empty and fills it in: wait until it holds the whole JSON.
  const [file, exported] = await waitFor(async () => {
    const [name] = await firefox.downloadedFiles();
    if (!name) return undefined;
    try {
      return [name, JSON.parse(await firefox.readDownload(name))] as [string, { format: string; items: QueueItem[] }];
    } catch {
      return undefined;
    }
  }, 'the export to download');
  expect(file).toMatch(/^docent-queue-\d{4}-\d{2}-\d{2}\.json$/);
  expect(exported.format).toBe('docent-queue');
  expect([...exported.items].sort((a, b) => a.id.localeCompare(b.id))).toEqual(before);

  await rawQueue('clear');
  expect(await rawQueue('all')).toEqual([]);
  const importFile = path.join(firefox.workDir, file);
  await writeFile(importFile, await firefox.readDownload(file));
  const input = (await options.$(optionsDom.importInput))!;
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(importFile);
  await waitFor(() => options.$(optionsDom.importPreview), "the import preview");
  await clickButtonNamed(options, optionsDom.importPreview, 'Import 3');
  await waitFor(async () => (await rawQueue('all')).length === 3, 'the imported queue');
  expect(await rawQueue('all')).toEqual(before);
  expectNoNetworkOutsideTheFixtures();
});

test('the sidebar shows the active tab’s related reads and follows a tab switch', async () => {
  await waitForCatalogue();
  const first = await openDocsTab(sidebarJourney.firstPage);
  const second = await openDocsTab(sidebarJourney.secondPage);
  const firstReads = (await tabRelated(first.tabId)).related.map((entry) => entry.read.id);
  const secondReads = (await tabRelated(second.tabId)).related.map((entry) => entry.read.id);
  expect(firstReads.length).toBeGreaterThan(0);
  expect(secondReads).not.toEqual(firstReads);

  await first.page.bringToFront();
  await firefox.openSidebar();
  // The real sidebar's document, reached from an extension page in the same process.
  const probe = await firefox.probe();
  const sidebarRows = () =>
    probe.evaluate((selector) => {
      const [sidebar] = browser.extension.getViews({ type: 'sidebar' });
      if (!sidebar) return null;
      return {
        tabId: sidebar.document.querySelector('[data-tab-id]')?.getAttribute('data-tab-id') ?? null,
        rows: [...sidebar.document.querySelectorAll(selector)].map((row) => row.getAttribute('data-row')!),
      };
    }, popupDom.anyCard);
  const shows = async (tabId: number, reads: string[]) => {
    const seen = await sidebarRows();
    return seen?.tabId === String(tabId) && JSON.stringify(seen.rows) === JSON.stringify(reads);
  };
  await waitFor(() => shows(first.tabId, firstReads), 'the sidebar to show the first tab’s reads');

  await second.page.bringToFront();
  await waitFor(() => shows(second.tabId, secondReads), 'the sidebar to follow the switch to the second tab');
  expectNoNetworkOutsideTheFixtures();
});

test('options persist and take effect: an excluded host loses its suggestions', async () => {
  await waitForCatalogue();
  const docs = await openDocsTab(relatedJourney.docsPage);
  await waitFor(async () => (await badgeText(docs.tabId)) !== '', 'the badge');

  const options = await firefox.openExtensionPage('options.html');
  await options.type(optionsDom.excludeHostInput, `https://${DOCS_HOST}/documentation/`);
  await options.keyboard.press('Enter');
  await waitForText(options, optionsDom.excludedHosts, new RegExp(DOCS_HOST.replace(/\./g, '\\.')));
  expect(await options.evaluate(() => browser.storage.sync.get('excludedHosts'))).toEqual({ excludedHosts: [DOCS_HOST] });

  await docs.page.bringToFront();
  await waitFor(async () => (await badgeText(docs.tabId)) === '', 'the badge to clear');
  await docs.page.reload({ waitUntil: 'load' });
  const popup = await openPopup(docs.tabId);
  await waitFor(async () => (await tabRelated(docs.tabId)).related.length === 0, 'no related reads for the excluded host');
  expect(await rowIds(popup, popupDom.relatedCards)).toEqual([]);
  expect(await badgeText(docs.tabId)).toBe('');

  // Persisted: a freshly opened options page lists it.
  await options.close();
  const reopened = await firefox.openExtensionPage('options.html');
  await waitForText(reopened, optionsDom.excludedHosts, new RegExp(DOCS_HOST.replace(/\./g, '\\.')));
  expectNoNetworkOutsideTheFixtures();
});

test('a browser restart on the same profile keeps the queue', async () => {
  await waitForCatalogue();
  const popup = await firefox.openExtensionPage('popup.html?q=raft', POPUP_SIZE);
  const [readId] = await waitForRows(popup, popupDom.searchCards);
  await popup.click(`[data-row="${readId}"] ${popupDom.saveToggle}`);
  await waitFor(async () => (await rawQueue('all')).length === 1, 'the saved read');
  const before = await rawQueue('all');

  await firefox.restart();
  await waitForCatalogue();
  expect(await rawQueue('all')).toEqual(before);
  const reopened = await firefox.openExtensionPage('popup.html', POPUP_SIZE);
  await reopened.keyboard.press('3');
  expect(await waitForRows(reopened, popupDom.savedCards)).toEqual([readId]);
  expect(await storedCount('reads')).toBe(catalogue.length);
  expectNoNetworkOutsideTheFixtures();
});

test('Firefox for Android: the popup fits a phone’s width (a touch screen, 360px)', async () => {
  await waitForCatalogue();
  await firefox.emulateTouchScreen();
  const docs = await openDocsTab(relatedJourney.docsPage);
  const popup = await openPopup(docs.tabId, PHONE_SIZE);
  await waitForRows(popup, popupDom.relatedCards);
  for (const view of ['1', '2', '3'] as const) {
    await popup.keyboard.press(view);
    const overflow = await popup.evaluate(() => {
      const root = document.documentElement;
      return {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        wide: [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
          .slice(0, 3)
          .map((element) => element.outerHTML.slice(0, 120)),
      };
    });
    expect(overflow.clientWidth).toBe(PHONE_SIZE.width);
    expect(overflow.scrollWidth, `view ${view}: document scroll width`).toBeLessThanOrEqual(overflow.clientWidth);
    expect(overflow.wide, `view ${view}: elements past the right edge`).toEqual([]);
  }
  expectNoNetworkOutsideTheFixtures();
});

test('positive control: the proxy sees a request the browser sends outside the fixtures', async () => {
  const docs = await firefox.openWebPage(relatedJourney.docsPage);
  const sent = await docs.evaluate(() =>
    fetch('http://canary.example/deliberate', { mode: 'no-cors', cache: 'no-store' }).then(() => 'answered', (error: Error) => `failed: ${error.message}`),
  );
  await waitFor(async () => requestsOutsideTheFixtures().length > 0, `the proxy to record the deliberate request (the page's fetch: ${sent})`);
  expect(requestsOutsideTheFixtures()).toEqual([{ method: 'GET', url: 'http://canary.example/deliberate' }]);
  // And an extension page cannot even try: its CSP allows connections to the extension alone.
  const probe = await firefox.probe();
  const attempt = await probe.evaluate(() => fetch('http://canary.example/from-extension').then(() => 'sent', (error: Error) => `refused: ${error.message}`));
  expect(attempt).toMatch(/^refused/);
  expect(requestsOutsideTheFixtures()).toHaveLength(1);
  expect(EXTENSION_ORIGIN).toMatch(/^moz-extension:\/\//);
});
