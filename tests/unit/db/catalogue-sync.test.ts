import { afterEach, describe, expect, it } from 'vitest';
import { createDb, getMeta, syncCatalogue, type DocentDb } from '@/src/db';
import { freshDbName, makeQueueItem, makeRead } from './helpers';

const opened: DocentDb[] = [];
function newDb(): DocentDb {
  const db = createDb(freshDbName());
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('syncCatalogue', () => {
  it('loads every read on first run and records the version', async () => {
    const db = newDb();
    const reads = [makeRead('a'), makeRead('b'), makeRead('c')];

    expect(await syncCatalogue(db, reads, 'v1')).toEqual({ added: 3, updated: 0, removed: 0, unchanged: 0 });
    expect(await db.reads.count()).toBe(3);
    expect(await getMeta(db, 'catalogueVersion')).toBe('v1');
    expect(await getMeta(db, 'lastCatalogueSync')).toMatchObject({ version: 'v1', added: 3 });
  });

  it('records the load again after its commit, with a duration that includes the commit', async () => {
    const db = newDb();
    const inTransaction: unknown[] = [];
    // Dexie's creating/updating hooks see the record the load's own transaction writes.
    db.meta.hook('creating', (_key, entry) => void (entry.key === 'lastCatalogueSync' && inTransaction.push(entry.value)));
    await syncCatalogue(db, [makeRead('a'), makeRead('b')], 'v1');

    expect(inTransaction).toEqual([expect.objectContaining({ version: 'v1', added: 2, committed: false })]);
    const final = await getMeta(db, 'lastCatalogueSync');
    expect(final).toMatchObject({ version: 'v1', added: 2, committed: true });
    expect(final!.durationMs).toBeGreaterThanOrEqual((inTransaction[0] as { durationMs: number }).durationMs);
  });

  it('does nothing when the stored version equals the bundled one', async () => {
    const db = newDb();
    await syncCatalogue(db, [makeRead('a')], 'v1');
    await db.reads.update('a', { title: 'edited in place' });

    expect(await syncCatalogue(db, [makeRead('a'), makeRead('b')], 'v1')).toEqual({
      added: 0,
      updated: 0,
      removed: 0,
      unchanged: 2,
    });
    expect(await db.reads.count()).toBe(1);
    expect((await db.reads.get('a'))?.title).toBe('edited in place');
  });

  it('adds new, updates changed and removes gone reads on a new version', async () => {
    const db = newDb();
    await syncCatalogue(db, [makeRead('keep'), makeRead('change'), makeRead('drop')], 'v1');

    const counts = await syncCatalogue(
      db,
      [makeRead('keep'), makeRead('change', { title: 'New title', tags: ['Redis'] }), makeRead('new')],
      'v2',
    );

    expect(counts).toEqual({ added: 1, updated: 1, removed: 1, unchanged: 1 });
    expect((await db.reads.toArray()).map((r) => r.id).sort()).toEqual(['change', 'keep', 'new']);
    expect(await db.reads.get('change')).toMatchObject({ title: 'New title', tagKeys: ['redis'] });
    expect(await getMeta(db, 'catalogueVersion')).toBe('v2');
  });

  it('treats a read with the same fields in another key order as unchanged', async () => {
    const db = newDb();
    const read = makeRead('a');
    await syncCatalogue(db, [read], 'v1');
    const reordered = Object.fromEntries(Object.entries(read).reverse()) as typeof read;

    expect(await syncCatalogue(db, [reordered], 'v2')).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 1 });
  });

  it('never touches the queue, even for a read that leaves the catalogue', async () => {
    const db = newDb();
    await syncCatalogue(db, [makeRead('gone'), makeRead('stays')], 'v1');
    const queued = [makeQueueItem('gone'), makeQueueItem('stays', { position: 2, state: 'read', readAt: 1_700_000_100_000 })];
    await db.queue.bulkPut(queued);

    await syncCatalogue(db, [makeRead('stays', { title: 'Renamed' })], 'v2');

    expect(await db.reads.get('gone')).toBeUndefined();
    expect(await db.queue.orderBy('position').toArray()).toEqual(queued);
  });

  it('keeps user-imported reads, removed or colliding with a bundled id', async () => {
    const db = newDb();
    const userRead = { ...makeRead('mine', { origin: 'user', userSourceId: 'src-1' }), tagKeys: ['kafka'], year: 2021 };
    await db.reads.put(userRead);

    await syncCatalogue(db, [makeRead('a')], 'v1');
    await syncCatalogue(db, [makeRead('mine', { title: 'Bundled now' })], 'v2');

    expect(await db.reads.get('mine')).toEqual(userRead);
    expect(await db.reads.get('a')).toBeUndefined();
  });

  it('derives normalised tag keys and the year on each row', async () => {
    const db = newDb();
    await syncCatalogue(
      db,
      [
        makeRead('a', { tags: ['Cache\u2013Avalanche', 'cache-avalanche', 'Redis'], published: '2019-12-01' }),
        makeRead('b', { tags: ['Redis'], published: null }),
      ],
      'v1',
    );

    expect(await db.reads.get('a')).toMatchObject({ tagKeys: ['cache-avalanche', 'redis'], year: 2019 });
    expect(await db.reads.get('b')).toMatchObject({ tagKeys: ['redis'], year: null });
  });

  it('rolls back everything when the write fails part-way', async () => {
    const db = newDb();
    await syncCatalogue(db, [makeRead('a')], 'v1');
    // A function can't be structured-cloned: the bulkPut fails inside the transaction.
    const broken = makeRead('b', { summary: (() => 'x') as unknown as string });

    await expect(syncCatalogue(db, [makeRead('a', { title: 'changed' }), broken], 'v2')).rejects.toThrow();

    expect(await getMeta(db, 'catalogueVersion')).toBe('v1');
    expect((await db.reads.get('a'))?.title).toBe('Read a');
    expect(await db.reads.get('b')).toBeUndefined();
  });

  it.each([
    ['an empty version', [makeRead('a')], '', /non-empty string/],
    ['a read without id', [{ ...makeRead('a'), id: '' }], 'v1', /read #0 has no string id/],
    ['duplicate ids', [makeRead('a'), makeRead('a')], 'v1', /duplicate read id "a"/],
    ['a user-origin read', [makeRead('a', { origin: 'user' })], 'v1', /origin "user"/],
    ['a read without tags', [{ ...makeRead('a'), tags: undefined }], 'v1', /lacks a title or a tags array/],
  ])('rejects %s with a clear message and writes nothing', async (_case, reads, version, message) => {
    const db = newDb();
    await expect(syncCatalogue(db, reads as never, version)).rejects.toThrow(message);
    expect(await db.reads.count()).toBe(0);
  });

  // Speed budgets live in `npm run bench` (install_load_ms); here only correctness at catalogue scale.
  it('loads a catalogue-sized set (1,000 reads) in full', async () => {
    const db = newDb();
    const reads = Array.from({ length: 1_000 }, (_, i) => makeRead(`r${i}`));

    expect(await syncCatalogue(db, reads, 'v1')).toMatchObject({ added: 1_000 });
    expect(await db.reads.count()).toBe(1_000);
  });
});
