/**
 * Zero network (issue 8): during a whole user journey in real Chromium — install, a docs page,
 * the popup's three views, the side panel, the options page — the extension requests nothing but
 * its own files, and opening a read (on the user's click, in one new tab) is its only navigation.
 *
 * Two recorders watch, because neither sees everything alone:
 * - A recording HTTP proxy the whole browser must use (`--proxy-server`, with
 *   `--proxy-bypass-list=<-loopback>` so not even 127.0.0.1 goes around it). Every HTTP(S) or
 *   WebSocket request that leaves the browser, from any process or world, from the first instant
 *   of the install on, reaches it: it is the ground truth for "nothing left". It forwards only the
 *   docs host to the fixture server. Chromium's own services that no flag turns off are pointed at
 *   `.invalid` names only Chromium knows, so they cannot be mistaken for the extension.
 * - Playwright's request events (pages, and MV3 service workers), which attribute each request to
 *   its page or worker and also see the `chrome-extension://` files that never touch the network.
 * A positive control proves both see a deliberate request from each context the extension runs
 * code in — service worker, extension page, the page's isolated world — so "0" means 0. With the
 * real, strict CSP the worker and the pages cannot even try: their fetch is refused, and the
 * error recorder (which would catch any CSP violation during the journey) sees the refusal.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { BUILT_EXTENSION_DIR, DOCS_HOST, docsUrl, ExtensionHarness, expect, tabIdOf, test } from './fixtures';
import type { FixtureServer } from './server';
import { waitForCatalogue } from './raw-storage';
import { startRecordingProxy, type ProxiedRequest, type RecordingProxy } from './recording-proxy';

// The extension API as the service worker sees it (evaluate() callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

const POPUP_SIZE = { width: 400, height: 580 };
const READ_TIMEOUT = 20_000;
const DOCS_PAGE = docsUrl('kafka-design.html');
const bundledReadCount = (JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as unknown[]).length;

// ---------- The recording proxy ----------


/**
 * Chromium's own services that the launch flags cannot turn off (Gaia's ListAccounts, the
 * on-demand component updater) are pointed at these names instead, so the proxy can tell the
 * browser's traffic apart: only Chromium knows them.
 */
const CHROMIUM_SERVICE_HOSTS = new Set(['chromium-gaia.invalid', 'chromium-component-updater.invalid']);
const DOCS_FAVICON = docsUrl('favicon.ico');

type ChromiumProxy = RecordingProxy & {
  /** A URL on 127.0.0.1 the proxy answers itself (204), for deliberate requests. */
  canaryUrl(name: string): string;
  /** Chromium flags that send all of the browser's traffic through the proxy. */
  chromiumArgs: string[];
};

async function startChromiumProxy(fixtureServer: FixtureServer): Promise<ChromiumProxy> {
  const proxy = await startRecordingProxy(fixtureServer, {
    servedHosts: [DOCS_HOST],
    answersItself: (url) => url.pathname.startsWith('/canary/') || url.href === DOCS_FAVICON,
  });
  return {
    ...proxy,
    canaryUrl: (name) => `http://127.0.0.1:${proxy.port}/canary/${name}`,
    chromiumArgs: [
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      // Chromium sends loopback addresses around the proxy unless told not to.
      '--proxy-bypass-list=<-loopback>',
      // No --disable-features here: it would replace Playwright's list, which already keeps http
      // navigations on http and silences most of Chromium's own startup requests.
      '--gaia-url=http://chromium-gaia.invalid',
      '--component-updater=url-source=http://chromium-component-updater.invalid/',
    ],
  };
}

// ---------- Playwright's view: who asked for what ----------

type SeenRequest = { url: string; navigation: boolean; worker: boolean; page: Page | null };

/** Records every request Playwright reports in `context`, with the page or worker that made it. */
function recordRequests(context: BrowserContext): SeenRequest[] {
  const seen: SeenRequest[] = [];
  context.on('request', (request: Request) => {
    const worker = request.serviceWorker() !== null;
    let page: Page | null = null;
    try {
      if (!worker) page = request.frame().page();
    } catch {
      // A navigation into a tab that has no frame yet (a link opened in a new tab).
    }
    seen.push({ url: request.url(), navigation: !worker && request.isNavigationRequest(), worker, page });
  });
  return seen;
}

/** Errors logged or thrown in any page or worker (Chromium logs each CSP violation as an error). */
function recordErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.page()?.url() ?? 'worker'}: ${message.text()}`);
  });
  context.on('weberror', (error) => errors.push(`${error.page()?.url() ?? 'worker'}: ${error.error().message}`));
  return errors;
}

/** A request from each context the extension runs code in; each resolves to 'sent' or why it was refused. */
async function fetchFromEveryContext(
  harness: ExtensionHarness,
  extensionPage: Page,
  docsTabId: number,
  canaryUrl: (name: string) => string,
): Promise<Record<'service worker' | 'extension page' | 'isolated world', string>> {
  const attempt = (url: string) =>
    fetch(url, { mode: 'no-cors', cache: 'no-store' }).then(
      () => 'sent',
      (error: Error) => `refused: ${error.message}`,
    );
  return {
    'service worker': await harness.serviceWorker.evaluate(attempt, canaryUrl('service-worker')),
    'extension page': await extensionPage.evaluate(attempt, canaryUrl('extension-page')),
    // What a content script runs in: the extension's isolated world inside the docs page.
    'isolated world': await harness.serviceWorker.evaluate(
      async ({ tabId, url }) => {
        const [injection] = await chrome.scripting.executeScript({
          target: { tabId },
          func: (target: string) =>
            fetch(target, { mode: 'no-cors', cache: 'no-store' }).then(
              () => 'sent',
              (error: Error) => `refused: ${error.message}`,
            ),
          args: [url],
        });
        return injection?.result as string;
      },
      { tabId: docsTabId, url: canaryUrl('isolated-world') },
    ),
  };
}

async function openDocsTab(harness: ExtensionHarness): Promise<{ page: Page; tabId: number }> {
  const page = await harness.context.newPage();
  await page.goto(DOCS_PAGE);
  const tabId = await tabIdOf(harness.serviceWorker, DOCS_PAGE);
  // The content script has read the page when the badge counts its related reads.
  await expect
    .poll(() => harness.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), {
      timeout: READ_TIMEOUT,
      message: 'the badge counts related reads',
    })
    .toMatch(/^[1-9]\d*\+?$/);
  return { page, tabId };
}

async function openPopup(harness: ExtensionHarness, tabId: number): Promise<Page> {
  const popup = await harness.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

const cardsIn = (page: Page, list: string) => page.getByRole('list', { name: list }).locator('[data-row]');

// ---------- The journey ----------

test('a full journey requests only the extension’s own files; opening a read is the one navigation, on click', async ({ fixtureServer }) => {
  test.setTimeout(120_000);
  const proxy = await startChromiumProxy(fixtureServer);
  const harness = await ExtensionHarness.create(BUILT_EXTENSION_DIR, { extraArgs: proxy.chromiumArgs });
  try {
    const { context, extensionId } = harness;
    const extensionOrigin = `chrome-extension://${extensionId}/`;
    const seen = recordRequests(context);
    const errors = recordErrors(context);

    // Install: the catalogue loads from the bundle.
    await waitForCatalogue(harness.serviceWorker, undefined, READ_TIMEOUT);

    // A documentation page: the content script reads it and the badge counts its reads.
    const docs = await openDocsTab(harness);

    // Popup: Related, then Search with a typed query and a facet, save with `s`, Saved: mark read.
    const popup = await openPopup(harness, docs.tabId);
    await expect(cardsIn(popup, 'Related reads').first()).toBeVisible();
    await popup.keyboard.press('2');
    await popup.getByRole('searchbox', { name: 'Search reads' }).pressSequentially('consistent hashing');
    await expect(cardsIn(popup, 'Search results').first()).toBeVisible();
    await popup.getByRole('button', { name: 'Filters' }).click();
    const facetValue = popup.locator('#facet-picker .picker-values button').first();
    const facetName = (await facetValue.locator('.chip-value').textContent())!;
    await facetValue.click();
    await expect(popup.getByRole('button', { name: `Remove filter Tag: ${facetName}` })).toBeVisible();
    const firstResult = cardsIn(popup, 'Search results').first();
    await firstResult.getByRole('link').focus();
    await popup.keyboard.press('s');
    await expect(firstResult.getByRole('button', { name: 'Save for later' })).toHaveAttribute('aria-pressed', 'true');
    await popup.keyboard.press('3');
    await cardsIn(popup, 'Saved reads').first().getByRole('button', { name: 'Read', exact: true }).click();
    await expect(popup.locator('.saved-summary')).toHaveText('All caught up');

    // Side panel: the docs tab's related reads.
    const panel = await harness.openPage(`sidepanel.html?tabId=${docs.tabId}`);
    await expect(panel.locator('[data-row]').first()).toBeVisible();

    // Options: every section renders (the catalogue's figures come from IndexedDB); export a file.
    const options = await harness.openPage('options.html');
    await expect(options.locator(`[data-catalogue-total="${bundledReadCount}"]`)).toBeVisible();
    const sections = await options.locator('main.options > section').all();
    expect(sections.length).toBeGreaterThanOrEqual(8);
    for (const section of sections) await expect(section.getByRole('heading', { level: 2 })).toBeVisible();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export as JSON' }).click()]);
    expect(JSON.parse(await readFile((await download.path())!, 'utf8'))).toMatchObject({ format: 'docent-queue', items: [{ state: 'read' }] });

    // Opening a read: no tab has it until the click, then exactly one new tab with the read's URL.
    await popup.bringToFront();
    await popup.keyboard.press('1');
    const readLink = cardsIn(popup, 'Related reads').first().getByRole('link');
    const readUrl = (await readLink.getAttribute('href'))!;
    expect(readUrl).toMatch(/^https:\/\//);
    const tabUrls = () => harness.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.url ?? ''));
    const tabsBefore = await tabUrls();
    expect(tabsBefore).not.toContain(readUrl);
    const leftBeforeClick = proxy.requests.length;
    // Answered inside the browser: the read's site is never contacted.
    await context.route((url) => url.href === readUrl, (route) => route.fulfill({ contentType: 'text/html', body: '<title>the read</title>' }));
    const readTabOpens = context.waitForEvent('page');
    await readLink.click();
    const readTab = await readTabOpens;
    await readTab.waitForLoadState();
    expect(readTab.url()).toBe(readUrl);
    expect((await tabUrls()).sort()).toEqual([...tabsBefore, readUrl].sort());
    expect(tabsBefore.filter((url) => !url.startsWith(extensionOrigin) && url !== 'about:blank'), 'the only web page the test opened').toEqual([DOCS_PAGE]);

    // Playwright's view: who asked for what.
    const isExtensionFile = (request: SeenRequest) => request.url.startsWith(extensionOrigin);
    const isFixtureNavigation = (request: SeenRequest) => request.navigation && request.page === docs.page && request.url === DOCS_PAGE;
    const isReadNavigation = (request: SeenRequest) => request.navigation && (request.page ?? readTab) === readTab && request.url === readUrl;
    const extensionFiles = seen.filter(isExtensionFile);
    const fixtureNavigations = seen.filter(isFixtureNavigation);
    const readNavigations = seen.filter(isReadNavigation);
    const others = seen.filter((request) => !isExtensionFile(request) && !isFixtureNavigation(request) && !isReadNavigation(request));
    expect(others.map(({ url, worker, page }) => ({ url, from: worker ? 'service worker' : (page?.url() ?? 'a new tab') })), 'requests besides the extension’s files and the test’s own navigations').toEqual([]);
    expect(fixtureNavigations).toHaveLength(1);
    expect(readNavigations).toHaveLength(1);
    for (const extensionPage of [popup, panel, options]) {
      expect(extensionFiles.some((request) => request.page === extensionPage), `${extensionPage.url()} loaded its files`).toBe(true);
    }
    expect(extensionFiles.some((request) => request.worker), 'the service worker’s requests are recorded').toBe(true);

    // The proxy's view: what left the browser, besides Chromium's own services. Until the click,
    // only the docs page the test opened (and its favicon, which the browser asks for by itself);
    // after it, only connections to the read's site (Chromium connects ahead on pointer-down).
    const notChromiumOwn = (request: ProxiedRequest) => !CHROMIUM_SERVICE_HOSTS.has(new URL(request.url).hostname);
    const leftBeforeTheClick = proxy.requests.slice(0, leftBeforeClick).filter(notChromiumOwn);
    const leftAfterTheClick = proxy.requests.slice(leftBeforeClick).filter(notChromiumOwn);
    expect(leftBeforeTheClick.filter((request) => request.url !== DOCS_FAVICON), 'requests that left the browser before the click').toEqual([
      { method: 'GET', url: DOCS_PAGE },
    ]);
    const readOrigin = `https://${new URL(readUrl).host}:443`;
    expect(
      leftAfterTheClick.filter((request) => request.url !== DOCS_FAVICON && !(request.method === 'CONNECT' && request.url === readOrigin)),
      'requests after the click, besides the read’s site',
    ).toEqual([]);
    expect(errors, 'errors (CSP violations included) in any page or worker').toEqual([]);

    // The strict CSP: the worker and the extension's pages cannot send a request even when told to.
    const attempts = await fetchFromEveryContext(harness, options, docs.tabId, proxy.canaryUrl);
    expect(attempts['service worker']).toMatch(/^refused/);
    expect(attempts['extension page']).toMatch(/^refused/);
    expect(proxy.requests.filter((request) => /\/canary\/(service-worker|extension-page)$/.test(request.url))).toEqual([]);
    // …and the error recorder above would have caught a violation: it sees this one.
    await expect
      .poll(() => errors.some((error) => error.includes('/canary/extension-page') && error.includes(`violates the following Content Security Policy directive: "connect-src 'self'"`)))
      .toBe(true);

    const counts = {
      extensionFiles: extensionFiles.length,
      extensionFilesFromWorker: extensionFiles.filter((request) => request.worker).length,
      fixtureNavigations: fixtureNavigations.length,
      readNavigations: readNavigations.length,
      other: others.length,
      leftTheBrowserBeforeClick: leftBeforeTheClick.map((request) => request.url),
      connectionsToTheReadAfterClick: leftAfterTheClick.length,
      chromiumOwn: proxy.requests.filter((request) => !notChromiumOwn(request)).length,
    };
    test.info().annotations.push({ type: 'requests by origin', description: JSON.stringify(counts) });
    console.log(`privacy journey: ${JSON.stringify(counts)}`);
  } finally {
    await harness.dispose();
    await proxy.close();
  }
});

test('positive control: the recorders see a deliberate request from the worker, a page and the isolated world', async ({ fixtureServer }) => {
  const proxy = await startChromiumProxy(fixtureServer);
  // The build with its connect-src opened to the canary alone, so the worker and pages may send it.
  const relaxedBuild = await mkdtemp(path.join(tmpdir(), 'docent-relaxed-csp-'));
  await cp(BUILT_EXTENSION_DIR, relaxedBuild, { recursive: true });
  const manifestPath = path.join(relaxedBuild, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { content_security_policy: { extension_pages: string } };
  expect(manifest.content_security_policy.extension_pages).toContain("connect-src 'self'");
  manifest.content_security_policy.extension_pages = manifest.content_security_policy.extension_pages.replace(
    "connect-src 'self'",
    `connect-src 'self' http://127.0.0.1:${proxy.port}`,
  );
  await writeFile(manifestPath, JSON.stringify(manifest));
  const harness = await ExtensionHarness.create(relaxedBuild, { extraArgs: proxy.chromiumArgs });
  try {
    const seen = recordRequests(harness.context);
    const options = await harness.openPage('options.html');
    await waitForCatalogue(harness.serviceWorker, undefined, READ_TIMEOUT);
    const docs = await openDocsTab(harness);

    const attempts = await fetchFromEveryContext(harness, options, docs.tabId, proxy.canaryUrl);
    expect(attempts).toEqual({ 'service worker': 'sent', 'extension page': 'sent', 'isolated world': 'sent' });

    const canaries = ['service-worker', 'extension-page', 'isolated-world'].map(proxy.canaryUrl);
    expect(proxy.requests.filter((request) => request.url.includes('/canary/')).map((request) => request.url), 'the proxy saw each').toEqual(canaries);
    const attributed = seen
      .filter((request) => request.url.includes('/canary/'))
      .map(({ url, worker, page }) => ({ url, from: worker ? 'service worker' : page === options ? 'options page' : page === docs.page ? 'docs page' : 'elsewhere' }));
    expect(attributed, 'Playwright saw each, from the right context').toEqual([
      { url: canaries[0], from: 'service worker' },
      { url: canaries[1], from: 'options page' },
      { url: canaries[2], from: 'docs page' },
    ]);
    console.log(`privacy control: the proxy saw ${canaries.length}/3 canaries, Playwright attributed ${attributed.length}/3`);
  } finally {
    await harness.dispose();
    await proxy.close();
    await rm(relaxedBuild, { recursive: true, force: true });
  }
});
