/**
 * Docent everywhere in the browser (issue 6), in real Chromium: the toolbar badge on a
 * documentation host, no badge off-topic or on an excluded host, the omnibox and context-menu
 * handlers, the side panel's Related view, and options that persist and take effect.
 *
 * The fixture server is reached under real documentation hosts (*.readthedocs.io, prometheus.io)
 * through --host-resolver-rules, so the manifest's host permissions and content script apply.
 */
import type { Page, Worker } from '@playwright/test';
import { BUILT_EXTENSION_DIR, DOCS_HOST, docsUrl, ExtensionHarness, expect, launchWithDocsHosts, tabIdOf, test as base } from './fixtures';

// The extension API as the service worker and extension pages see it (evaluate() callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

// A second default doc-site host (prometheus.io) serves the off-topic page.
const OFF_TOPIC_HOST = 'prometheus.io';
const DOCS_PAGE = docsUrl('browser-integration/kafka-replication.html');
const OFF_TOPIC_PAGE = `http://${OFF_TOPIC_HOST}/browser-integration/sourdough.html`;
const BADGE_TIMEOUT = 20_000;

const test = base.extend<{ docsBrowser: ExtensionHarness }>({
  docsBrowser: async ({ fixtureServer }, use) => {
    const harness = await launchWithDocsHosts(fixtureServer, [DOCS_HOST, OFF_TOPIC_HOST]);
    await use(harness);
    await harness.dispose();
  },
});

type Handlers = {
  omniboxSuggestions(text: string): Promise<{ content: string; description: string }[]>;
  openOmniboxEntry(text: string, disposition: string): Promise<void>;
  handleContextMenuClick(info: Record<string, unknown>, tab?: Record<string, unknown>): Promise<void>;
  saveActiveTab(): Promise<void>;
};

function badgeText(serviceWorker: Worker, tabId: number): Promise<string> {
  return serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

function actionTitle(serviceWorker: Worker, tabId: number): Promise<string> {
  return serviceWorker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

/** Every queued item's id and URL, read straight from IndexedDB. */
function queuedItems(serviceWorker: Worker): Promise<{ id: string; url: string | null }[]> {
  return serviceWorker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('docent');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const items = await new Promise<{ id: string; url: string | null }[]>((resolve, reject) => {
        const request = db.transaction('queue').objectStore('queue').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return items.map(({ id, url }) => ({ id, url }));
    } finally {
      db.close();
    }
  });
}

/** The background's answer for a tab, asked from an extension page like the popup does. */
function tabStatus(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'tab-related', tabId: id }).then((answer: { status: string }) => answer.status),
    tabId,
  );
}

async function queuedUrls(serviceWorker: Worker): Promise<(string | null)[]> {
  return (await queuedItems(serviceWorker)).map((item) => item.url);
}

function menuExists(serviceWorker: Worker, id: string): Promise<boolean> {
  return serviceWorker.evaluate(
    (menuId) => chrome.contextMenus.update(menuId, {}).then(() => true, () => false),
    id,
  );
}

async function openSite(harness: ExtensionHarness, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await harness.context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(harness.serviceWorker, url) };
}

test('badge counts related reads on a documentation host, and stays empty off-topic', async ({ docsBrowser }) => {
  const sw = docsBrowser.serviceWorker;
  const docs = await openSite(docsBrowser, DOCS_PAGE);
  await expect.poll(() => badgeText(sw, docs.tabId), { timeout: BADGE_TIMEOUT }).toMatch(/^[1-9]\d*\+?$/);
  const count = await badgeText(sw, docs.tabId);
  expect(await actionTitle(sw, docs.tabId)).toContain(`${count} related reads`);

  const offTopic = await openSite(docsBrowser, OFF_TOPIC_PAGE);
  await offTopic.page.bringToFront();
  // The off-topic page is read (it is on a doc host) but nothing is related enough.
  const asker = await docsBrowser.openPage('options.html');
  await expect.poll(() => tabStatus(asker, offTopic.tabId), { timeout: BADGE_TIMEOUT }).toBe('unrelated');
  expect(await badgeText(sw, offTopic.tabId)).toBe('');
  // Each tab keeps its own badge when switching back.
  await docs.page.bringToFront();
  await expect.poll(() => badgeText(sw, docs.tabId)).toBe(count);
});

test('omnibox suggests catalogue reads and Enter opens the search view', async ({ docsBrowser }) => {
  const sw = docsBrowser.serviceWorker;
  const suggestions = await sw.evaluate(() =>
    (self as unknown as { docentHandlers: Handlers }).docentHandlers.omniboxSuggestions('consistent hashing'),
  );
  expect(suggestions.length).toBeGreaterThan(0);
  expect(suggestions.length).toBeLessThanOrEqual(6);
  for (const suggestion of suggestions) {
    expect(suggestion.content).toMatch(/^https?:\/\//);
    expect(suggestion.description).not.toMatch(/[<>]/);
  }
  expect(suggestions.some((suggestion) => /hash/i.test(suggestion.description))).toBe(true);

  const opened = docsBrowser.context.waitForEvent('page');
  await sw.evaluate(() =>
    (self as unknown as { docentHandlers: Handlers }).docentHandlers.openOmniboxEntry('consistent hashing', 'newForegroundTab'),
  );
  const searchPage = await opened;
  await searchPage.waitForLoadState();
  expect(searchPage.url()).toBe(`chrome-extension://${docsBrowser.extensionId}/popup.html?q=consistent%20hashing`);
});

test('context menus: search a selection, save a link, save the page (queued icon)', async ({ docsBrowser }) => {
  const sw = docsBrowser.serviceWorker;
  const click = (info: Record<string, unknown>, tab?: Record<string, unknown>) =>
    sw.evaluate(
      ({ info: menuInfo, tab: menuTab }) =>
        (self as unknown as { docentHandlers: Handlers }).docentHandlers.handleContextMenuClick(menuInfo, menuTab),
      { info, tab },
    );

  await expect.poll(() => menuExists(sw, 'docent-save-page')).toBe(true);

  const opened = docsBrowser.context.waitForEvent('page');
  await click({ menuItemId: 'docent-search-selection', selectionText: 'leader election' });
  const searchPage = await opened;
  await searchPage.waitForLoadState();
  expect(searchPage.url()).toBe(`chrome-extension://${docsBrowser.extensionId}/popup.html?q=leader%20election`);

  await click({ menuItemId: 'docent-save-link', linkUrl: 'https://example.org/posts/raft', linkText: 'Raft, explained' });
  await expect.poll(() => queuedUrls(sw)).toContain('https://example.org/posts/raft');

  const docs = await openSite(docsBrowser, DOCS_PAGE);
  await docs.page.bringToFront();
  expect(await actionTitle(sw, docs.tabId)).not.toContain('in your queue');
  await click({ menuItemId: 'docent-save-page', pageUrl: DOCS_PAGE }, { id: docs.tabId, url: DOCS_PAGE, title: 'Kafka replication' });
  await expect.poll(() => queuedUrls(sw)).toContain(DOCS_PAGE);
  await expect.poll(() => actionTitle(sw, docs.tabId)).toContain('in your queue');
});

test('the save-page command saves the active tab; shortcuts are listed in options', async ({ docsBrowser }) => {
  const sw = docsBrowser.serviceWorker;
  const docs = await openSite(docsBrowser, DOCS_PAGE);
  await docs.page.bringToFront();
  await sw.evaluate(() => (self as unknown as { docentHandlers: Handlers }).docentHandlers.saveActiveTab());
  await expect.poll(() => queuedUrls(sw)).toEqual([DOCS_PAGE]);
  await expect.poll(() => actionTitle(sw, docs.tabId)).toContain('in your queue');

  const options = await docsBrowser.openPage('options.html');
  await expect(options.locator('[data-list="shortcuts"] li')).toHaveText([
    /Open Docent\s*Alt\+Shift\+D/,
    /Open the Docent side panel\s*Alt\+Shift\+E/,
    /Save this page to the Docent queue\s*Alt\+Shift\+S/,
  ]);
});

test('a save from the menu or keyboard that fails says why on the toolbar button; the next save clears it', async ({ docsBrowser }) => {
  const sw = docsBrowser.serviceWorker;
  const docs = await openSite(docsBrowser, DOCS_PAGE);
  await docs.page.bringToFront();
  await expect.poll(() => menuExists(sw, 'docent-save-page')).toBe(true);
  const savePageFromMenu = () =>
    sw.evaluate(
      ({ url, tabId }) =>
        (self as unknown as { docentHandlers: Handlers }).docentHandlers
          .handleContextMenuClick({ menuItemId: 'docent-save-page', pageUrl: url }, { id: tabId, url, title: 'Kafka replication' })
          .then(() => 'saved', (error: Error) => error.name),
      { url: DOCS_PAGE, tabId: docs.tabId },
    );

  // The disk is full: the browser refuses every write to the queue.
  await sw.evaluate(() => {
    const realm = globalThis as typeof globalThis & { restorePut?: () => void };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'queue') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    realm.restorePut = () => void (IDBObjectStore.prototype.put = put);
  });
  expect(await savePageFromMenu()).toBe('QueueStorageFullError');
  await expect.poll(() => badgeText(sw, docs.tabId)).toBe('!');
  expect(await actionTitle(sw, docs.tabId)).toContain('Not saved: not enough disk space. Your queue is unchanged');
  expect(await queuedUrls(sw)).toEqual([]);

  // Space freed: the same click saves, and the warning gives way to the queued state.
  await sw.evaluate(() => (globalThis as typeof globalThis & { restorePut: () => void }).restorePut());
  expect(await savePageFromMenu()).toBe('saved');
  await expect.poll(() => actionTitle(sw, docs.tabId)).toContain('in your queue');
  expect(await badgeText(sw, docs.tabId)).not.toBe('!');
  expect(await actionTitle(sw, docs.tabId)).not.toContain('Not saved');

  // The keyboard command on a page that is not a web page: refused, and the button says why.
  const browserPage = await docsBrowser.context.newPage();
  await browserPage.goto('chrome://version/');
  await browserPage.bringToFront();
  const versionTab = await tabIdOf(sw, 'chrome://version/');
  const outcome = await sw.evaluate(() =>
    (self as unknown as { docentHandlers: Handlers }).docentHandlers.saveActiveTab().then(() => 'saved', (error: Error) => error.name),
  );
  expect(outcome).toBe('QueueInputError');
  await expect.poll(() => badgeText(sw, versionTab)).toBe('!');
  expect(await actionTitle(sw, versionTab)).toContain('only http: and https: links are accepted');
  expect(await queuedUrls(sw)).toEqual([DOCS_PAGE]);
});

test('side panel shows the related reads of the active tab', async ({ docsBrowser }) => {
  const sw = docsBrowser.serviceWorker;
  const docs = await openSite(docsBrowser, DOCS_PAGE);
  await expect.poll(() => badgeText(sw, docs.tabId), { timeout: BADGE_TIMEOUT }).not.toBe('');
  const count = Number((await badgeText(sw, docs.tabId)).replace('+', ''));

  const panel = await docsBrowser.openPage(`sidepanel.html?tabId=${docs.tabId}`);
  await expect(panel.locator('[data-row]').first()).toBeVisible();
  expect(await panel.locator('[data-row]').count()).toBe(count);
  await expect(panel.locator('.related-page')).toHaveText('Apache Kafka documentation: Replication');

  // Save buttons work from the panel.
  const firstRow = panel.locator('[data-row]').first();
  const firstReadId = await firstRow.getAttribute('data-row');
  await firstRow.locator('[data-save]').click();
  await expect.poll(async () => (await queuedItems(sw)).map((item) => item.id)).toEqual([firstReadId]);

  // Switching to another tab in the window re-targets the panel.
  const offTopic = await openSite(docsBrowser, OFF_TOPIC_PAGE);
  await offTopic.page.bringToFront();
  await expect(panel.locator('[data-tab-id]')).toHaveAttribute('data-tab-id', String(offTopic.tabId));
  await expect(panel.locator('[data-row]')).toHaveCount(0);
});

test('options persist and take effect: excluding the host removes the badge; menus can be turned off', async ({
  docsBrowser,
}) => {
  const sw = docsBrowser.serviceWorker;
  const docs = await openSite(docsBrowser, DOCS_PAGE);
  await expect.poll(() => badgeText(sw, docs.tabId), { timeout: BADGE_TIMEOUT }).not.toBe('');

  const options = await docsBrowser.openPage('options.html');
  await options.locator('#exclude-host').fill(`https://${DOCS_HOST}/documentation/`);
  await options.locator('#exclude-host').press('Enter');
  await expect(options.locator('[data-list="excluded-hosts"] li')).toHaveText([new RegExp(DOCS_HOST.replace(/\./g, '\\.'))]);
  expect(await sw.evaluate(() => chrome.storage.sync.get('excludedHosts'))).toEqual({ excludedHosts: [DOCS_HOST] });

  await docs.page.bringToFront();
  await expect.poll(() => badgeText(sw, docs.tabId)).toBe('');
  await docs.page.reload();
  await docs.page.waitForTimeout(2_000);
  expect(await badgeText(sw, docs.tabId)).toBe('');

  await options.locator('[data-setting="search-engine"]').selectOption('kagi');
  await options.locator('[data-setting="context-menus"]').uncheck();
  await expect.poll(() => menuExists(sw, 'docent-save-page')).toBe(false);
  await options.reload();
  await expect(options.locator('[data-setting="search-engine"]')).toHaveValue('kagi');
  await expect(options.locator('[data-setting="context-menus"]')).not.toBeChecked();
  await expect(options.locator('[data-list="excluded-hosts"] li')).toHaveCount(1);
});

test('the built manifest asks for no all-sites access at install', async () => {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(`${BUILT_EXTENSION_DIR}/manifest.json`, 'utf8')) as {
    permissions: string[];
    host_permissions: string[];
    optional_host_permissions: string[];
  };
  const everySite = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
  for (const pattern of everySite) {
    expect(manifest.host_permissions).not.toContain(pattern);
    expect(manifest.permissions).not.toContain(pattern);
  }
  expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
});
