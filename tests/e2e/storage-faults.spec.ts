/**
 * Storage faults in real Chromium with the built extension (issue 8). What is real and what is
 * injected:
 *
 * - Disk full: Chromium gives an extension no way to shrink its quota (CDP
 *   Storage.overrideQuotaForOrigin is accepted for the chrome-extension:// origin but not applied,
 *   with or without `unlimitedStorage`: a 5 MB write still commits), so the QuotaExceededError is
 *   thrown by IDBObjectStore.prototype.put, patched in the realm that writes (the service worker,
 *   for the catalogue and for the queue edits the popup asks of it). Everything above it is real: Chromium's
 *   IndexedDB rolls the transaction back, the built code records and shows the problem and retries.
 * - A blocked schema upgrade and connections closed under a live worker and popup are real: a
 *   page of the extension's origin holds a raw IndexedDB connection, or asks for a newer version.
 *
 * What is stored is read back with raw IndexedDB in the service worker, so the checks are on what
 * the browser kept, not on what Docent's code says it kept.
 */
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';
import { toStoredRead } from '@/src/db/tables/reads';
import { v1 } from '@/src/db/migrations/v1';
import { latestSchemaVersion } from '@/src/db/migrations';
import { BUILT_EXTENSION_DIR, DOCS_HOST, docsTest, docsUrl, expect, launchWithDocsHosts, tabIdOf, test, type ExtensionHarness } from './fixtures';
import { bundledVersion, byId, idb, storedMeta, storedQueue, waitForCatalogue } from './raw-storage';

const bundledReads = JSON.parse(readFileSync('assets/catalogue.json', 'utf8')) as Read[];

/** Dexie stores schema version N as IndexedDB version N × 10. */
const DEXIE_VERSION_FACTOR = 10;
const POPUP_SIZE = { width: 400, height: 580 };

const MESSAGES = {
  catalogueFull: 'Not enough disk space to load the catalogue. Free some space; Docent will retry.',
  queueFull: 'Not enough disk space to save to your queue. Your saved reads are safe; free some space and try again.',
  upgradeBlocked: 'Docent is updating its storage and waits for another Docent window to close.',
};

function queueItem(id: string, position: number, fields: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    readId: null,
    title: `Queued ${id}`,
    url: `https://example.org/${id}`,
    source: 'example.org',
    tags: ['kafka'],
    readMinutes: 7,
    addedAt: 1_760_000_000_000 + position,
    state: 'unread',
    readAt: null,
    position,
    note: `note ${id}`,
    updatedAt: 1_760_000_000_000 + position,
    ...fields,
  };
}
/** Unread, so the Saved view (unread first) lists them all. */
const SEEDED = [queueItem('page:seeded-1', 1), queueItem('page:seeded-2', 2, { note: '' })];

// ---------- A full disk, injected in the realm that writes ----------

type FaultCounts = { attempted: number; faults: number };
type FaultRealm = typeof globalThis & { docentDiskFull?: FaultCounts & { free(): void } };

/** Makes every put into `storeName` in this realm fail with QuotaExceededError; counts attempts and faults. */
function fillDisk(storeName: string): void {
  const realm = globalThis as FaultRealm;
  const put = IDBObjectStore.prototype.put;
  const counts = { attempted: 0, faults: 0 };
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name !== storeName) return put.apply(this, args);
    counts.attempted++;
    counts.faults++;
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  realm.docentDiskFull = Object.assign(counts, { free: () => void (IDBObjectStore.prototype.put = put) });
}
function freeDisk(): FaultCounts {
  const realm = globalThis as FaultRealm;
  realm.docentDiskFull!.free();
  const { attempted, faults } = realm.docentDiskFull!;
  return { attempted, faults };
}

// ---------- The pages ----------

async function openPopup(harness: ExtensionHarness, query = ''): Promise<Page> {
  const popup = await harness.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html${query}`);
  return popup;
}
const notice = (page: Page, kind: string) => page.locator(`[data-storage-problem="${kind}"]`);
const relatedCards = (popup: Page) => popup.getByRole('list', { name: 'Related reads' }).locator('[data-row]');
const savedCards = (popup: Page) => popup.getByRole('list', { name: 'Saved reads' }).locator('[data-row]');

/** A page of the extension's origin that runs no Docent code: somewhere to hold raw connections. */
const openBarePage = (harness: ExtensionHarness) => harness.openPage('manifest.json');

/** Console errors and uncaught exceptions of a page, to show that a fault handled is not a fault reported. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

// ---------- Disk full ----------

docsTest.describe('disk full', () => {
  docsTest('while the catalogue installs: nothing is stored, the popup says why, and the next popup loads it once space is freed', async ({ fixtureServer }) => {
    // Install with the catalogue's version file missing, so the first load fails before the disk fault is armed.
    const buildCopy = await mkdtemp(path.join(tmpdir(), 'docent-faults-'));
    await cp(BUILT_EXTENSION_DIR, buildCopy, { recursive: true });
    const versionFile = (await readdir(path.join(buildCopy, 'assets'))).find((name) => /^catalogue-meta.*\.json$/.test(name))!;
    await rename(path.join(buildCopy, 'assets', versionFile), path.join(buildCopy, 'assets', `${versionFile}.hidden`));
    const harness = await launchWithDocsHosts(fixtureServer, [DOCS_HOST], buildCopy);
    try {
      const worker = harness.serviceWorker;
      await expect.poll(() => storedMeta(worker, 'catalogueProblem')).toMatchObject({ reason: 'failed', version: null });
      await idb(worker, { op: 'put', store: 'queue', values: SEEDED });

      await worker.evaluate(fillDisk, 'reads');
      await cp(path.join(BUILT_EXTENSION_DIR, 'assets', versionFile), path.join(harness.extensionDir, 'assets', versionFile));

      // A docs page reports its terms and the popup asks about it: both need the catalogue, both retry it.
      const docsPage = await harness.context.newPage();
      await docsPage.goto(docsUrl('kafka-design.html'));
      const tabId = await tabIdOf(worker, docsPage.url());
      const popup = await openPopup(harness, `?tabId=${tabId}`);
      await expect(notice(popup, 'catalogue-full')).toHaveText(MESSAGES.catalogueFull);
      await expect(popup.getByText("Docent couldn't check this tab")).toBeVisible();
      expect(await storedMeta(worker, 'catalogueProblem')).toMatchObject({ reason: 'storage-full', version: bundledVersion });
      expect(await idb(worker, { op: 'count', store: 'reads' }), 'reads kept').toBe(0);
      expect(await storedMeta(worker, 'catalogueVersion')).toBeUndefined();
      expect(await storedQueue(worker)).toEqual(byId(SEEDED));

      const counts = await worker.evaluate(freeDisk);
      expect(counts.faults, 'loads refused for lack of space').toBeGreaterThanOrEqual(1);
      expect(counts.attempted).toBe(counts.faults); // each load stopped at its first write: 0 rows kept of each

      await popup.reload();
      await expect(relatedCards(popup).first()).toBeVisible();
      await expect(popup.locator('[data-storage-problem]')).toHaveCount(0);
      expect(await storedMeta(worker, 'catalogueVersion')).toBe(bundledVersion);
      expect(await idb(worker, { op: 'count', store: 'reads' })).toBe(bundledReads.length);
      expect(await storedMeta(worker, 'catalogueProblem')).toBeUndefined();
      expect(await storedQueue(worker)).toEqual(byId(SEEDED));
    } finally {
      await harness.dispose();
      await rm(buildCopy, { recursive: true, force: true });
    }
  });

  docsTest('while the popup saves and marks read: it says so, the queue stays as it was, and the same clicks work once space is freed', async ({ docsBrowser }) => {
    const worker = docsBrowser.serviceWorker;
    await waitForCatalogue(worker);
    const docsPage = await docsBrowser.context.newPage();
    await docsPage.goto(docsUrl('kafka-design.html'));
    const popup = await openPopup(docsBrowser, `?tabId=${await tabIdOf(worker, docsPage.url())}`);
    const errors = pageErrors(popup);
    await expect(relatedCards(popup).nth(2)).toBeVisible();
    const saveButton = (index: number) => relatedCards(popup).nth(index).getByRole('button', { name: 'Save for later' });
    for (const index of [0, 1]) {
      await saveButton(index).click();
      await expect(saveButton(index)).toHaveAttribute('aria-pressed', 'true');
    }
    const before = await storedQueue(worker);
    expect(before).toHaveLength(2);

    await worker.evaluate(fillDisk, 'queue');
    await saveButton(2).click();
    await expect(notice(popup, 'queue-full')).toHaveText(MESSAGES.queueFull);
    await expect(saveButton(2)).toHaveAttribute('aria-pressed', 'false');
    await popup.keyboard.press('3');
    await savedCards(popup).first().getByRole('button', { name: 'Read', exact: true }).click();
    await expect(savedCards(popup)).toHaveCount(2); // still both unread
    expect(await storedQueue(worker)).toEqual(before);

    const counts = await worker.evaluate(freeDisk);
    expect(counts.faults, 'queue writes refused').toBe(2);
    await savedCards(popup).first().getByRole('button', { name: 'Read', exact: true }).click();
    await expect(savedCards(popup)).toHaveCount(1);
    await expect(notice(popup, 'queue-full')).toHaveCount(0);
    await popup.keyboard.press('1');
    await saveButton(2).click();
    await expect(saveButton(2)).toHaveAttribute('aria-pressed', 'true');
    const after = await storedQueue(worker);
    expect(after).toHaveLength(3);
    expect(after.filter((item) => item.state === 'read')).toHaveLength(1);
    expect(before.every((item) => after.some((kept) => kept.id === item.id))).toBe(true);
    expect(errors).toEqual([]);
  });
});

// ---------- Schema upgrade and closed connections ----------

type HolderRealm = typeof globalThis & { held?: IDBDatabase; news?: unknown[] };

test('a blocked schema upgrade: every Docent page says so, nothing fails, and all data is there once the old connection closes', async ({ extension }) => {
  const worker = extension.serviceWorker;
  await waitForCatalogue(worker);
  const storedReads = bundledReads.slice(0, 3).map(toStoredRead);

  // Something of the extension's origin puts the database back at schema v1 and keeps it open.
  const holder = await openBarePage(extension);
  const deleteWasBlocked = await holder.evaluate(
    async ({ stores, version, reads, catalogueVersion, queue }) => {
      const realm = globalThis as HolderRealm;
      realm.news = [];
      new BroadcastChannel('docent-storage:docent').onmessage = ({ data }) => realm.news!.push(data);
      let blocked = false;
      const removal = indexedDB.deleteDatabase('docent');
      removal.onblocked = () => (blocked = true);
      realm.held = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('docent', version);
        open.onupgradeneeded = () => {
          for (const [name, declaration] of Object.entries(stores)) {
            const [keyPath, ...indexes] = declaration!.split(',').map((part) => part.trim());
            const store = open.result.createObjectStore(name, { keyPath });
            for (const index of indexes) store.createIndex(index.replace('*', ''), index.replace('*', ''), { multiEntry: index.startsWith('*') });
          }
          const transaction = open.transaction!;
          for (const read of reads) transaction.objectStore('reads').put(read);
          transaction.objectStore('meta').put({ key: 'catalogueVersion', value: catalogueVersion });
          for (const item of queue) transaction.objectStore('queue').put(item);
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      realm.held.onversionchange = () => undefined; // and refuses to close
      return blocked;
    },
    { stores: v1.stores, version: v1.version * DEXIE_VERSION_FACTOR, reads: storedReads, catalogueVersion: bundledVersion, queue: SEEDED },
  );
  expect(deleteWasBlocked, "Docent's open connections closed themselves for the deletion").toBe(false);

  // The worker needs the database first (an omnibox search): its upgrade is the blocked one, and it says so.
  await worker.evaluate(() => {
    void (self as unknown as { docentHandlers: { omniboxSuggestions(text: string): Promise<unknown> } }).docentHandlers.omniboxSuggestions('kafka');
  });
  await holder.waitForFunction(() => (globalThis as HolderRealm).news!.some((note) => (note as { blocked?: boolean }).blocked === true));

  // A popup opened now waits behind that upgrade; IndexedDB tells it nothing, the worker does.
  const popup = await openPopup(extension);
  const errors = pageErrors(popup);
  await popup.keyboard.press('3');
  await expect(notice(popup, 'upgrade-blocked')).toContainText(MESSAGES.upgradeBlocked);
  await expect(savedCards(popup)).toHaveCount(0);

  await holder.close();
  await expect(savedCards(popup)).toHaveCount(SEEDED.length);
  await expect(notice(popup, 'upgrade-blocked')).toHaveCount(0);
  expect(await idb(worker, { op: 'version' })).toBe(latestSchemaVersion * DEXIE_VERSION_FACTOR);
  expect(await storedQueue(worker)).toEqual(byId(SEEDED));
  expect(await idb(worker, { op: 'all', store: 'reads' })).toEqual(storedReads);
  expect(errors).toEqual([]);
});

test('connections closed under the live worker and popup reopen on their next use, with no error and nothing lost', async ({ extension }) => {
  const worker = extension.serviceWorker;
  await waitForCatalogue(worker);
  await idb(worker, { op: 'put', store: 'queue', values: SEEDED });
  const popup = await openPopup(extension);
  const errors = pageErrors(popup);
  await popup.keyboard.press('3');
  await expect(savedCards(popup)).toHaveCount(SEEDED.length);

  // Another connection asks for a newer version: Chromium sends versionchange, and every Docent connection closes.
  const holder = await openBarePage(extension);
  const upgradeWasBlocked = await holder.evaluate(
    (version) =>
      new Promise<boolean>((resolve, reject) => {
        let blocked = false;
        const open = indexedDB.open('docent', version);
        open.onblocked = () => (blocked = true);
        open.onsuccess = () => {
          open.result.close();
          resolve(blocked);
        };
        open.onerror = () => reject(open.error);
      }),
    (latestSchemaVersion + 1) * DEXIE_VERSION_FACTOR,
  );
  expect(upgradeWasBlocked, 'the worker and the popup closed their connections').toBe(false);

  // The worker's next event (a link saved from the context menu) reopens its connection.
  await worker.evaluate(() =>
    (self as unknown as { docentHandlers: { handleContextMenuClick(info: object): Promise<void> } }).docentHandlers.handleContextMenuClick({
      menuItemId: 'docent-save-link',
      linkUrl: 'https://example.org/saved-after-the-close',
      linkText: 'Saved after the close',
    }),
  );
  // The popup's live list sees it (its own connection reopened too), and its buttons still write.
  await expect(savedCards(popup)).toHaveCount(SEEDED.length + 1);
  await expect(popup.getByText('Saved after the close')).toBeVisible();
  await savedCards(popup).first().getByRole('button', { name: 'Read', exact: true }).click();
  await expect(savedCards(popup)).toHaveCount(SEEDED.length);

  await expect.poll(async () => (await storedQueue(worker)).filter((item) => item.state === 'read').length).toBe(1);
  const stored = await storedQueue(worker);
  expect(stored.map((item) => item.id)).toEqual(expect.arrayContaining(SEEDED.map((item) => item.id)));
  expect(stored).toHaveLength(SEEDED.length + 1);
  expect(errors).toEqual([]);
});
