/**
 * The reader's loop (issue 14, items 1–3), in real Chromium with the built extension: a card's
 * summary clamped and expanded in place (mouse and keyboard, popup and side panel); More like this
 * from Search, Related, Saved and the side panel, with its "why", followed two steps deep and left
 * with Esc back to the focused read; notes added, edited and cancelled in Saved, stored and
 * exported; the Saved filter (text, tag) and the three orders. The More like this screenshots for
 * the README are written here (light and dark).
 *
 * The popup is popup.html opened in a tab at the popup's size and pointed at the fixture tab with
 * `?tabId=N`, as in popup.spec.ts. The queue is read back with raw IndexedDB in the service worker.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Read } from '@/src/catalogue/types';
import type { PageKeywords } from '@/src/keywords/types';
import type { QueueItem } from '@/src/queue/types';
import { NOTE_MAX_LENGTH } from '@/src/queue/rules';
import { docsTest as test, docsUrl, expect, tabIdOf, type ExtensionHarness } from './fixtures';
import { idb, storedQueue, waitForCatalogue } from './raw-storage';

const POPUP_SIZE = { width: 400, height: 580 };
/** Chrome's side panel opens at about this width. */
const SIDE_PANEL_SIZE = { width: 360, height: 800 };
const SCREENSHOTS_DIR = path.resolve('docs/screenshots');
const READ_TIMEOUT = 15_000;

const catalogue = JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as Read[];
const catalogueById = new Map(catalogue.map((read) => [read.id, read]));
/** "Uniform Consistent Hashing (used at Netflix)": the example of a mechanism to follow elsewhere. */
const NETFLIX_HASHING = catalogue.find((read) => /^Uniform Consistent Hashing \(used at Netflix\)$/.test(read.title))!;
const VIMEO_HASHING = catalogue.find((read) => /Consistent Hashing to Improve Load Balancing at Vimeo/.test(read.title))!;

type Handlers = { tabKeywords(tabId: number): Promise<PageKeywords | undefined> };

async function openDocsTab(harness: ExtensionHarness, fixtureFile: string): Promise<number> {
  const page = await harness.context.newPage();
  const url = docsUrl(fixtureFile);
  await page.goto(url);
  const tabId = await tabIdOf(harness.serviceWorker, url);
  await expect
    .poll(
      () =>
        harness.serviceWorker.evaluate(
          async (id) => (await (self as unknown as { docentHandlers: Handlers }).docentHandlers.tabKeywords(id))?.url ?? null,
          tabId,
        ),
      { timeout: READ_TIMEOUT, message: `keywords of ${url}` },
    )
    .toBe(url);
  return tabId;
}

async function openPopup(harness: ExtensionHarness, tabId: number): Promise<Page> {
  const popup = await harness.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

const viewTab = (popup: Page, name: 'Related' | 'Search' | 'Saved') => popup.getByRole('tab', { name: new RegExp(`^${name}`) });
const cardsOf = (list: Locator) => list.locator('[data-row]');
const relatedCards = (page: Page) => cardsOf(page.getByRole('list', { name: 'Related reads' }));
const searchCards = (popup: Page) => cardsOf(popup.getByRole('list', { name: 'Search results' }));
const savedCards = (popup: Page) => cardsOf(popup.getByRole('list', { name: 'Saved reads' }));
const moreLikeThisCards = (page: Page) => cardsOf(page.getByRole('list', { name: 'More like this' }));
const searchBox = (popup: Page) => popup.getByRole('searchbox', { name: 'Search reads' });
const row = (page: Page, id: string) => page.locator(`[data-row="${id}"]`);
const rowIds = (cards: Locator) => cards.evaluateAll((rows) => rows.map((element) => element.getAttribute('data-row')!));

/** Search for `read` by its title and put keyboard focus on its card (↓ from the search box). */
async function focusSearchHit(popup: Page, read: Read): Promise<void> {
  await viewTab(popup, 'Search').click();
  await searchBox(popup).fill(read.title);
  await expect(row(popup, read.id)).toBeVisible();
  const index = (await rowIds(searchCards(popup))).indexOf(read.id);
  await searchBox(popup).focus();
  for (let step = 0; step <= index; step++) await popup.keyboard.press('ArrowDown');
  await expect(row(popup, read.id).locator('[data-primary]')).toBeFocused();
}

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`), label).toEqual([]);
}

/** Height of an element in lines of its own line height. */
const linesOf = (locator: Locator) =>
  locator.evaluate((element) => element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight));

// ---------- 1. Decide from the card ----------

test('a card’s summary is clamped to two lines and expands in place, by mouse and by E, in the popup and the side panel', async ({ docsBrowser }) => {
  const tabId = await openDocsTab(docsBrowser, 'kafka-design.html');
  const popup = await openPopup(docsBrowser, tabId);
  await expect(relatedCards(popup).first()).toBeVisible();

  // Related cards now carry their summary; a long one is clamped with a "More" toggle.
  const withToggle = relatedCards(popup).filter({ has: popup.locator('[data-expand]') }).first();
  await expect(withToggle).toBeVisible();
  const id = (await withToggle.getAttribute('data-row'))!;
  const summary = withToggle.locator('.card-summary');
  await expect(summary).toHaveText(catalogueById.get(id)!.summary!);
  const toggle = withToggle.getByRole('button', { name: `Whole summary of “${catalogueById.get(id)!.title}”` });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toHaveText('More');
  expect(await linesOf(summary)).toBeLessThanOrEqual(2.05);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveText('Less');
  expect(await linesOf(summary)).toBeGreaterThan(2.05);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // Keyboard: E on the focused read expands its summary; the toggle is also a tab stop of its own.
  await withToggle.locator('[data-primary]').focus();
  await popup.keyboard.press('e');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.focus();
  await popup.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // Search shows the same card (same component, same behaviour).
  await focusSearchHit(popup, catalogueById.get(id)!);
  await popup.keyboard.press('e');
  await expect(row(popup, id).locator('[data-expand]')).toHaveAttribute('aria-expanded', 'true');

  // The side panel too, at a side panel's width.
  const panel = await docsBrowser.context.newPage();
  await panel.setViewportSize(SIDE_PANEL_SIZE);
  await panel.goto(`chrome-extension://${docsBrowser.extensionId}/sidepanel.html?tabId=${tabId}`);
  const panelCard = relatedCards(panel).filter({ has: panel.locator('[data-expand]') }).first();
  await expect(panelCard).toBeVisible();
  const panelToggle = panelCard.locator('[data-expand]');
  await panelCard.locator('[data-primary]').focus();
  await panel.keyboard.press('e');
  await expect(panelToggle).toHaveAttribute('aria-expanded', 'true');
  expect(await linesOf(panelCard.locator('.card-summary'))).toBeGreaterThan(2.05);
});

// ---------- 2. More like this ----------

test('More like this follows a mechanism from read to read, says why, and Esc goes back to the focused read', async ({ docsBrowser }) => {
  const tabId = await openDocsTab(docsBrowser, 'kafka-design.html');
  const popup = await openPopup(docsBrowser, tabId);
  await expect(relatedCards(popup).first()).toBeVisible();

  // M on the focused Netflix read opens its neighbours: consistent hashing elsewhere (Vimeo), each with a why.
  await focusSearchHit(popup, NETFLIX_HASHING);
  await popup.keyboard.press('m');
  await expect(popup.getByRole('heading', { name: `More like this Reads like “${NETFLIX_HASHING.title}”` })).toBeVisible();
  await expect(moreLikeThisCards(popup).first()).toBeVisible();
  const neighbours = await rowIds(moreLikeThisCards(popup));
  expect(neighbours.length).toBeGreaterThanOrEqual(3);
  expect(neighbours, 'never the read itself').not.toContain(NETFLIX_HASHING.id);
  expect(neighbours).toContain(VIMEO_HASHING.id);
  const reasons = await moreLikeThisCards(popup).evaluateAll((rows) => rows.map((element) => element.querySelector('.card-why')?.textContent ?? ''));
  for (const reason of reasons) expect(reason).toMatch(/^Why: \S/);
  await expect(row(popup, VIMEO_HASHING.id).locator('.card-why')).toHaveText(/consistent hashing/);
  // Best first: the list is in the background's order, and the first read is what focus moves to.
  await expect(moreLikeThisCards(popup).first().locator('[data-primary]')).toBeFocused();
  // The view underneath is hidden, not gone: its rows are not reachable by the arrows meanwhile.
  await expect(searchBox(popup)).toBeHidden();

  // Follow the thread one step further, from the Vimeo read.
  const vimeoIndex = neighbours.indexOf(VIMEO_HASHING.id);
  for (let step = 0; step < vimeoIndex; step++) await popup.keyboard.press('ArrowDown');
  await expect(row(popup, VIMEO_HASHING.id).locator('[data-primary]')).toBeFocused();
  await popup.keyboard.press('m');
  await expect(popup.getByRole('heading', { name: `More like this Reads like “${VIMEO_HASHING.title}”` })).toBeVisible();
  await expect(moreLikeThisCards(popup).first()).toBeVisible();
  await expect(popup.getByText('Esc back')).toBeVisible();

  // Esc: one step back, focus on the read the step was opened from; Esc again: Search as it was.
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('heading', { name: `More like this Reads like “${NETFLIX_HASHING.title}”` })).toBeVisible();
  await expect(row(popup, VIMEO_HASHING.id).locator('[data-primary]')).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(searchBox(popup)).toBeVisible();
  await expect(searchBox(popup)).toHaveValue(NETFLIX_HASHING.title);
  await expect(row(popup, NETFLIX_HASHING.id).locator('[data-primary]')).toBeFocused();

  // From Related with the mouse; Back returns to Related with focus on the button used.
  await viewTab(popup, 'Related').click();
  const firstRelated = relatedCards(popup).first();
  const firstRelatedId = (await firstRelated.getAttribute('data-row'))!;
  await firstRelated.getByRole('button', { name: 'More like this' }).click();
  await expect(moreLikeThisCards(popup).first()).toBeVisible();
  expect(await rowIds(moreLikeThisCards(popup))).not.toContain(firstRelatedId);
  await popup.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(firstRelated.getByRole('button', { name: 'More like this' })).toBeFocused();

  // From Saved: a saved read (a snapshot without summary) gets the same neighbours as its catalogue read.
  await row(popup, firstRelatedId).getByRole('button', { name: 'Save for later' }).click();
  await expect(viewTab(popup, 'Saved')).toHaveAccessibleName('Saved 1');
  await popup.keyboard.press('3');
  await savedCards(popup).first().locator('[data-primary]').focus();
  await popup.keyboard.press('m');
  await expect(moreLikeThisCards(popup).first()).toBeVisible();
  const fromSaved = await rowIds(moreLikeThisCards(popup));
  await popup.keyboard.press('Escape');
  await expect(savedCards(popup).first().locator('[data-primary]')).toBeFocused();
  await viewTab(popup, 'Related').click();
  await relatedCards(popup).first().getByRole('button', { name: 'More like this' }).click();
  await expect(moreLikeThisCards(popup).first()).toBeVisible();
  expect(await rowIds(moreLikeThisCards(popup))).toEqual(fromSaved);

  // The side panel: M and Esc work there too.
  const panel = await docsBrowser.openPage(`sidepanel.html?tabId=${tabId}`);
  const panelFirst = relatedCards(panel).first();
  await expect(panelFirst).toBeVisible();
  await panelFirst.locator('[data-primary]').focus();
  await panel.keyboard.press('m');
  await expect(moreLikeThisCards(panel).first()).toBeVisible();
  await expect(relatedCards(panel).first()).toBeHidden();
  await panel.keyboard.press('Escape');
  await expect(panelFirst.locator('[data-primary]')).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`More like this in ${colorScheme}: no axe violations; writes the README screenshot`, async ({ docsBrowser }) => {
    const tabId = await openDocsTab(docsBrowser, 'kafka-design.html');
    const popup = await openPopup(docsBrowser, tabId);
    await popup.emulateMedia({ colorScheme });
    await expect(relatedCards(popup).first()).toBeVisible();
    await focusSearchHit(popup, NETFLIX_HASHING);
    await popup.keyboard.press('m');
    await expect(moreLikeThisCards(popup).first()).toBeVisible();
    await expectNoAxeViolations(popup, `More like this (${colorScheme})`);
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, `more-like-this-${colorScheme}.png`), animations: 'disabled', caret: 'hide' });
  });
}

// ---------- 3. Notes and order in Saved ----------

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 15, 9);

function queueItem(fields: Partial<QueueItem> & Pick<QueueItem, 'id' | 'title' | 'position'>): QueueItem {
  return {
    readId: fields.id,
    url: `https://engineering.example.com/${fields.id}`,
    source: 'engineering.example.com',
    tags: [],
    readMinutes: null,
    addedAt: T0,
    state: 'unread',
    readAt: null,
    note: '',
    updatedAt: T0,
    ...fields,
  };
}

/** Own order (position), date added and reading time all disagree, so each sort shows. */
const SEEDED: QueueItem[] = [
  queueItem({ id: 'raft', title: 'Raft explained', position: 1, addedAt: T0 + 1 * DAY, readMinutes: 30, tags: ['consensus', 'raft'] }),
  queueItem({ id: 'ring', title: 'Consistent hashing rings', position: 2, addedAt: T0 + 3 * DAY, readMinutes: 5, tags: ['consistent hashing'], note: 'virtual nodes part' }),
  queueItem({ id: 'log', title: 'The Log', position: 3, addedAt: T0 + 2 * DAY, readMinutes: 12, tags: ['Event Sourcing', 'kafka'] }),
  queueItem({ id: 'cdc', title: 'Change data capture at scale', position: 4, addedAt: T0 + 4 * DAY, readMinutes: null, tags: ['event-sourcing'] }),
];

async function openSeededSaved(harness: ExtensionHarness, items: readonly QueueItem[]): Promise<Page> {
  await waitForCatalogue(harness.serviceWorker);
  await idb(harness.serviceWorker, { op: 'put', store: 'queue', values: [...items] });
  const popup = await harness.openPage('popup.html');
  await popup.setViewportSize(POPUP_SIZE);
  await viewTab(popup, 'Saved').click();
  await expect(savedCards(popup)).toHaveCount(items.length);
  return popup;
}

const storedNote = async (harness: ExtensionHarness, id: string) => (await storedQueue(harness.serviceWorker)).find((item) => item.id === id)?.note;

test('notes: add with Enter, edit and save on blur, Esc cancels, capped at 280, exported', async ({ docsBrowser }) => {
  const popup = await openSeededSaved(docsBrowser, SEEDED);
  const raft = row(popup, 'raft');
  const noteField = raft.getByRole('textbox', { name: 'Note on “Raft explained”' });

  // Add from the keyboard: N on the focused read opens the field; Enter saves.
  await raft.locator('[data-primary]').focus();
  await popup.keyboard.press('n');
  await expect(noteField).toBeFocused();
  await expect(raft.getByText('Enter saves · Esc cancels')).toBeVisible();
  await popup.keyboard.type('Compare with Paxos');
  await expect(raft.getByText(`18/${NOTE_MAX_LENGTH}`)).toBeVisible();
  await popup.keyboard.press('Enter');
  await expect(noteField).toBeHidden();
  await expect(raft.locator('.card-note')).toHaveText('Compare with Paxos');
  await expect.poll(() => storedNote(docsBrowser, 'raft')).toBe('Compare with Paxos');
  await expect(raft.getByRole('button', { name: 'Edit note: Compare with Paxos' })).toBeFocused();

  // Edit with the mouse; leaving the field (a click elsewhere) saves.
  await raft.getByRole('button', { name: 'Edit note: Compare with Paxos' }).click();
  await expect(noteField).toHaveValue('Compare with Paxos');
  await popup.keyboard.type(', section 5');
  await popup.locator('.saved-summary').click();
  await expect(raft.locator('.card-note')).toHaveText('Compare with Paxos, section 5');
  await expect.poll(() => storedNote(docsBrowser, 'raft')).toBe('Compare with Paxos, section 5');

  // Esc cancels: nothing stored changes, and focus goes back to the note button.
  await raft.getByRole('button', { name: /^Edit note:/ }).click();
  await noteField.fill('this should not stay');
  await popup.keyboard.press('Escape');
  await expect(noteField).toBeHidden();
  await expect(raft.locator('.card-note')).toHaveText('Compare with Paxos, section 5');
  await expect(raft.getByRole('button', { name: /^Edit note:/ })).toBeFocused();
  expect(await storedNote(docsBrowser, 'raft')).toBe('Compare with Paxos, section 5');
  // Esc inside the field did not also leave or clear anything else.
  await expect(viewTab(popup, 'Saved')).toHaveAttribute('aria-selected', 'true');

  // The queue rules' cap: the field takes 280 characters at most, and so does storage.
  const ring = row(popup, 'ring');
  await ring.getByRole('button', { name: 'Edit note: virtual nodes part' }).click();
  const ringField = ring.getByRole('textbox');
  await ringField.fill('x'.repeat(NOTE_MAX_LENGTH + 20));
  await expect(ringField).toHaveValue('x'.repeat(NOTE_MAX_LENGTH));
  await popup.keyboard.press('Enter');
  await expect.poll(() => storedNote(docsBrowser, 'ring')).toBe('x'.repeat(NOTE_MAX_LENGTH));

  // Shift+Enter is a new line, not a save.
  const log = row(popup, 'log');
  await log.getByRole('button', { name: 'Add note' }).click();
  await expect(log.getByRole('textbox')).toBeFocused();
  await popup.keyboard.type('first');
  await popup.keyboard.press('Shift+Enter');
  await popup.keyboard.type('second');
  await popup.keyboard.press('Enter');
  await expect.poll(() => storedNote(docsBrowser, 'log')).toBe('first\nsecond');

  // Exported as today: JSON carries every field, Markdown the note text.
  const exportGroup = popup.getByRole('group', { name: 'Export your queue as a file' });
  const download = async (name: string) => {
    const [file] = await Promise.all([popup.waitForEvent('download'), exportGroup.getByRole('button', { name }).click()]);
    return readFile((await file.path())!, 'utf8');
  };
  const json = JSON.parse(await download('JSON')) as { items: QueueItem[] };
  expect(json.items.find((item) => item.id === 'raft')?.note).toBe('Compare with Paxos, section 5');
  expect(json.items.find((item) => item.id === 'log')?.note).toBe('first\nsecond');
  const markdown = await download('Markdown');
  expect(markdown).toContain('Compare with Paxos, section 5');
});

test('Saved filters by text (title, note, tag) and by tag, and sorts by your order, date added and reading time', async ({ docsBrowser }) => {
  const popup = await openSeededSaved(docsBrowser, SEEDED);
  const ids = () => rowIds(savedCards(popup));
  const sort = popup.getByRole('combobox', { name: 'Sort by' });
  const tag = popup.getByRole('combobox', { name: 'Tag' });
  const filter = popup.getByRole('searchbox', { name: 'Filter saved reads' });

  // Your own order is the default, with the reorder grips; the other orders have none.
  await expect(sort).toHaveValue('manual');
  expect(await ids()).toEqual(['raft', 'ring', 'log', 'cdc']);
  await expect(popup.locator('.drag-handle')).toHaveCount(4);
  await sort.selectOption({ label: 'Date added' });
  await expect.poll(ids).toEqual(['cdc', 'ring', 'log', 'raft']);
  await expect(popup.locator('.drag-handle')).toHaveCount(0);
  // Alt+↓ does not reorder a list that is not in your order.
  await row(popup, 'cdc').locator('[data-primary]').focus();
  await popup.keyboard.press('Alt+ArrowDown');
  await expect.poll(ids).toEqual(['cdc', 'ring', 'log', 'raft']);
  await sort.selectOption({ label: 'Reading time' });
  await expect.poll(ids).toEqual(['ring', 'log', 'raft', 'cdc']); // unknown length last
  await sort.selectOption({ label: 'Your order' });
  await expect.poll(ids).toEqual(['raft', 'ring', 'log', 'cdc']);
  // Alt+↓ in your order still moves the read, and the new order is stored.
  await row(popup, 'raft').locator('[data-primary]').focus();
  await popup.keyboard.press('Alt+ArrowDown');
  await expect.poll(ids).toEqual(['ring', 'raft', 'log', 'cdc']);

  // Text: every word, anywhere in title, note or tags.
  await filter.fill('hashing');
  await expect.poll(ids).toEqual(['ring']);
  await filter.fill('virtual nodes');
  await expect.poll(ids).toEqual(['ring']);
  await filter.fill('kafka');
  await expect.poll(ids).toEqual(['log']);
  await filter.fill('nothing like this');
  await expect(popup.getByText('No saved read matches')).toBeVisible();
  // Esc in the filter clears it.
  await filter.focus();
  await popup.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  await expect.poll(ids).toEqual(['ring', 'raft', 'log', 'cdc']);

  // Tag: spellings of one tag are one choice (Event Sourcing = event-sourcing), with its count.
  await expect(tag.locator('option')).toHaveText(['All tags', 'Event Sourcing (2)', 'consensus (1)', 'consistent hashing (1)', 'kafka (1)', 'raft (1)']);
  await tag.selectOption({ label: 'Event Sourcing (2)' });
  await expect.poll(ids).toEqual(['log', 'cdc']);
  // Filters combine, and combine with the orders.
  await sort.selectOption({ label: 'Date added' });
  await expect.poll(ids).toEqual(['cdc', 'log']);
  await filter.fill('log');
  await expect.poll(ids).toEqual(['log']);
  await tag.selectOption({ label: 'All tags' });
  await filter.fill('');
  await expect.poll(ids).toEqual(['cdc', 'ring', 'log', 'raft']);

  await expectNoAxeViolations(popup, 'Saved with filter and sort');
  // The README's picture of Saved with a note, sorted by date added.
  await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await popup.locator('.saved-header').first().scrollIntoViewIfNeeded();
  await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'saved-notes-light.png'), animations: 'disabled', caret: 'hide' });
  const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scroll').toBeLessThanOrEqual(0);
});
