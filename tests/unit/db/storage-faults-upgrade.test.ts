/**
 * Issue 8, storage faults: a schema upgrade while an old-version connection is open (a popup or
 * side panel of the previous release, or something that holds the database and will not let go).
 * Each handle stands for one extension context; its upgrade status is what the page shows.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, latestSchemaVersion, syncCatalogue, watchUpgradeStatus, type DocentDb, type UpgradeStatus } from '@/src/db';
import * as repository from '@/src/queue/repository';
import { freshDbName, makeQueueItem, makeRead } from './helpers';

const opened: DocentDb[] = [];
const watches: UpgradeStatus[] = [];
function track(db: DocentDb): DocentDb {
  opened.push(db);
  return db;
}
function watch(db: DocentDb): UpgradeStatus {
  const status = watchUpgradeStatus(db);
  watches.push(status);
  return status;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const status of watches.splice(0)) status.dispose();
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await db.delete();
});

async function snapshot(db: DocentDb, tables = ['reads', 'queue', 'meta']): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await db.table(name).toArray()] as const)));
}

/** A database at schema v1, as the previous release left it; resolves to its content. */
async function previousRelease(name: string): Promise<{ v1: DocentDb; content: Record<string, unknown[]> }> {
  const v1 = track(createDb(name, 1));
  await syncCatalogue(v1, [makeRead('a'), makeRead('b', { tags: ['Redis'] })], 'catalogue-1');
  await v1.queue.bulkPut([makeQueueItem('a', { position: 1 }), makeQueueItem('page:1f2e', { readId: null, position: 2, note: '' })]);
  return { v1, content: await snapshot(v1) };
}

/** Resolves when `status` reports `blocked`. */
function reports(status: UpgradeStatus, blocked: boolean): Promise<void> {
  if (status.blocked === blocked) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = status.subscribe((now) => {
      if (now !== blocked) return;
      stop();
      resolve();
    });
  });
}

/** Tracks whether a promise has settled, without awaiting it. */
function settledFlag(promise: Promise<unknown>): { readonly settled: boolean } {
  const flag = { settled: false };
  void promise.finally(() => (flag.settled = true)).catch(() => undefined);
  return flag;
}

describe('schema upgrade with an old connection open', () => {
  it("is never blocked by Docent's own pages: the old page closes its connection, then keeps working on the upgraded database", async () => {
    const name = freshDbName();
    const { v1: oldPopup, content } = await previousRelease(name);
    expect(oldPopup.isOpen()).toBe(true);

    const worker = track(createDb(name));
    const blocked = vi.fn();
    worker.on('blocked', blocked);
    const status = watch(worker);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // Dexie says it closes for the upgrade

    await worker.open();
    expect(blocked).not.toHaveBeenCalled();
    expect(status.blocked).toBe(false);
    expect(worker.verno).toBe(latestSchemaVersion);
    expect(await snapshot(worker)).toEqual(content);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('Closing db now to resume the upgrade'));

    // The old popup's next write (with its own, v1 code) reopens on the upgraded database and lands next to everything else.
    await oldPopup.queue.put(makeQueueItem('c', { position: 3 }));
    expect(oldPopup.isOpen()).toBe(true);
    expect((await repository.all(worker)).map((item) => item.id)).toEqual(['a', 'page:1f2e', 'c']);
  });

  it('blocked by a connection that will not close: every Docent context is told, queries wait instead of failing, and resume with all data once it closes', async () => {
    const name = freshDbName();
    const { v1, content } = await previousRelease(name);
    v1.close();
    // Something holding schema v1 that ignores the request to close.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    holder.onversionchange = () => undefined;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // Dexie logs the blocked upgrade

    // The updated service worker opens first: its upgrade is the blocked one.
    const worker = track(createDb(name));
    const workerStatus = watch(worker);
    const workerSeen: boolean[] = [];
    workerStatus.subscribe((blocked) => workerSeen.push(blocked));
    const workerQuery = repository.all(worker);
    await reports(workerStatus, true);

    // A popup opened meanwhile only queues behind that upgrade; IndexedDB does not tell it, the worker does.
    const popup = track(createDb(name));
    const popupBlockedEvent = vi.fn();
    popup.on('blocked', popupBlockedEvent);
    const popupStatus = watch(popup);
    const popupQuery = popup.queue.count();
    await reports(popupStatus, true);
    expect(popupBlockedEvent).not.toHaveBeenCalled();

    const waiting = [settledFlag(workerQuery), settledFlag(popupQuery)];
    await Promise.resolve();
    expect(waiting.map((flag) => flag.settled)).toEqual([false, false]);

    holder.close();
    expect((await workerQuery).map((item) => item.id)).toEqual(['a', 'page:1f2e']);
    expect(await popupQuery).toBe(2);
    await reports(workerStatus, false);
    await reports(popupStatus, false);
    expect(workerSeen).toEqual([true, false]);
    expect(worker.verno).toBe(latestSchemaVersion);
    expect(await snapshot(worker)).toEqual(content);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('blocked by other connection'));
  });
});
