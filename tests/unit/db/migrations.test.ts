import { afterEach, describe, expect, it } from 'vitest';
import { createDb, latestSchemaVersion, migrations, syncCatalogue, type DocentDb } from '@/src/db';
import { freshDbName, makeQueueItem, makeRead } from './helpers';

const opened: DocentDb[] = [];
function track(db: DocentDb): DocentDb {
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Index names per table as the opened database reports them. */
function schemaOf(db: DocentDb): Record<string, string[]> {
  return Object.fromEntries(db.tables.map((table) => [table.name, table.schema.indexes.map((index) => index.name).sort()]));
}

describe('schema migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: migrations.length }, (_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('v1 creates reads, queue and meta with their lookup indexes', async () => {
    const db = track(createDb(freshDbName(), 1));
    await db.open();

    expect(db.verno).toBe(1);
    expect(schemaOf(db)).toEqual({
      meta: [],
      queue: ['addedAt', 'position', 'readId', 'state', 'updatedAt', 'url'],
      reads: ['category', 'origin', 'section', 'source', 'tagKeys', 'year'],
    });
    expect(db.reads.schema.idxByName.tagKeys.multi).toBe(true);
  });

  it('v2 adds userSources, syncTombstones and the userSourceId index', async () => {
    const db = track(createDb(freshDbName(), 2));
    await db.open();

    expect(db.verno).toBe(2);
    expect(schemaOf(db)).toMatchObject({
      reads: ['category', 'origin', 'section', 'source', 'tagKeys', 'userSourceId', 'year'],
      userSources: ['addedAt', 'name'],
      syncTombstones: ['deletedAt'],
    });
  });

  it('v3 keeps only the reads indexes something queries (origin, userSourceId)', async () => {
    const db = track(createDb(freshDbName(), 3));
    await db.open();

    expect(db.verno).toBe(3);
    expect(schemaOf(db)).toMatchObject({
      reads: ['origin', 'userSourceId'],
      queue: ['addedAt', 'position', 'readId', 'state', 'updatedAt', 'url'],
      userSources: ['addedAt', 'name'],
      syncTombstones: ['deletedAt'],
    });
  });

  it('upgrading a v2 database to v3 keeps every read whole and its origin and source lookups', async () => {
    const name = freshDbName();
    const v2 = createDb(name, 2);
    await syncCatalogue(v2, [makeRead('a', { tags: ['Redis'], published: '2019-01-01' }), makeRead('b')], 'catalogue-1');
    await v2.userSources.add({ id: 'src-1', name: 'My list', kind: 'awesome-markdown', addedAt: 1, readCount: 1 });
    await v2.reads.put({ ...makeRead('u1', { origin: 'user', userSourceId: 'src-1' }), tagKeys: [], year: null });
    const readsBefore = await v2.reads.orderBy('id').toArray();
    v2.close();

    const v3 = track(createDb(name, 3));
    await v3.open();

    expect(v3.verno).toBe(3);
    expect(await v3.reads.orderBy('id').toArray()).toEqual(readsBefore);
    expect(await v3.reads.get('a')).toMatchObject({ tagKeys: ['redis'], year: 2019 });
    expect(await v3.reads.where('origin').equals('user').primaryKeys()).toEqual(['u1']);
    expect(await v3.reads.where('userSourceId').equals('src-1').primaryKeys()).toEqual(['u1']);
  });

  it('replaying every migration on a v1 database loses no queue item, read or meta entry', async () => {
    const name = freshDbName();
    const v1 = createDb(name, 1);
    await syncCatalogue(v1, [makeRead('a'), makeRead('b', { tags: ['Redis'] })], 'catalogue-1');
    const queue = [
      makeQueueItem('a'),
      makeQueueItem('page:1f2e', { readId: null, title: 'A saved page', position: 2, state: 'read', readAt: 1_700_000_500_000 }),
    ];
    await v1.queue.bulkPut(queue);
    const readsBefore = await v1.reads.orderBy('id').toArray();
    const metaBefore = await v1.meta.orderBy('key').toArray();
    v1.close();

    const latest = track(createDb(name));
    await latest.open();

    expect(latest.verno).toBe(latestSchemaVersion);
    expect(await latest.queue.orderBy('position').toArray()).toEqual(queue);
    expect(await latest.reads.orderBy('id').toArray()).toEqual(readsBefore);
    expect(await latest.meta.orderBy('key').toArray()).toEqual(metaBefore);
    // Old rows are reachable through the indexes that remain, and the new tables work.
    expect(await latest.reads.where('origin').equals(readsBefore[1]!.origin).primaryKeys()).toEqual(['a', 'b']);
    await latest.userSources.add({ id: 'src-1', name: 'My list', kind: 'awesome-markdown', addedAt: 1, readCount: 1 });
    await latest.reads.put({ ...makeRead('u1', { origin: 'user', userSourceId: 'src-1' }), tagKeys: [], year: null });
    expect(await latest.reads.where('userSourceId').equals('src-1').primaryKeys()).toEqual(['u1']);
    await latest.syncTombstones.add({ id: 'gone', deletedAt: 2 });
    expect(await latest.syncTombstones.count()).toBe(1);
  });
});
