/**
 * The toolbar popup as a user drives it (issue 4), in real Chromium with the built extension:
 * related reads with their "why" for a documentation tab, typo-tolerant search, tag facets,
 * saving from the keyboard, the Saved queue (mark read, remove + undo, state kept across
 * reopening), the off-topic and unreadable messages, opening reads from the keyboard, layout and
 * accessibility in light and dark. The last two tests (light, dark) write the README's screenshots.
 *
 * The popup is popup.html opened in a tab at the popup's size and pointed at the fixture tab
 * with `?tabId=N` (a toolbar popup cannot be opened from a test).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, Worker } from '@playwright/test';
import type { Read } from '@/src/catalogue/types';
import type { PageKeywords } from '@/src/keywords/types';
import { openUrlFor, webSearchUrl } from '@/src/ui/web-search';
import { docsTest as test, docsUrl, expect, tabIdOf, type ExtensionHarness } from './fixtures';

// The extension API as the service worker sees it (evaluate() callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

const POPUP_SIZE = { width: 400, height: 580 };
const SCREENSHOTS_DIR = path.resolve('docs/screenshots');
/** The content script reads on idle; the catalogue loads on install. Allow for both on a busy CI machine. */
const READ_TIMEOUT = 15_000;

const catalogue = JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as Read[];
const catalogueById = new Map(catalogue.map((read) => [read.id, read]));

/** Tag spellings the search treats as one (`Event Sourcing` = `event-sourcing`), compared loosely. */
const sameTag = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]/g, '') === b.toLowerCase().replace(/[^a-z0-9]/g, '');

type Handlers = { tabKeywords(tabId: number): Promise<PageKeywords | undefined> };

/** Open a fixture page under the documentation host and wait until the background holds its keywords. */
async function openDocsTab(harness: ExtensionHarness, fixtureFile: string): Promise<{ page: Page; tabId: number }> {
  const page = await harness.context.newPage();
  const url = docsUrl(fixtureFile);
  await page.goto(url);
  const tabId = await tabIdOf(harness.serviceWorker, url);
  await expect
    .poll(() => keywordsUrl(harness.serviceWorker, tabId), { timeout: READ_TIMEOUT, message: `keywords of ${url}` })
    .toBe(url);
  return { page, tabId };
}

function keywordsUrl(serviceWorker: Worker, tabId: number): Promise<string | null> {
  return serviceWorker.evaluate(
    async (id) => (await (self as unknown as { docentHandlers: Handlers }).docentHandlers.tabKeywords(id))?.url ?? null,
    tabId,
  );
}

async function openPopup(harness: ExtensionHarness, tabId: number): Promise<Page> {
  const popup = await harness.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

const viewTab = (popup: Page, name: 'Related' | 'Search' | 'Saved') => popup.getByRole('tab', { name: new RegExp(`^${name}`) });
/** The cards of a list (each card is a row; its tags are a nested list). */
const cardsOf = (list: Locator) => list.locator('[data-row]');
const relatedCards = (popup: Page) => cardsOf(popup.getByRole('list', { name: 'Related reads' }));
const searchCards = (popup: Page) => cardsOf(popup.getByRole('list', { name: 'Search results' }));
const savedCards = (popup: Page) => cardsOf(popup.getByRole('list', { name: 'Saved reads' }));
const searchBox = (popup: Page) => popup.getByRole('searchbox', { name: 'Search reads' });

/** The search's "Matches: N". */
async function matchCount(popup: Page): Promise<number> {
  const text = await popup.getByRole('status').filter({ hasText: /^Matches: \d+$/ }).textContent();
  return Number(text!.replace(/\D/g, ''));
}

async function rowIds(cards: Locator): Promise<string[]> {
  return cards.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row')!));
}

/** Move the keyboard focus down the list until the row for `readId` holds it (↓ from the search box). */
async function arrowDownTo(popup: Page, readId: string): Promise<void> {
  const ids = await rowIds(popup.locator('[data-row]'));
  const index = ids.indexOf(readId);
  expect(index, `${readId} is listed`).toBeGreaterThanOrEqual(0);
  await searchBox(popup).focus();
  for (let step = 0; step <= index; step++) await popup.keyboard.press('ArrowDown');
  await expect(popup.locator(`[data-row="${readId}"] a`).first()).toBeFocused();
}

async function expectNoHorizontalScroll(popup: Page): Promise<void> {
  const overflow = await popup.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (element) => element.getBoundingClientRect().right > root.clientWidth + 0.5,
    );
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 3).map((element) => element.outerHTML.slice(0, 120)) };
  });
  expect(overflow.scrollWidth, 'document scroll width').toBeLessThanOrEqual(overflow.clientWidth);
  expect(overflow.wide, 'elements past the right edge').toEqual([]);
}

async function expectNoAxeViolations(popup: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page: popup }).analyze();
  const summary = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations in ${label}`).toEqual([]);
}

test('Related shows the docs tab’s reads with the page terms each matched', async ({ docsBrowser }) => {
  const { tabId } = await openDocsTab(docsBrowser, 'kafka-design.html');
  const popup = await openPopup(docsBrowser, tabId);

  await expect(viewTab(popup, 'Related')).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByText('Reads for')).toContainText('Design | Apache Kafka Docs');
  const cards = relatedCards(popup);
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(3);
  // Every related read says why, and the page's own subject is among the reasons.
  const reasons = await cards.evaluateAll((rows) => rows.map((row) => row.querySelector('.card-why')?.textContent ?? ''));
  for (const reason of reasons) expect(reason).toMatch(/^Why: \S/);
  expect(reasons.some((reason) => /\bkafka\b/i.test(reason))).toBe(true);
  // Each card carries its title link and meta (source and read time).
  const first = cards.first();
  await expect(first.getByRole('link')).toHaveAttribute('href', /^https:\/\//);
  await expect(first.getByRole('button', { name: 'Save for later' })).toHaveAttribute('aria-pressed', 'false');
});

test('search finds reads through typos and a tag chip filters them', async ({ docsBrowser }) => {
  const { tabId } = await openDocsTab(docsBrowser, 'kafka-design.html');
  const popup = await openPopup(docsBrowser, tabId);
  await expect(relatedCards(popup).first()).toBeVisible();
  await popup.keyboard.press('2');
  await expect(searchBox(popup)).toBeFocused();

  for (const [typo, meant] of [
    ['consistant hashing', /consistent hash/i],
    ['kafak', /kafka/i],
  ] as const) {
    await searchBox(popup).fill('');
    await searchBox(popup).pressSequentially(typo);
    await expect(searchCards(popup).first()).toBeVisible();
    const titles = await searchCards(popup).evaluateAll((rows) => rows.slice(0, 5).map((row) => row.textContent ?? ''));
    expect(titles.some((title) => meant.test(title)), `"${typo}" finds ${meant}`).toBe(true);
    // Matched words are marked in the results.
    await expect(searchCards(popup).locator('mark').first()).toBeVisible();
  }

  // Clicking a tag on a card adds it as a removable chip that narrows the results.
  const unfiltered = await rowIds(searchCards(popup));
  const unfilteredTotal = await matchCount(popup);
  const tagButton = searchCards(popup).first().getByRole('list', { name: 'Tags' }).getByRole('button').first();
  const tag = (await tagButton.textContent())!;
  await tagButton.click();
  const chip = popup.getByRole('list', { name: 'Active filters' }).getByRole('button', { name: `Remove filter Tag: ${tag}` });
  // The chip and the filtered results render together.
  await expect(chip).toBeVisible();
  const filtered = await rowIds(searchCards(popup));
  expect(filtered.length).toBeGreaterThan(0);
  expect(await matchCount(popup)).toBeLessThanOrEqual(unfilteredTotal);
  for (const id of filtered) {
    expect(catalogueById.get(id)!.tags.some((other) => sameTag(other, tag)), `${id} is tagged ${tag}`).toBe(true);
  }

  await chip.click();
  await expect(chip).toBeHidden();
  await expect.poll(() => rowIds(searchCards(popup))).toEqual(unfiltered);

  // A tag on a Related card opens Search browsing that tag, with an empty query.
  await viewTab(popup, 'Related').click();
  const relatedTag = relatedCards(popup).first().getByRole('list', { name: 'Tags' }).getByRole('button').first();
  const relatedTagName = (await relatedTag.textContent())!;
  await relatedTag.click();
  await expect(viewTab(popup, 'Search')).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('button', { name: `Remove filter Tag: ${relatedTagName}` })).toBeVisible();
  await expect(searchCards(popup).first()).toBeVisible();
  await expectNoHorizontalScroll(popup);
});

test('save with the keyboard, mark read, remove and undo; the queue survives reopening the popup', async ({ docsBrowser }) => {
  const { tabId } = await openDocsTab(docsBrowser, 'kafka-design.html');
  let popup = await openPopup(docsBrowser, tabId);
  const savedTab = viewTab(popup, 'Saved');
  await expect(relatedCards(popup).first()).toBeVisible();
  await expect(savedTab).toHaveAccessibleName('Saved');

  // From the tab list, ↓ enters the list; `s` saves the focused read.
  await viewTab(popup, 'Related').focus();
  await popup.keyboard.press('ArrowDown');
  const [readId] = await rowIds(relatedCards(popup));
  const card = popup.locator(`[data-row="${readId}"]`);
  await expect(card.getByRole('link')).toBeFocused();
  const title = (await card.getByRole('link').textContent())!;
  await popup.keyboard.press('s');
  await expect(card.getByRole('button', { name: 'Save for later' })).toHaveAttribute('aria-pressed', 'true');
  await expect(savedTab).toHaveAccessibleName('Saved 1');

  await popup.keyboard.press('3');
  await expect(savedTab).toHaveAttribute('aria-selected', 'true');
  const minutes = catalogueById.get(readId!)!.readMinutes;
  await expect(popup.getByRole('status').filter({ hasText: 'Unread:' })).toHaveText(
    minutes ? `Unread: 1 · about ${minutes} min` : 'Unread: 1',
  );
  await expect(savedCards(popup)).toHaveCount(1);
  await expect(savedCards(popup).first().getByRole('link')).toHaveText(title);

  // Mark read: it leaves the unread list and shows under Read.
  await savedCards(popup).first().getByRole('button', { name: 'Read', exact: true }).click();
  await expect(popup.getByText('All caught up').first()).toBeVisible();
  await expect(savedTab).toHaveAccessibleName('Saved');
  await popup.getByRole('button', { name: 'Read 1' }).click();
  await expect(savedCards(popup).first().getByRole('button', { name: 'Read', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Remove, then Undo puts it back as it was.
  await savedCards(popup).first().getByRole('button', { name: 'Remove from saved' }).click();
  await expect(savedCards(popup)).toHaveCount(0);
  await expect(popup.getByRole('status').filter({ hasText: `Removed “${title}”` })).toBeVisible();
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect(savedCards(popup)).toHaveCount(1);
  await expect(savedCards(popup).first().getByRole('button', { name: 'Read', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Close and reopen: the queue is in IndexedDB, and Related shows the read as saved.
  await popup.close();
  popup = await openPopup(docsBrowser, tabId);
  await expect(popup.locator(`[data-row="${readId}"]`).getByRole('button', { name: 'Save for later' })).toHaveAttribute('aria-pressed', 'true');
  await popup.keyboard.press('3');
  await expect(popup.getByRole('button', { name: 'Read 1' })).toBeVisible();
  await popup.getByRole('button', { name: 'Read 1' }).click();
  await expect(savedCards(popup).first().getByRole('link')).toHaveText(title);
});

test('“Save this page” saves the docs page itself into the queue, and a second click takes it out', async ({ docsBrowser }) => {
  const { tabId } = await openDocsTab(docsBrowser, 'kafka-design.html');
  const popup = await openPopup(docsBrowser, tabId);
  const savePage = popup.getByRole('button', { name: 'Save this page' });
  await expect(savePage).toHaveAttribute('aria-pressed', 'false');
  await savePage.click();
  await expect(savePage).toHaveAttribute('aria-pressed', 'true');
  await expect(viewTab(popup, 'Saved')).toHaveAccessibleName('Saved 1');

  await popup.keyboard.press('3');
  await expect(savedCards(popup)).toHaveCount(1);
  await expect(savedCards(popup).first().getByRole('link')).toHaveAttribute('href', docsUrl('kafka-design.html'));

  await popup.keyboard.press('1');
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await expect(popup.getByRole('button', { name: 'Save this page' })).toHaveAttribute('aria-pressed', 'false');
  await expect(viewTab(popup, 'Saved')).toHaveAccessibleName('Saved');
});

test('an off-topic page says so and focuses search; a browser page is plainly unreadable', async ({ docsBrowser }) => {
  const { tabId } = await openDocsTab(docsBrowser, 'offtopic-css-grid.html');
  const popup = await openPopup(docsBrowser, tabId);
  await expect(viewTab(popup, 'Search')).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByText("This page doesn't look architecture-related.")).toBeVisible();
  await expect(searchBox(popup)).toBeFocused();
  await viewTab(popup, 'Related').click();
  await expect(popup.getByRole('status').filter({ hasText: "This page doesn't look architecture-related." })).toBeVisible();

  const browserPage = await docsBrowser.context.newPage();
  await browserPage.goto('chrome://version');
  const browserTabId = await docsBrowser.serviceWorker.evaluate(async () => (await chrome.tabs.query({ url: 'chrome://version/' }))[0]?.id);
  expect(browserTabId).toBeDefined();
  const unreadable = await openPopup(docsBrowser, browserTabId!);
  await expect(viewTab(unreadable, 'Related')).toHaveAttribute('aria-selected', 'true');
  await expect(unreadable.getByRole('status').filter({ hasText: "Docent can't read this page" })).toBeVisible();
  await expect(unreadable.getByRole('button', { name: 'Search the catalogue' })).toBeVisible();
});

test('↑/↓ and Enter open a read: its URL in a new tab, or a web search for a read without one', async ({ docsBrowser }) => {
  // The opened tabs go nowhere real: answer them locally.
  await docsBrowser.context.route(/^https:\/\//, (route) => route.fulfill({ contentType: 'text/html', body: '<title>stub</title>' }));
  const { tabId } = await openDocsTab(docsBrowser, 'kafka-design.html');
  const popup = await openPopup(docsBrowser, tabId);
  await expect(relatedCards(popup).first()).toBeVisible();
  const [firstId, secondId] = await rowIds(relatedCards(popup));

  await viewTab(popup, 'Related').focus();
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await expect(popup.locator(`[data-row="${secondId}"] a`).first()).toBeFocused();
  await popup.keyboard.press('ArrowUp');
  await expect(popup.locator(`[data-row="${firstId}"] a`).first()).toBeFocused();
  const opened = docsBrowser.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const readTab = await opened;
  await readTab.waitForLoadState();
  expect(readTab.url()).toBe(openUrlFor(catalogueById.get(firstId!)!, 'duckduckgo'));

  // A listing entry (whatever Related listed first may have been one) has no URL: Enter searches the web for its exact title and source.
  const urlless = catalogue.find((read) => read.url === null && read.source)!;
  await popup.bringToFront();
  await popup.keyboard.press('2');
  await searchBox(popup).fill(urlless.title);
  await expect(popup.locator(`[data-row="${urlless.id}"]`)).toBeVisible();
  await expect(popup.locator(`[data-row="${urlless.id}"]`).getByText('Search the web')).toBeVisible();
  await arrowDownTo(popup, urlless.id);
  const searched = docsBrowser.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const searchTab = await searched;
  await searchTab.waitForLoadState();
  expect(searchTab.url()).toBe(webSearchUrl(urlless, 'duckduckgo'));
  expect(new URL(searchTab.url()).searchParams.get('q')).toBe(`"${urlless.title.replace(/"/g, '')}" ${urlless.source}`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`each view in ${colorScheme}: no axe violations, no horizontal scroll; writes the README screenshots`, async ({ docsBrowser }) => {
    const { tabId } = await openDocsTab(docsBrowser, 'kafka-design.html');
    const popup = await openPopup(docsBrowser, tabId);
    await popup.emulateMedia({ colorScheme });
    await expect(relatedCards(popup).first()).toBeVisible();
    // Something in the queue: the first three related reads, the third already read.
    for (const card of (await relatedCards(popup).all()).slice(0, 3)) {
      await card.getByRole('button', { name: 'Save for later' }).click();
      await expect(card.getByRole('button', { name: 'Save for later' })).toHaveAttribute('aria-pressed', 'true');
    }
    await popup.keyboard.press('3');
    await savedCards(popup).first().getByRole('button', { name: 'Read', exact: true }).click();
    await expect(savedCards(popup)).toHaveCount(2);
    await popup.keyboard.press('2');
    await searchBox(popup).fill('consistent hashing');
    await expect(searchCards(popup).first()).toBeVisible();

    const shows: Record<'related' | 'search' | 'saved', () => Promise<void>> = {
      related: async () => {
        await viewTab(popup, 'Related').click();
        await expect(relatedCards(popup).first()).toBeVisible();
      },
      search: async () => {
        await viewTab(popup, 'Search').click();
        await expect(searchCards(popup).first()).toBeVisible();
        await searchBox(popup).focus();
      },
      saved: async () => {
        await viewTab(popup, 'Saved').click();
        await expect(savedCards(popup)).toHaveCount(2);
      },
    };
    for (const [view, show] of Object.entries(shows)) {
      await show();
      await expectNoHorizontalScroll(popup);
      await expectNoAxeViolations(popup, `${view} (${colorScheme})`);
      await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, `${view}-${colorScheme}.png`), animations: 'disabled', caret: 'hide' });
    }
  });
}
