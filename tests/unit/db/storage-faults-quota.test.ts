/**
 * Issue 8, storage faults: the disk fills up (QuotaExceededError) while the catalogue loads and
 * while the queue is written. Faults are raised by fake-indexeddb itself (./storage-faults), so
 * Dexie's and IndexedDB's own rollback is what keeps the data, and every check compares the whole
 * database before and after.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCatalogueLoader, createDb, getMeta, syncCatalogue, type DocentDb } from '@/src/db';
import type { Read } from '@/src/catalogue/types';
import * as repository from '@/src/queue/repository';
import { QueueStorageFullError } from '@/src/queue/repository';
import { applyImport } from '@/src/queue/import-repository';
import { previewImport } from '@/src/queue/import';
import { exportJson } from '@/src/queue/formats/json';
import { addUserSource } from '@/src/user-sources/store';
import { userSourceIdFor } from '@/src/user-sources/parse';
import { clearFaults, fillDisk } from './storage-faults';
import { freshDbName, makeQueueItem, makeRead } from './helpers';

const opened: DocentDb[] = [];
function newDb(): DocentDb {
  const db = createDb(freshDbName());
  opened.push(db);
  return db;
}
beforeEach(() => {
  // The loader logs each fault (the worker's console); checked where it matters, silenced here.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  clearFaults();
  for (const db of opened.splice(0)) await db.delete();
});

/** Every row of every table, in key order: what "nothing lost, nothing half-written" is checked against. */
async function snapshot(db: DocentDb): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

function catalogue(size: number, version: string): Read[] {
  return Array.from({ length: size }, (_, index) =>
    makeRead(`read-${String(index).padStart(5, '0')}`, { title: `Read ${index} (${version})`, tags: ['Kafka', `tag-${index % 7}`] }),
  );
}

/** A loader over a catalogue held in memory, as the background's loader over the bundled files. */
function loaderFor(db: DocentDb, bundled: { reads: Read[]; version: string }) {
  return createCatalogueLoader(db, { version: async () => bundled.version, reads: async () => bundled.reads });
}

/** A database as a user has it: an installed catalogue, a user source, a queue with a removal remembered for sync. */
async function usedDatabase(): Promise<DocentDb> {
  const db = newDb();
  await syncCatalogue(db, catalogue(300, 'v1'), 'v1');
  await addUserSource(
    db,
    { ok: true, kind: 'awesome-markdown', sourceId: userSourceIdFor('my-list.md'), name: 'My list', reads: [makeRead('mine-1'), makeRead('mine-2')], rejected: [] },
    'My list',
    1_000,
  );
  await db.queue.bulkPut([
    makeQueueItem('read-00001', { position: 1 }),
    makeQueueItem('read-00002', { position: 2, state: 'read', readAt: 1_700_000_100_000 }),
    makeQueueItem('page:9f2c', { readId: null, position: 3, url: 'https://example.org/saved-page', note: '' }),
  ]);
  await db.syncTombstones.put({ id: 'removed-earlier', deletedAt: 1_700_000_200_000 });
  return db;
}

describe('disk full while the catalogue loads', () => {
  it('first install: nothing is stored and no version recorded, only why; each next call retries, and loads it once space is freed', async () => {
    const db = newDb();
    const bundled = { reads: catalogue(5_000, 'v1'), version: 'v1' };
    // Room for the first slice of 2,000 reads and part of the second: the fault hits mid-load.
    const disk = fillDisk(db.name, { room: 3_000, stores: ['reads'] });
    const loader = loaderFor(db, bundled);

    await expect(loader.ready()).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(disk.faults).toBe(1);
    expect(disk.attempted).toBe(3_001);
    expect(await db.reads.count(), 'rows kept of the 3,001 written').toBe(0);
    expect(await getMeta(db, 'catalogueVersion')).toBeUndefined();
    expect(await getMeta(db, 'readsRevision')).toBeUndefined();
    expect(await getMeta(db, 'catalogueProblem')).toEqual({ reason: 'storage-full', version: 'v1', at: expect.any(Number) });

    // Still full: the next caller (a popup, a docs page, the next worker start) tries again, and fails the same clean way.
    await expect(loader.ready()).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(disk.faults).toBe(2);
    expect(await db.reads.count()).toBe(0);

    disk.free();
    await loader.ready();
    expect(await db.reads.count()).toBe(5_000);
    expect(await getMeta(db, 'catalogueVersion')).toBe('v1');
    expect(await getMeta(db, 'catalogueProblem'), 'the problem is cleared by the load that succeeds').toBeUndefined();
  });

  it('update, failing at commit as in Chrome: the previous catalogue stays whole and in use, user data is untouched, the update is retried', async () => {
    const db = await usedDatabase();
    const before = await snapshot(db);
    const v2 = [
      ...catalogue(250, 'v2'), // 250 changed titles, 50 reads dropped
      ...Array.from({ length: 200 }, (_, index) => makeRead(`new-${index}`)),
    ];
    const disk = fillDisk(db.name, { stores: ['reads'], failAt: 'commit' });
    const loader = loaderFor(db, { reads: v2, version: 'v2' });

    // The previous version serves: ready() resolves, and the popup keeps its related reads.
    await loader.ready();
    expect(disk.faults).toBe(1);
    expect(disk.attempted, 'reads written by the failed update').toBe(450);
    expect(await getMeta(db, 'catalogueProblem')).toEqual({ reason: 'storage-full', version: 'v2', at: expect.any(Number) });
    await db.meta.delete('catalogueProblem');
    expect(await snapshot(db), 'reads (bundled and user), queue, user sources, tombstones, meta').toEqual(before);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('version v1 stays in use'), expect.anything());

    await loader.ready(); // retried while still full
    expect(disk.faults).toBe(2);
    expect(await getMeta(db, 'catalogueVersion')).toBe('v1');
    expect(await getMeta(db, 'catalogueProblem')).toMatchObject({ reason: 'storage-full', version: 'v2' });

    disk.free();
    await loader.ready();
    expect(await getMeta(db, 'catalogueVersion')).toBe('v2');
    expect(await getMeta(db, 'catalogueProblem')).toBeUndefined();
    expect(await db.reads.where('origin').notEqual('user').count()).toBe(450);
    expect(await db.reads.where('origin').equals('user').count()).toBe(2);
    const after = await snapshot(db);
    expect(after.queue).toEqual(before.queue);
    expect(after.userSources).toEqual(before.userSources);
    expect(after.syncTombstones).toEqual(before.syncTombstones);
  });

  it('when not even the reason can be written, the load still rolls back and is retried', async () => {
    const db = newDb();
    const disk = fillDisk(db.name); // every store, every write
    const loader = loaderFor(db, { reads: catalogue(100, 'v1'), version: 'v1' });

    await expect(loader.ready()).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(disk.faults).toBe(2); // the load's first write, then the record of why
    expect(await snapshot(db)).toEqual({ reads: [], queue: [], meta: [], userSources: [], syncTombstones: [] });
    expect(console.error).toHaveBeenCalledWith('[docent] could not record why the catalogue did not load', expect.anything());

    disk.free();
    await loader.ready();
    expect(await db.reads.count()).toBe(100);
  });
});

type QueueWrite = { name: string; run: (db: DocentDb) => Promise<unknown> };

/** Every way the queue is written, each against the database from usedDatabase(). */
const queueWrites: QueueWrite[] = [
  { name: 'save a read', run: (db) => repository.save(db, makeRead('read-00042'), 2_000) },
  { name: 'save a page', run: (db) => repository.savePage(db, { url: 'https://example.net/post', title: 'A post' }, 2_000) },
  { name: 'reorder', run: (db) => repository.move(db, 'page:9f2c', { beforeId: 'read-00001' }, 2_000) },
  { name: 'mark read', run: (db) => repository.setState(db, 'read-00001', 'read', 2_000) },
  { name: 'edit a note', run: (db) => repository.setNote(db, 'read-00001', 'after the design review', 2_000) },
  { name: 'remove', run: (db) => repository.remove(db, 'read-00002', 2_000) },
  {
    name: 'import',
    run: async (db) => {
      const file = exportJson([makeQueueItem('imported-1', { position: 1 }), makeQueueItem('imported-2', { position: 2 })], 1_500);
      return applyImport(db, previewImport(await repository.all(db), file, 'docent-queue.json', 2_000), 2_000);
    },
  },
];

describe('disk full while the queue is written', () => {
  for (const failAt of ['write', 'commit'] as const) {
    for (const write of queueWrites) {
      it(`${write.name} (failing at ${failAt}): a typed error with a clear message, the queue exactly as before, and the same write succeeds once space is freed`, async () => {
        const db = await usedDatabase();
        const before = await snapshot(db);
        const disk = fillDisk(db.name, { stores: ['queue', 'syncTombstones'], failAt });

        const attempt = write.run(db);
        await expect(attempt).rejects.toBeInstanceOf(QueueStorageFullError);
        await expect(attempt).rejects.toThrow('Your saved reads are safe');
        expect(disk.faults).toBe(1);
        expect(await snapshot(db)).toEqual(before);

        disk.free();
        await write.run(db);
        expect(await snapshot(db)).not.toEqual(before);
        // Whatever the write did, everything queued before is still there (a removal leaves a tombstone).
        const after = await snapshot(db);
        const kept = new Set([...(after.queue as { id: string }[]), ...(after.syncTombstones as { id: string }[])].map((row) => row.id));
        expect((before.queue as { id: string }[]).filter((item) => !kept.has(item.id))).toEqual([]);
      });
    }
  }
});
