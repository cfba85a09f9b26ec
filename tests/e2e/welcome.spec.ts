/**
 * The first run (issue 14, item 4) in real Chromium with the built extension: the welcome page
 * opens once on install and never on update (which leaves a one-line note in the popup instead),
 * says what Docent reads and never sends, lists the built-in documentation sites and asks for all
 * sites with the browser's own prompt, opens the bundled sample documentation page, where the
 * badge and the popup work, shows the shortcuts and where to change them, is reachable from the
 * options page, and has no axe violations in light and dark. The light and dark tests write the
 * README's welcome screenshots.
 *
 * The permission prompt is the one thing stubbed, and only at the browser-API boundary:
 * headless Chromium shows it to no one, so a real `permissions.request` never settles (and
 * without a user gesture it throws). `chrome.permissions.request` in the welcome page is replaced
 * before the page's scripts run by a stand-in that records its arguments and whether a user
 * gesture was active, and answers as the user would (allow / decline). Everything on either side
 * of it is the real extension.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import type { PageKeywords } from '@/src/keywords/types';
import { docSiteEntries } from '@/src/welcome/site-list';
import { test, expect, type ExtensionHarness } from './fixtures';
import { cp, readFile, writeFile } from 'node:fs/promises';

// The extension API as the service worker and extension pages see it (evaluate() callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

const SCREENSHOTS_DIR = path.resolve('docs/screenshots');
const WELCOME_SIZE = { width: 900, height: 1000 };
const POPUP_SIZE = { width: 400, height: 580 };
/** The catalogue loads on install and the sample page reports once it has; allow for a busy machine. */
const READ_TIMEOUT = 15_000;

const welcomeUrl = (harness: ExtensionHarness) => `chrome-extension://${harness.extensionId}/welcome.html`;
const sampleUrl = (harness: ExtensionHarness) => `chrome-extension://${harness.extensionId}/sample-docs.html`;

function tabUrls(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.url ?? tab.pendingUrl ?? ''));
}

/** The welcome tab the install opened (as a Playwright page). */
async function installedWelcomePage(harness: ExtensionHarness): Promise<Page> {
  const url = welcomeUrl(harness);
  await expect.poll(() => harness.context.pages().some((page) => page.url() === url), { message: 'the welcome tab opens on install' }).toBe(true);
  const page = harness.context.pages().find((candidate) => candidate.url() === url)!;
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Docent' })).toBeVisible();
  return page;
}

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations in ${label}`).toEqual([]);
}

type PromptCall = { origins: string[]; userGesture: boolean };
type PromptStub = { calls: PromptCall[] };

/**
 * Replace the browser's permission prompt in `page` (before its scripts run, on every load) by a
 * stand-in that answers `answer` and records each request. See the file's header for why.
 */
async function stubPermissionPrompt(page: Page, answer: boolean): Promise<void> {
  await page.addInitScript((allow) => {
    const stub: PromptStub = { calls: [] };
    (window as unknown as { promptStub: PromptStub }).promptStub = stub;
    chrome.permissions.request = (async (request: { origins?: string[] }) => {
      stub.calls.push({ origins: request.origins ?? [], userGesture: navigator.userActivation.isActive });
      return allow;
    }) as typeof chrome.permissions.request;
  }, answer);
  await page.reload();
}

const promptCalls = (page: Page) => page.evaluate(() => (window as unknown as { promptStub: PromptStub }).promptStub.calls);

test('opens once on install, in its own tab, and says what Docent reads and never sends', async ({ extension }) => {
  const welcome = await installedWelcomePage(extension);
  expect((await tabUrls(extension.serviceWorker)).filter((url) => url === welcomeUrl(extension))).toHaveLength(1);

  const reads = welcome.getByRole('region', { name: 'What Docent reads' });
  await expect(reads).toContainText('the main text of the page you are on');
  await expect(reads).toContainText('on this device');
  await expect(reads).toContainText('What it sends: nothing.');
  await expect(reads).toContainText('there is no Docent server');
});

test('lists the built-in documentation sites and explains why other sites show no badge', async ({ extension }) => {
  const welcome = await installedWelcomePage(extension);
  const sites = welcome.getByRole('region', { name: 'Where Docent reads' });
  const entries = docSiteEntries();
  await expect(sites).toContainText(`only on the ${entries.length} documentation sites listed below`);
  await expect(sites).toContainText('the badge stays empty until you open Docent there');
  const list = sites.getByRole('list', { name: `The ${entries.length} built-in documentation sites` });
  await expect(list).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(entries.length);
  await expect(list.getByRole('listitem').filter({ hasText: 'readthedocs.io' })).toContainText('and subdomains');
  await expect(list.getByRole('listitem').filter({ hasText: 'elastic.co' })).toContainText('/guide, /docs');
  await expect(sites).toContainText('Now: the built-in documentation sites only.');
});

test('“Let Docent read all sites” asks the browser for all sites inside the click; allowed and declined both say so', async ({ extension }) => {
  const welcome = await installedWelcomePage(extension);
  const sites = welcome.getByRole('region', { name: 'Where Docent reads' });

  await stubPermissionPrompt(welcome, false);
  await sites.getByRole('button', { name: 'Let Docent read all sites' }).click();
  await expect(sites.getByRole('status')).toHaveText('Not allowed: Docent keeps to the built-in documentation sites.');
  expect(await promptCalls(welcome)).toEqual([{ origins: ['*://*/*'], userGesture: true }]);
  await expect(sites).toContainText('Now: the built-in documentation sites only.');
  const declared = await extension.serviceWorker.evaluate(() => chrome.permissions.contains({ origins: ['*://*/*'] }));
  expect(declared, 'nothing granted behind the user’s back').toBe(false);

  await stubPermissionPrompt(welcome, true);
  await sites.getByRole('button', { name: 'Let Docent read all sites' }).click();
  await expect(sites.getByRole('status')).toHaveText('Allowed: Docent now reads every site as you browse.');
  expect(await promptCalls(welcome)).toEqual([{ origins: ['*://*/*'], userGesture: true }]);
});

test('shows the grant the browser holds: all sites, with the way back to documentation sites only', async ({ extension }) => {
  const welcome = await installedWelcomePage(extension);
  const sites = welcome.getByRole('region', { name: 'Where Docent reads' });
  // What the background writes from the browser's permission set after permissions.onAdded
  // (syncGrantedSiteScript, tests/unit/sites/granted-site-script.test.ts): the page follows it live.
  await extension.serviceWorker.evaluate(() => chrome.storage.local.set({ grantedSites: ['*://*/*'] }));
  await expect(sites).toContainText('Now: every site, except the never-read ones and those you exclude in the options.');
  await expect(sites.getByRole('button', { name: 'Keep to the documentation sites only' })).toBeVisible();
  await expect(sites.getByRole('button', { name: 'Let Docent read all sites' })).toHaveCount(0);
});

test('the demo: the sample documentation page gets a badge, and the popup shows its related reads with why', async ({ extension }) => {
  const welcome = await installedWelcomePage(extension);
  const opened = extension.context.waitForEvent('page', { predicate: (page) => page.url() === sampleUrl(extension) });
  await welcome.getByRole('button', { name: 'Open the sample documentation page' }).click();
  const sample = await opened;
  await expect(sample.getByRole('heading', { level: 1, name: 'Partitions and replication' })).toBeVisible();

  const tabId = await extension.serviceWorker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id,
    sampleUrl(extension),
  );
  expect(tabId).toBeDefined();
  type Handlers = { tabKeywords(tabId: number): Promise<PageKeywords | undefined> };
  const keywords = () =>
    extension.serviceWorker.evaluate(async (id) => (await (self as unknown as { docentHandlers: Handlers }).docentHandlers.tabKeywords(id)) ?? null, tabId!);
  await expect.poll(async () => (await keywords())?.url, { timeout: READ_TIMEOUT, message: 'the sample page reported its keywords' }).toBe(sampleUrl(extension));
  // The report is the extractor's real output from the page (no canned terms).
  const terms = (await keywords())!.terms.map((term) => term.surface);
  expect(terms).toEqual(expect.arrayContaining(['consistent hashing', 'write-ahead log', 'raft']));

  const badge = () => extension.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId!);
  await expect.poll(badge, { timeout: READ_TIMEOUT, message: 'the sample tab’s badge counts related reads' }).toMatch(/^[1-9]\d*\+?$/);

  const popup = await extension.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tabId=${tabId}`);
  const related = popup.getByRole('list', { name: 'Related reads' }).locator('[data-row]');
  await expect(related.first()).toBeVisible();
  expect(await related.count()).toBe(Number((await badge()).replace('+', '')));
  await expect(related.first()).toContainText('Why:');
});

test('only the sample page’s own report is kept: another Docent page in a tab sending one is ignored', async ({ extension }) => {
  const options = await extension.openPage('options.html');
  const tabId = await extension.serviceWorker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id,
    options.url(),
  );
  await options.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'page-keywords', page: { url: location.href, title: 'Not docs', keywords: [{ term: 'raft', weight: 9 }], extractMs: 1 } }),
  );
  type Handlers = { tabKeywords(tabId: number): Promise<PageKeywords | undefined> };
  const kept = await extension.serviceWorker.evaluate(
    async (id) => (await (self as unknown as { docentHandlers: Handlers }).docentHandlers.tabKeywords(id)) ?? null,
    tabId!,
  );
  expect(kept).toBeNull();
});

test('shows the shortcuts and where to change them; the options page links back here', async ({ extension }) => {
  const welcome = await installedWelcomePage(extension);
  const shortcuts = welcome.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Change them at chrome://extensions/shortcuts.');
  const bound = shortcuts.locator('[data-list="shortcuts"] li');
  await expect(bound.filter({ hasText: 'Alt+Shift+D' })).toHaveCount(1);
  await expect(bound.filter({ hasText: 'Alt+Shift+S' })).toHaveCount(1);
  const shortcutsTab = extension.context.waitForEvent('page');
  await shortcuts.getByRole('button', { name: 'Change shortcuts' }).click();
  await expect.poll(async () => (await tabUrls(extension.serviceWorker)).includes('chrome://extensions/shortcuts')).toBe(true);
  await (await shortcutsTab).close();

  const options = await extension.openPage('options.html');
  const again = extension.context.waitForEvent('page');
  await options.getByRole('button', { name: 'Welcome / how Docent works' }).click();
  const reopened = await again;
  await expect(reopened).toHaveURL(welcomeUrl(extension));
  await expect(reopened.getByRole('heading', { level: 1, name: 'Welcome to Docent' })).toBeVisible();
});

test('a restart and an update open no welcome page; the update leaves one line in the popup until dismissed', async ({ extension }) => {
  await installedWelcomePage(extension);
  // Chromium reports "install" for an unpacked copy at every launch: a plain restart must open nothing.
  await extension.restart();
  await new Promise((resolve) => setTimeout(resolve, 2000)); // onInstalled runs within ms of the worker's start
  expect(await tabUrls(extension.serviceWorker)).not.toContain(welcomeUrl(extension));

  // The update: the same build at the next version.
  const nextBuild = path.join(extension.workDir, 'next-build');
  await cp(extension.extensionDir, nextBuild, { recursive: true });
  const manifestPath = path.join(nextBuild, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string };
  const nextVersion = manifest.version.replace(/\d+$/, (patch) => String(Number(patch) + 1));
  await writeFile(manifestPath, JSON.stringify({ ...manifest, version: nextVersion }));
  await extension.restart({ extensionFrom: nextBuild });

  // onInstalled("update") ran: it left the note…
  await expect
    .poll(() => extension.serviceWorker.evaluate(async () => (await chrome.storage.local.get('whatsNew')).whatsNew ?? null))
    .toBe(nextVersion);
  // …and opened nothing.
  expect(await tabUrls(extension.serviceWorker)).not.toContain(welcomeUrl(extension));

  const popup = await extension.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  const note = popup.locator('[data-notice="whats-new"]');
  await expect(note).toContainText(`Docent ${nextVersion}: a welcome page explains what Docent reads, and where.`);
  await expectNoAxeViolations(popup, 'popup with the update note');
  const welcomeOpens = extension.context.waitForEvent('page');
  await note.getByRole('button', { name: 'How Docent works' }).click();
  await expect(await welcomeOpens).toHaveURL(welcomeUrl(extension));
  await note.getByRole('button', { name: 'Dismiss the update note' }).click();
  await expect(note).toHaveCount(0);
  await popup.reload();
  await expect(popup.getByRole('tab', { name: /^Related/ })).toBeVisible();
  await expect(note).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`welcome and sample pages in ${colorScheme}: no axe violations; writes the README screenshot`, async ({ extension }) => {
    const welcome = await installedWelcomePage(extension);
    await welcome.setViewportSize(WELCOME_SIZE);
    await welcome.emulateMedia({ colorScheme });
    await expect(welcome.locator('[data-list="shortcuts"] li').first()).toBeVisible();
    await expectNoAxeViolations(welcome, `welcome (${colorScheme})`);
    await welcome.screenshot({ path: path.join(SCREENSHOTS_DIR, `welcome-${colorScheme}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });

    const sample = await extension.openPage('sample-docs.html');
    await sample.emulateMedia({ colorScheme });
    await expectNoAxeViolations(sample, `sample documentation page (${colorScheme})`);
  });
}
