/**
 * Docent's IndexedDB read and seeded from the service worker with the raw IndexedDB API, not the
 * extension's own code: what the specs assert is what the browser stored.
 */
import type { Worker } from '@playwright/test';
import type { QueueItem } from '@/src/queue/types';
import { readFileSync } from 'node:fs';
import { expect } from './fixtures';

export const bundledVersion = (JSON.parse(readFileSync('assets/catalogue-meta.json', 'utf8')) as { version: string }).version;

export type IdbRequest =
  | { op: 'all' | 'count' | 'clear'; store: string }
  | { op: 'get'; store: string; key: string }
  | { op: 'put'; store: string; values: unknown[] }
  | { op: 'version' };

/** One operation on the `docent` database as it is (no version asked, so never an upgrade). */
export function idb<T>(serviceWorker: Worker, request: IdbRequest): Promise<T> {
  return serviceWorker.evaluate(async (request) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('docent');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (request.op === 'version') return db.version;
      const writes = request.op === 'put' || request.op === 'clear';
      const transaction = db.transaction(request.store, writes ? 'readwrite' : 'readonly');
      const store = transaction.objectStore(request.store);
      const result = (() => {
        switch (request.op) {
          case 'all':
            return store.getAll();
          case 'count':
            return store.count();
          case 'clear':
            return store.clear();
          case 'get':
            return store.get(request.key);
          case 'put':
            return request.values.map((value) => store.put(value)).at(-1);
        }
      })();
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      return result?.result;
    } finally {
      db.close();
    }
  }, request) as Promise<T>;
}

export const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));

/** The stored queue, sorted by id. */
export const storedQueue = async (serviceWorker: Worker): Promise<QueueItem[]> =>
  byId(await idb<QueueItem[]>(serviceWorker, { op: 'all', store: 'queue' }));

export const storedMeta = async <T>(serviceWorker: Worker, key: string): Promise<T | undefined> =>
  (await idb<{ value: T } | undefined>(serviceWorker, { op: 'get', store: 'meta', key }))?.value;

/**
 * A meta value, or undefined while the database, its meta table or the key does not exist yet
 * (it looks before opening: opening a missing database would create an empty one and confuse Dexie).
 */
export function storedMetaIfPresent<T>(serviceWorker: Worker, key: string): Promise<T | undefined> {
  return serviceWorker.evaluate(async (key) => {
    if (!(await indexedDB.databases()).some((database) => database.name === 'docent')) return undefined;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('docent');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('meta')) return undefined;
      return await new Promise<unknown>((resolve, reject) => {
        const get = db.transaction('meta').objectStore('meta').get(key);
        get.onsuccess = () => resolve((get.result as { value?: unknown } | undefined)?.value);
        get.onerror = () => reject(get.error);
      });
    } finally {
      db.close();
    }
  }, key) as Promise<T | undefined>;
}

/** The catalogue version stored, or null while there is none. */
export async function storedCatalogueVersion(serviceWorker: Worker): Promise<string | null> {
  return (await storedMetaIfPresent<string>(serviceWorker, 'catalogueVersion')) ?? null;
}

/**
 * Waits until the extension has created its database and loaded `version` of the catalogue
 * (seed only after that, or Dexie would find a foreign database).
 */
export async function waitForCatalogue(serviceWorker: Worker, version = bundledVersion, timeout?: number): Promise<void> {
  await expect.poll(() => storedCatalogueVersion(serviceWorker), { timeout }).toBe(version);
}
