/**
 * The reading queue's data, end to end in real Chromium with the built extension (issue 5):
 * export downloads from the options page and the Saved view (content checked), import through
 * the options page (preview, apply, refusals that change nothing), the JSON round trip, and
 * "never lose data": two popups saving at once, a browser restart, and an update that both
 * upgrades the database from schema v1 and drops a queued read from the catalogue.
 *
 * The queue is seeded and read back with raw IndexedDB in the service worker, so what the test
 * checks is what the extension stored, not what its own code says it stored.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';
import { pageId } from '@/src/queue/page-url';
import { MAX_IMPORT_BYTES } from '@/src/queue/import';
import { v1 } from '@/src/db/migrations/v1';
import { v2 } from '@/src/db/migrations/v2';
import { latestSchemaVersion } from '@/src/db/migrations';
import { BUILT_EXTENSION_DIR, ExtensionHarness, expect, test } from './fixtures';
import { byId, idb, storedQueue, waitForCatalogue } from './raw-storage';

const bundledReads = JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as Read[];

/** The toolbar popup's size (as in popup.spec.ts). */
const POPUP_SIZE = { width: 400, height: 580 };

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 15, 9);

function queueItem(fields: Partial<QueueItem> & Pick<QueueItem, 'id' | 'title' | 'url' | 'position'>): QueueItem {
  return {
    readId: fields.id.startsWith('page:') ? null : fields.id,
    source: fields.url ? new URL(fields.url).hostname : 'Docent catalogue',
    tags: [],
    readMinutes: null,
    addedAt: T0 + fields.position * DAY,
    state: 'unread',
    readAt: null,
    note: '',
    updatedAt: T0 + fields.position * DAY,
    ...fields,
  };
}

const pageUrl = 'https://example.org/blog/consistent-hashing?ref=docs';

/** A queue with every kind of item: catalogue reads, a saved page, a read without a link, read and unread, notes. */
const SEEDED: QueueItem[] = [
  queueItem({
    id: 'log-paper',
    title: 'The Log: What every software engineer should know',
    url: 'https://engineering.example.com/the-log',
    position: 1,
    tags: ['event sourcing', 'kafka'],
    readMinutes: 25,
  }),
  queueItem({ id: pageId(pageUrl), title: 'Consistent hashing & <friends>', url: pageUrl, position: 2 }),
  queueItem({
    id: 'raft-explained',
    title: 'Raft explained',
    url: 'https://raft.example.net/explained',
    position: 3,
    state: 'read',
    readAt: T0 + 5 * DAY,
    updatedAt: T0 + 5 * DAY,
    note: 'Good diagrams of leader election.\nRe-read the log compaction part.',
  }),
  queueItem({ id: 'designing-data-intensive-applications', title: 'Designing Data-Intensive Applications', url: null, position: 4 }),
];


async function seedQueue(harness: ExtensionHarness, items: readonly QueueItem[]): Promise<void> {
  await waitForCatalogue(harness.serviceWorker);
  await idb(harness.serviceWorker, { op: 'put', store: 'queue', values: [...items] });
}

// ---------- The pages ----------

type DownloadedFile = { name: string; text: string };

async function downloadBy(page: Page, click: () => Promise<void>): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

const EXPORT_LABELS = { json: 'JSON', markdown: 'Markdown', bookmarks: 'Bookmarks HTML' } as const;

function exportFromOptions(options: Page, format: keyof typeof EXPORT_LABELS): Promise<DownloadedFile> {
  return downloadBy(options, () => options.getByRole('button', { name: `Export as ${EXPORT_LABELS[format]}` }).click());
}

type ImportFile = { name: string; mimeType: string; buffer: Buffer };

async function pickImportFile(options: Page, file: ImportFile): Promise<void> {
  await options.getByLabel('Import a file').setInputFiles(file);
}

/** The options page's "Export and import the queue" section (other sections have their own status lines). */
const queueFiles = (options: Page) => options.getByRole('region', { name: 'Export and import the queue' });
const importPreview = (options: Page) => options.locator('[data-import-preview]');
const previewGroup = (options: Page, kind: 'add' | 'already' | 'update' | 'rejected') =>
  importPreview(options).locator(`[data-import-group="${kind}"] li`);

async function openOptions(harness: ExtensionHarness): Promise<Page> {
  const options = await harness.openPage('options.html');
  await expect(queueFiles(options)).toBeVisible();
  return options;
}

async function openSavedView(harness: ExtensionHarness): Promise<Page> {
  const popup = await harness.openPage('popup.html');
  await popup.getByRole('tab', { name: /^Saved/ }).click();
  return popup;
}

// ---------- Export ----------

test('exports JSON, Markdown and bookmarks HTML from the options page and the Saved view', async ({ extension }) => {
  await seedQueue(extension, SEEDED);
  const options = await openOptions(extension);
  const inManualOrder = [...SEEDED].sort((a, b) => a.position - b.position);

  const json = await exportFromOptions(options, 'json');
  expect(json.name).toMatch(/^docent-queue-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(json.text) as { format: string; version: number; exportedAt: string; items: QueueItem[] };
  expect(exported).toMatchObject({ format: 'docent-queue', version: 1 });
  expect(Date.parse(exported.exportedAt)).not.toBeNaN();
  expect(exported.items).toEqual(inManualOrder);

  const markdown = await exportFromOptions(options, 'markdown');
  expect(markdown.name).toMatch(/^docent-queue-\d{4}-\d{2}-\d{2}\.md$/);
  expect(markdown.text).toMatch(/^# Docent reading queue\n/);
  const [unreadPart, readPart] = markdown.text.split(/^## Read \(1\)$/m);
  expect(unreadPart).toMatch(/^## Unread \(3\)$/m);
  expect(readPart, 'a "## Read (1)" heading').toBeDefined();
  expect(unreadPart).toContain('- [The Log: What every software engineer should know](https://engineering.example.com/the-log) — engineering.example.com · 25 min · #event-sourcing #kafka');
  expect(unreadPart).toContain(`- [Consistent hashing & \\<friends\\>](${pageUrl})`);
  expect(unreadPart).toContain('- **Designing Data-Intensive Applications**');
  expect(readPart).toContain('- [Raft explained](https://raft.example.net/explained) — raft.example.net · read 2026-01-20');
  expect(readPart).toContain('  > Good diagrams of leader election.\n  > Re-read the log compaction part.');

  const bookmarks = await exportFromOptions(options, 'bookmarks');
  expect(bookmarks.name).toMatch(/^docent-queue-\d{4}-\d{2}-\d{2}\.html$/);
  expect(bookmarks.text.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n')).toBe(true);
  const links = [...bookmarks.text.matchAll(/<DT><A HREF="([^"]*)"[^>]*>([^<]*)<\/A>/g)].map(([, href, title]) => ({ href, title }));
  expect(links).toEqual([
    { href: 'https://engineering.example.com/the-log', title: 'The Log: What every software engineer should know' },
    { href: 'https://example.org/blog/consistent-hashing?ref=docs', title: 'Consistent hashing &amp; &lt;friends&gt;' },
    { href: 'https://raft.example.net/explained', title: 'Raft explained' },
  ]);
  expect(bookmarks.text).toMatch(/<H3[^>]*>Unread<\/H3>[\s\S]*the-log[\s\S]*<H3[^>]*>Read<\/H3>[\s\S]*raft\.example\.net/);
  expect(bookmarks.text).toContain('<DD>Good diagrams of leader election.<br>Re-read the log compaction part.');

  // The Saved view offers the same files; its JSON holds the same items.
  const popup = await openSavedView(extension);
  await popup.setViewportSize(POPUP_SIZE);
  const exportGroup = popup.getByRole('group', { name: 'Export your queue as a file' });
  await expect(exportGroup).toBeVisible();
  const { violations } = await new AxeBuilder({ page: popup }).include('[role="group"][aria-label="Export your queue as a file"]').analyze();
  expect(violations.map((violation) => violation.id), 'axe violations in the export group').toEqual([]);
  const box = (await exportGroup.boundingBox())!;
  expect(box.x + box.width, 'the export group fits the popup').toBeLessThanOrEqual(POPUP_SIZE.width);
  const fromPopup = await downloadBy(popup, () => exportGroup.getByRole('button', { name: 'JSON' }).click());
  expect(fromPopup.name).toMatch(/^docent-queue-\d{4}-\d{2}-\d{2}\.json$/);
  expect((JSON.parse(fromPopup.text) as { items: QueueItem[] }).items).toEqual(inManualOrder);
});

// ---------- Import ----------

const bookmarksFile = (links: ReadonlyArray<{ href: string; title: string }>): ImportFile => ({
  name: 'bookmarks.html',
  mimeType: 'text/html',
  buffer: Buffer.from(
    [
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
      '<TITLE>Bookmarks</TITLE>',
      '<DL><p>',
      ...links.map((link) => `  <DT><A HREF="${link.href}" ADD_DATE="1767225600">${link.title}</A>`),
      '</DL><p>',
    ].join('\n'),
  ),
});

test('import through the options page: preview, apply; too big or malformed files change nothing', async ({ extension }) => {
  await seedQueue(extension, SEEDED);
  const options = await openOptions(extension);

  await pickImportFile(
    options,
    bookmarksFile([
      { href: 'https://sre.example.com/error-budgets', title: 'Error budgets in practice' },
      { href: pageUrl, title: 'Consistent hashing, saved again' },
      { href: 'javascript:alert(document.cookie)', title: 'Totally a read' },
    ]),
  );
  await expect(importPreview(options).getByRole('heading')).toHaveText([
    'What importing “bookmarks.html” will do',
    'To add (1)',
    'Already in your queue (1)',
    'Rejected (1)',
  ]);
  await expect(options.locator('[data-import-counts]')).toHaveText('1 to add, 1 already saved, 0 to update, 1 rejected.');
  await expect(previewGroup(options, 'add')).toHaveText(['Error budgets in practice — https://sre.example.com/error-budgets']);
  await expect(previewGroup(options, 'already')).toHaveText([`Consistent hashing & <friends> — ${pageUrl}`]);
  await expect(previewGroup(options, 'rejected')).toHaveText([
    'bookmark 3 (Totally a read): only http: and https: links are accepted, not javascript:',
  ]);
  expect(await storedQueue(extension.serviceWorker), 'a preview writes nothing').toEqual(byId(SEEDED));

  await importPreview(options).getByRole('button', { name: 'Import 1' }).click();
  await expect(queueFiles(options).getByRole('status')).toHaveText('Imported: 1 items added or updated.');
  await expect(importPreview(options)).toHaveCount(0);
  const afterImport = await storedQueue(extension.serviceWorker);
  expect(afterImport).toHaveLength(SEEDED.length + 1);
  expect(afterImport.find((item) => item.url === 'https://sre.example.com/error-budgets')).toMatchObject({
    id: pageId('https://sre.example.com/error-budgets'),
    readId: null,
    title: 'Error budgets in practice',
    source: 'sre.example.com',
    state: 'unread',
    addedAt: 1767225600 * 1000,
  });
  // Importing never touches what was already there.
  expect(afterImport.filter((item) => SEEDED.some((seeded) => seeded.id === item.id))).toEqual(byId(SEEDED));

  // Refusals: a plain message, no preview, the queue as it was.
  const refusals: Array<{ file: ImportFile; message: RegExp }> = [
    {
      file: { name: 'queue.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "docent-queue", "version": 1, "items": [') },
      message: /^Nothing was imported\. This file is not valid JSON \(.+\)\.$/,
    },
    {
      file: { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some words, no links at all') },
      message: /^Nothing was imported\. Unrecognised file\. Docent imports its JSON export, Markdown link lists, bookmarks HTML and Pocket CSV\.$/,
    },
    {
      file: { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(MAX_IMPORT_BYTES + 1, ' ') },
      message: /^Nothing was imported\. This file is 20\.0 MB; Docent imports files up to 20 MB\.$/,
    },
  ];
  for (const { file, message } of refusals) {
    await pickImportFile(options, file);
    await expect(queueFiles(options).getByRole('alert'), file.name).toHaveText(message);
    await expect(importPreview(options)).toHaveCount(0);
    expect(await storedQueue(extension.serviceWorker), `${file.name} changes nothing`).toEqual(afterImport);
  }

  // Cancel drops the preview and writes nothing.
  await pickImportFile(options, bookmarksFile([{ href: 'https://cancelled.example.com/', title: 'Not wanted' }]));
  await expect(previewGroup(options, 'add')).toHaveCount(1);
  await importPreview(options).getByRole('button', { name: 'Cancel' }).click();
  await expect(importPreview(options)).toHaveCount(0);
  expect(await storedQueue(extension.serviceWorker)).toEqual(afterImport);
});

test('JSON export → wipe → import restores the queue exactly; bookmarks HTML re-imports the same links', async ({ extension }) => {
  await seedQueue(extension, SEEDED);
  const options = await openOptions(extension);
  const json = await exportFromOptions(options, 'json');
  const bookmarks = await exportFromOptions(options, 'bookmarks');

  await options.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('docent');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const transaction = open.result.transaction('queue', 'readwrite');
      transaction.objectStore('queue').clear();
      transaction.oncomplete = () => (open.result.close(), resolve());
      transaction.onerror = () => reject(transaction.error);
    };
  }));
  expect(await storedQueue(extension.serviceWorker)).toEqual([]);

  await pickImportFile(options, { name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await expect(options.locator('[data-import-counts]')).toHaveText('4 to add, 0 already saved, 0 to update, 0 rejected.');
  await importPreview(options).getByRole('button', { name: 'Import 4' }).click();
  await expect(queueFiles(options).getByRole('status')).toHaveText('Imported: 4 items added or updated.');
  expect(await storedQueue(extension.serviceWorker)).toEqual(byId(SEEDED));

  await idb(extension.serviceWorker, { op: 'clear', store: 'queue' });
  await pickImportFile(options, { name: bookmarks.name, mimeType: 'text/html', buffer: Buffer.from(bookmarks.text) });
  await expect(options.locator('[data-import-counts]')).toHaveText('3 to add, 0 already saved, 0 to update, 0 rejected.');
  await importPreview(options).getByRole('button', { name: 'Import 3' }).click();
  await expect(queueFiles(options).getByRole('status')).toHaveText('Imported: 3 items added or updated.');
  const relinked = await storedQueue(extension.serviceWorker);
  const linkOf = (item: QueueItem) => ({ url: item.url, title: item.title, state: item.state });
  expect(relinked.map(linkOf).sort((a, b) => a.url!.localeCompare(b.url!))).toEqual(
    SEEDED.filter((item) => item.url !== null)
      .map(linkOf)
      .sort((a, b) => a.url!.localeCompare(b.url!)),
  );
});

// ---------- Never lose data ----------

test('two popups saving at once both land with distinct positions, and a browser restart keeps them', async ({ extension }) => {
  await waitForCatalogue(extension.serviceWorker);
  const [first, second] = await Promise.all([extension.openPage('popup.html'), extension.openPage('popup.html')]);
  const resultsIn = async (popup: Page) => {
    await popup.getByRole('tab', { name: /^Search/ }).click();
    await popup.getByRole('searchbox', { name: 'Search reads' }).fill('kafka');
    const rows = popup.getByRole('list', { name: 'Search results' }).locator('[data-row]');
    await expect(rows.nth(5)).toBeVisible();
    return rows;
  };
  const firstSix = (rows: Locator) => rows.evaluateAll((elements) => elements.slice(0, 6).map((row) => row.getAttribute('data-row')!));
  const [firstRows, secondRows] = await Promise.all([resultsIn(first), resultsIn(second)]);
  const ids = await firstSix(firstRows);
  expect(await firstSix(secondRows), 'both popups list the same results').toEqual(ids);
  const saveEach = async (popup: Page, readIds: string[]) => {
    for (const id of readIds) await popup.locator(`[data-row="${id}"]`).getByRole('button', { name: 'Save for later' }).click();
  };

  // Each popup saves three different reads, interleaved with the other's saves.
  await Promise.all([saveEach(first, ids.slice(0, 3)), saveEach(second, ids.slice(3))]);

  await expect.poll(async () => (await storedQueue(extension.serviceWorker)).length).toBe(6);
  const saved = await storedQueue(extension.serviceWorker);
  expect(saved.map((item) => item.id).sort()).toEqual([...ids].sort());
  expect(new Set(saved.map((item) => item.position)).size, 'distinct positions').toBe(6);
  // Each popup sees the other's saves.
  for (const popup of [first, second]) {
    await popup.getByRole('tab', { name: /^Saved/ }).click();
    await expect(popup.getByRole('list', { name: 'Saved reads' }).locator('[data-row]')).toHaveCount(6);
  }

  await extension.restart();
  expect(await storedQueue(extension.serviceWorker), 'the queue after a browser restart').toEqual(saved);
  const reopened = await openSavedView(extension);
  await expect(reopened.getByRole('list', { name: 'Saved reads' }).locator('[data-row]')).toHaveCount(6);
});

type StoreSchema = { keyPath: string; indexes: Array<{ name: string; multiEntry: boolean }> };

/** Dexie's store declarations ("id, *tagKeys, source") as the IndexedDB stores Dexie would create. */
function idbSchemaOf(stores: Record<string, string | null>): Record<string, StoreSchema> {
  return Object.fromEntries(
    Object.entries(stores).map(([name, declaration]) => {
      const [keyPath, ...indexes] = declaration!.split(',').map((part) => part.trim());
      // v1 uses only plain keys and multiEntry (*) indexes; anything else needs more than this.
      for (const part of [keyPath, ...indexes]) {
        if (!/^\*?\w+$/.test(part) || (part === keyPath && part.startsWith('*'))) {
          throw new Error(`Unsupported Dexie declaration "${part}" in ${name}`);
        }
      }
      return [name, { keyPath, indexes: indexes.map((index) => ({ name: index.replace(/^\*/, ''), multiEntry: index.startsWith('*') })) }];
    }),
  );
}

/** Dexie stores schema version N as IndexedDB version N × 10. */
const DEXIE_VERSION_FACTOR = 10;

test('an update that upgrades schema v1 and drops a queued read from the catalogue keeps the queue', async () => {
  // The release before: an extension at the same directory (so the same id and storage) whose
  // database is at schema v1, holding an older catalogue with a read the new one no longer has.
  const stubDir = await mkdtemp(path.join(tmpdir(), 'docent-v1-'));
  await writeFile(
    path.join(stubDir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Docent (schema v1)', version: '0.0.1', background: { service_worker: 'background.js' } }),
  );
  await writeFile(path.join(stubDir, 'background.js'), '// Stands in for the release that wrote schema v1; the test writes its database.\n');
  const harness = await ExtensionHarness.create(stubDir);
  try {
    const retiredRead: Read = {
      id: 'retired-read',
      title: 'A read the new catalogue dropped',
      url: 'https://retired.example.com/post',
      source: 'Retired Blog',
      author: null,
      published: '2019-04-01',
      category: 'Backend Development',
      section: null,
      summary: null,
      tags: ['Sharding'],
      readMinutes: 12,
      origin: 'listing',
    };
    expect(bundledReads.some((read) => read.id === retiredRead.id)).toBe(false);
    const queuedRetired = queueItem({
      id: retiredRead.id,
      title: retiredRead.title,
      url: retiredRead.url,
      source: retiredRead.source,
      tags: retiredRead.tags,
      readMinutes: retiredRead.readMinutes,
      position: 1,
      note: 'queued before the update',
    });
    const queuedPage = SEEDED[1];

    await harness.serviceWorker.evaluate(
      async ({ schema, version, read, items }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('docent', version);
          open.onupgradeneeded = () => {
            for (const [name, { keyPath, indexes }] of Object.entries(schema)) {
              const store = open.result.createObjectStore(name, { keyPath });
              for (const index of indexes) store.createIndex(index.name, index.name, { multiEntry: index.multiEntry });
            }
          };
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const transaction = db.transaction(['reads', 'queue', 'meta'], 'readwrite');
        transaction.objectStore('reads').put({ ...read, tagKeys: ['sharding'], year: 2019 });
        transaction.objectStore('meta').put({ key: 'catalogueVersion', value: 'the-previous-catalogue' });
        for (const item of items) transaction.objectStore('queue').put(item);
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        });
        db.close();
      },
      { schema: idbSchemaOf(v1.stores), version: v1.version * DEXIE_VERSION_FACTOR, read: retiredRead, items: [queuedRetired, queuedPage] },
    );

    // The update: the current build, with schema v2 and the bundled catalogue.
    await harness.restart({ extensionFrom: BUILT_EXTENSION_DIR });
    await waitForCatalogue(harness.serviceWorker);

    const schema = await harness.serviceWorker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('docent');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const reads = db.transaction('reads').objectStore('reads');
      const result = { version: db.version, stores: [...db.objectStoreNames].sort(), readsIndexes: [...reads.indexNames].sort() };
      db.close();
      return result;
    });
    expect(schema.version).toBe(latestSchemaVersion * DEXIE_VERSION_FACTOR);
    expect(schema.stores).toEqual(expect.arrayContaining([...Object.keys(v1.stores), ...Object.keys(v2.stores)]));
    expect(schema.readsIndexes).toContain('userSourceId');
    expect(await idb(harness.serviceWorker, { op: 'get', store: 'reads', key: retiredRead.id }), 'the dropped read left the catalogue').toBeUndefined();
    expect(await storedQueue(harness.serviceWorker), 'the queue as the old release left it').toEqual(byId([queuedRetired, queuedPage]));

    // And the new code shows it, from its own snapshot.
    const popup = await openSavedView(harness);
    const retiredCard = popup.locator(`[data-row="${retiredRead.id}"]`);
    await expect(retiredCard.getByRole('link', { name: retiredRead.title })).toHaveAttribute('href', retiredRead.url!);
  } finally {
    await harness.dispose();
    await rm(stubDir, { recursive: true, force: true });
  }
});

// The extension API as the service worker sees it (evaluate() callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

test('options show the sync status, and say plainly when sync storage is full', async ({ extension }) => {
  const options = await extension.openPage('options.html');
  const status = options.locator('[data-sync-state]');
  // A real round against the browser's (signed-out, local) sync area.
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).toHaveAttribute('data-sync-state', 'synced');

  // What the background records when the quota is hit; the page updates live.
  await extension.serviceWorker.evaluate(() =>
    chrome.storage.local.set({
      queueSyncStatus: { state: 'full', at: Date.now(), syncedCount: 480, unsyncedCount: 12, message: 'QUOTA_BYTES quota exceeded' },
    }),
  );
  await expect(status).toHaveAttribute('data-sync-state', 'full');
  await expect(status).toContainText('12 entries stay on this device');
  await expect(status).toContainText('keeps working');
});

test('turning queue sync off takes the queue out of sync storage and keeps it here; on puts it back', async ({ extension }) => {
  await seedQueue(extension, SEEDED);
  const queueKeysInSync = () =>
    extension.serviceWorker.evaluate(async () => Object.keys(await chrome.storage.sync.get(null)).filter((key) => key.startsWith('queue.')));

  const options = await extension.openPage('options.html');
  const status = options.locator('[data-sync-state]');
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).toHaveAttribute('data-sync-state', 'synced');
  expect(await queueKeysInSync()).not.toEqual([]);

  const syncSwitch = options.locator('[data-setting="queue-sync"]');
  await syncSwitch.uncheck();
  await expect(status).toHaveAttribute('data-sync-state', 'off');
  await expect(options.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  expect(await queueKeysInSync()).toEqual([]);
  expect(await storedQueue(extension.serviceWorker)).toEqual(byId(SEEDED));

  // Off survives a restart: no round puts the queue back in sync storage when the worker starts.
  await extension.restart();
  const reopened = await extension.openPage('options.html');
  await expect(reopened.locator('[data-setting="queue-sync"]')).not.toBeChecked();
  await expect(reopened.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'off');
  expect(await queueKeysInSync()).toEqual([]);

  await reopened.locator('[data-setting="queue-sync"]').check();
  await expect(reopened.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'synced');
  expect(await queueKeysInSync()).not.toEqual([]);
});
