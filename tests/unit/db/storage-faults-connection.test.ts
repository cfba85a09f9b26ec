/**
 * Issue 8, storage faults: the database connection closed under a running MV3 service worker (the
 * browser force-closes it, e.g. while the worker slept or when it shuts storage down), idle or in
 * the middle of a write. Dexie 4.4 reopens by itself on the next request after such a close; a
 * write transaction that the close aborted is run again once (see src/db/storage-errors.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCatalogueLoader, createDb, getMeta, syncCatalogue, watchReadsRevision, type DocentDb } from '@/src/db';
import * as repository from '@/src/queue/repository';
import { applyImport } from '@/src/queue/import-repository';
import { previewImport } from '@/src/queue/import';
import { exportJson } from '@/src/queue/formats/json';
import { browserCloses, clearFaults, failReads, loseConnectionOnWrite } from './storage-faults';
import { freshDbName, makeQueueItem, makeRead } from './helpers';

const opened: DocentDb[] = [];
function track(db: DocentDb): DocentDb {
  opened.push(db);
  return db;
}
beforeEach(() => {
  // A retried transaction logs a warning (the worker's console); checked where it matters, silenced here.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  clearFaults();
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await db.delete();
});

async function snapshot(db: DocentDb): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

const bundledReads = Array.from({ length: 50 }, (_, index) => makeRead(`read-${index}`));

/** An open database with a catalogue and a queue, as the worker left it before it slept. */
async function workerDatabase(name = freshDbName()): Promise<DocentDb> {
  const db = track(createDb(name));
  await syncCatalogue(db, bundledReads, 'v1');
  await db.queue.bulkPut([makeQueueItem('read-1', { position: 1 }), makeQueueItem('read-2', { position: 2 })]);
  return db;
}

describe('a connection the browser closed while idle', () => {
  it('reopens on the next request, in the same worker and in a newly woken one, with nothing lost', async () => {
    const db = await workerDatabase();
    const before = await snapshot(db);
    const closed = vi.fn();
    db.on('close', closed);

    browserCloses(db.backendDB());
    await vi.waitFor(() => expect(closed).toHaveBeenCalledTimes(1));
    expect(db.isOpen()).toBe(false);

    // The worker's next event: a save from the context menu, a related-reads question.
    await repository.save(db, makeRead('read-3'), 2_000);
    expect(db.isOpen()).toBe(true);
    expect((await repository.all(db)).map((item) => item.id)).toEqual(['read-3', 'read-1', 'read-2']);
    expect(await createCatalogueLoader(db, { version: async () => 'v1', reads: async () => bundledReads }).ready()).toBeUndefined();
    expect(await watchReadsRevision(db).current()).toBe(1);

    // A worker woken after being stopped opens its own handle on the same database.
    const woken = track(createDb(db.name));
    const after = await snapshot(woken);
    expect(after.reads).toEqual(before.reads);
    expect(after.meta).toEqual(before.meta);
    expect(after.queue).toEqual([...(before.queue as object[]), await db.queue.get('read-3')]);
    expect(console.warn).not.toHaveBeenCalled(); // nothing even needed a retry
  });

  it('Dexie reopens by itself only after a close it did not ask for; after close() Docent reopens its writes itself', async () => {
    const db = await workerDatabase();
    db.close();
    await expect(db.queue.toArray()).rejects.toMatchObject({ name: 'DatabaseClosedError' });

    await repository.setState(db, 'read-1', 'read', 2_000);
    expect((await db.queue.get('read-1'))?.state).toBe('read');
  });
});

describe('a connection closed under a write', () => {
  it('a queue save is run again and lands exactly once', async () => {
    const db = await workerDatabase();
    const before = await snapshot(db);
    const loss = loseConnectionOnWrite(db.name, { stores: ['queue'] });

    const saved = await repository.save(db, makeRead('read-3'), 2_000);
    expect(loss.faults).toBe(1);
    const queue = await repository.all(db);
    expect(queue.map((item) => item.id)).toEqual(['read-3', 'read-1', 'read-2']);
    expect(queue[0]).toEqual(saved);
    expect(new Set(queue.map((item) => item.position)).size).toBe(3);
    const after = await snapshot(db);
    expect({ ...after, queue: before.queue }).toEqual(before);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('reopening and retrying'), expect.anything());
  });

  it('a removal and an import are run again too: one tombstone, no duplicates', async () => {
    const db = await workerDatabase();
    const lostUnderRemoval = loseConnectionOnWrite(db.name, { stores: ['queue', 'syncTombstones'] });
    await repository.remove(db, 'read-2', 2_000);
    expect(lostUnderRemoval.faults).toBe(1);

    const lostUnderImport = loseConnectionOnWrite(db.name, { stores: ['queue', 'syncTombstones'] });
    const file = exportJson([makeQueueItem('imported-1', { position: 1 }), makeQueueItem('read-1', { position: 2 })], 1_500);
    expect(await applyImport(db, previewImport(await repository.all(db), file, 'docent-queue.json', 3_000), 3_000)).toBe(1);
    expect(lostUnderImport.faults).toBe(1);

    expect((await repository.all(db)).map((item) => item.id).sort()).toEqual(['imported-1', 'read-1']);
    expect(await db.syncTombstones.toArray()).toEqual([{ id: 'read-2', deletedAt: expect.any(Number) }]);
  });

  it('the catalogue load is run again and stores the whole catalogue once', async () => {
    const db = track(createDb(freshDbName()));
    await db.queue.put(makeQueueItem('read-1'));
    const loss = loseConnectionOnWrite(db.name, { stores: ['reads'] });

    await createCatalogueLoader(db, { version: async () => 'v1', reads: async () => bundledReads }).ready();
    expect(loss.faults).toBe(1);
    expect(await db.reads.count()).toBe(50);
    expect(await getMeta(db, 'catalogueVersion')).toBe('v1');
    expect(await getMeta(db, 'readsRevision')).toBe(1);
    expect(await db.queue.toArray()).toEqual([makeQueueItem('read-1')]);
  });

  it('lost again on the rerun: the error surfaces instead of looping, and nothing is half-written', async () => {
    const db = await workerDatabase();
    const before = await snapshot(db);
    const loss = loseConnectionOnWrite(db.name, { stores: ['queue'], times: 2 });

    await expect(repository.save(db, makeRead('read-3'), 2_000)).rejects.toMatchObject({ name: 'AbortError' });
    expect(loss.faults).toBe(2);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('the reads revision watch (how the worker learns the catalogue changed)', () => {
  it('still follows the stored revision after the browser closed its connection', async () => {
    const db = await workerDatabase();
    const revision = watchReadsRevision(db);
    expect(await revision.current()).toBe(1);

    browserCloses(db.backendDB());
    // Another context (the options page adding a user source) changes the reads meanwhile.
    await syncCatalogue(track(createDb(db.name)), [...bundledReads, makeRead('read-new')], 'v2');
    await vi.waitFor(async () => expect(await revision.current()).toBe(2));
  });

  it('reads the stored revision again after its live query failed, instead of answering a stale one', async () => {
    const db = await workerDatabase();
    const revision = watchReadsRevision(db);
    expect(await revision.current()).toBe(1);

    const fault = failReads(db.backendDB(), 'meta');
    await syncCatalogue(track(createDb(db.name)), [...bundledReads, makeRead('read-new')], 'v2');
    await vi.waitFor(async () => expect(await revision.current()).toBe(2));
    expect(fault.faults).toBe(1);
  });
});
