/**
 * The bundled catalogue lands in IndexedDB on install, and an update with a changed catalogue
 * changes the reads but keeps the user's queue (issue 2; issue 5 "never lose data").
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';
import { expect, test } from './fixtures';

type CatalogueMeta = { version: string };

const bundledReads = JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as Read[];
const bundledMeta = JSON.parse(await readFile('assets/catalogue-meta.json', 'utf8')) as CatalogueMeta;

test('install loads every catalogue read; an update changes reads and keeps the queue', async ({ extension }, testInfo) => {
  await expect.poll(() => storedValue(extension.serviceWorker, 'meta', 'catalogueVersion')).toEqual({
    key: 'catalogueVersion',
    value: bundledMeta.version,
  });
  expect(await storeCount(extension.serviceWorker, 'reads')).toBe(bundledReads.length);
  const firstSync = (await storedValue(extension.serviceWorker, 'meta', 'lastCatalogueSync')) as {
    value: { durationMs: number; added: number };
  };
  expect(firstSync.value.added).toBe(bundledReads.length);
  testInfo.annotations.push({ type: 'install load', description: `${bundledReads.length} reads in ${firstSync.value.durationMs} ms` });
  console.log(`install load: ${bundledReads.length} reads synced in ${firstSync.value.durationMs} ms`);

  const [removedRead, changedRead] = bundledReads;
  const queued: QueueItem = {
    id: removedRead.id,
    readId: removedRead.id,
    title: removedRead.title,
    url: removedRead.url,
    source: removedRead.source,
    tags: removedRead.tags,
    readMinutes: removedRead.readMinutes,
    addedAt: Date.now(),
    state: 'unread',
    readAt: null,
    position: 1,
    note: 'queued before the update',
    updatedAt: Date.now(),
  };
  await putValue(extension.serviceWorker, 'queue', queued);

  // The update: the same build with one read removed (the queued one), one retitled, a new version.
  const nextBuild = path.join(extension.workDir, 'next-build');
  await cp(extension.extensionDir, nextBuild, { recursive: true });
  const nextVersion = `${bundledMeta.version}-next`;
  const nextReads = bundledReads.slice(1).map((read) => (read.id === changedRead.id ? { ...read, title: `${read.title} (2nd edition)` } : read));
  await writeBundledJson(nextBuild, 'catalogue', nextReads);
  await writeBundledJson(nextBuild, 'catalogue-meta', { ...bundledMeta, version: nextVersion });

  await extension.restart({ extensionFrom: nextBuild });

  await expect.poll(() => storedValue(extension.serviceWorker, 'meta', 'catalogueVersion')).toEqual({
    key: 'catalogueVersion',
    value: nextVersion,
  });
  expect(await storeCount(extension.serviceWorker, 'reads')).toBe(nextReads.length);
  expect(await storedValue(extension.serviceWorker, 'reads', removedRead.id)).toBeUndefined();
  expect(await storedValue(extension.serviceWorker, 'reads', changedRead.id)).toMatchObject({ title: `${changedRead.title} (2nd edition)` });
  expect(await storedValue(extension.serviceWorker, 'queue', removedRead.id)).toEqual(queued);
});

/** Overwrite the build's hashed `assets/<name>-<hash>.json` with new content. */
async function writeBundledJson(extensionDir: string, name: string, content: unknown): Promise<void> {
  const assetsDir = path.join(extensionDir, 'assets');
  const pattern = new RegExp(`^${name}-[\\w-]{8}\\.json$`);
  const matches = (await readdir(assetsDir)).filter((file) => pattern.test(file));
  if (matches.length !== 1) throw new Error(`Expected one ${name}-<hash>.json in ${assetsDir}, found ${matches.join(', ') || 'none'}`);
  await writeFile(path.join(assetsDir, matches[0]), JSON.stringify(content));
}

// Raw IndexedDB in the service worker: the test reads the database as the extension left it,
// without going through the code under test. Undefined while the database doesn't exist yet.
type IdbOperation = { store: string; op: 'count' | 'get' | 'put'; arg?: unknown };

function idb(serviceWorker: Worker, operation: IdbOperation): Promise<unknown> {
  return serviceWorker.evaluate(async ({ store, op, arg }) => {
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === 'docent')) return undefined;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('docent');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains(store)) return undefined;
      const objectStore = db.transaction(store, op === 'put' ? 'readwrite' : 'readonly').objectStore(store);
      const request = op === 'count' ? objectStore.count() : op === 'get' ? objectStore.get(arg as IDBValidKey) : objectStore.put(arg);
      return await new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, operation);
}

const storeCount = (sw: Worker, store: string) => idb(sw, { store, op: 'count' });
const storedValue = (sw: Worker, store: string, key: string) => idb(sw, { store, op: 'get', arg: key });
const putValue = (sw: Worker, store: string, value: unknown) => idb(sw, { store, op: 'put', arg: value });
