import { afterEach, describe, expect, it } from 'vitest';
import { createDb, toStoredRead, type DocentDb } from '@/src/db';
import * as repository from '@/src/queue/repository';
import { runSyncRound } from '@/src/queue/sync-round';
import {
  SYNC_BUCKET_COUNT,
  SYNC_QUOTA,
  TOMBSTONE_MAX_AGE_MS,
  mergeEntries,
  packBuckets,
  planLocalChanges,
  pruneTombstones,
  syncItemBytes,
  toSyncEntry,
  unpackBuckets,
  type SyncEntry,
} from '@/src/queue/sync';
import { FakeSyncArea } from './fake-sync-area';
import { makeItem, makeRead } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
const T0 = 1_800_000_000_000;

// ---------- pure merge ----------

describe('mergeEntries', () => {
  it('last writer wins per item; a tie between an edit and a delete keeps the item', () => {
    const edit: SyncEntry = { i: 'a', s: 1, p: 0, a: 0, u: 10 };
    expect(mergeEntries([edit], [{ i: 'a', x: 9 }])).toEqual([edit]);
    expect(mergeEntries([edit], [{ i: 'a', x: 11 }])).toEqual([{ i: 'a', x: 11 }]);
    expect(mergeEntries([edit], [{ i: 'a', x: 10 }])).toEqual([edit]);
  });

  it('prunes tombstones older than 30 days', () => {
    const entries: SyncEntry[] = [{ i: 'old', x: T0 - TOMBSTONE_MAX_AGE_MS - 1 }, { i: 'recent', x: T0 - DAY }, { i: 'item', s: 0, p: 0, a: 0, u: 0 }];
    expect(pruneTombstones(entries, T0).map((entry) => entry.i)).toEqual(['recent', 'item']);
  });
});

describe('compact form', () => {
  it('omits snapshots of catalogue reads and keeps them for pages and reads other devices lack', () => {
    expect(toSyncEntry(makeItem('a', { note: 'hi', state: 'read', readAt: 7 }), () => true)).toEqual({ i: 'a', s: 1, p: 0, a: 1_700_000_000_000, d: 7, n: 'hi', u: 1_700_000_000_000 });
    const page = makeItem('page:1', { readId: null });
    expect(toSyncEntry(page, () => true)).toMatchObject({ r: null, snap: { t: page.title, l: page.url, o: page.source, g: page.tags, m: page.readMinutes } });
    expect(toSyncEntry(makeItem('u'), () => false).snap).toBeDefined();
  });

  it('when space runs out, keeps tombstones first, then unread, then read items', () => {
    const entries: SyncEntry[] = [
      { i: 'read-item', s: 1, p: 0, a: 0, u: 5, n: 'x'.repeat(200) },
      { i: 'unread-item', s: 0, p: 0, a: 0, u: 1, n: 'x'.repeat(200) },
      { i: 'deleted', x: 1 },
    ];
    const emptyBuckets = syncItemBytes('queue.b00', []) * SYNC_BUCKET_COUNT;
    const { left } = packBuckets(entries, emptyBuckets + 300);
    expect(left).toEqual(['read-item']);
  });

  it('skips malformed stored entries and foreign keys', () => {
    expect(unpackBuckets({ 'queue.b00': [{ i: 'a', x: 1 }, { i: 5 }, null, 'x', { i: 'b', s: 2, p: 0, a: 0, u: 1 }], 'queue.b01': 'nope', searchEngine: [{ i: 'c', x: 1 }] })).toEqual([{ i: 'a', x: 1 }]);
  });

  it('drops a synced link that is not http(s), as an import would: the item keeps its title and opens as a web search', () => {
    const entry = (id: string, link: string) => ({ i: id, r: null, s: 0, p: 1, a: 1, u: 1, snap: { t: `<b>${id}</b>`, l: link, o: 'x', g: [], m: null } });
    const hostile = ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'vbscript:x', 'not a url'];
    const unpacked = unpackBuckets({ 'queue.b00': [...hostile.map((link, index) => entry(`page:${index}`, link)), entry('page:ok', 'https://example.org/a')] });
    expect(unpacked.map((synced) => ('snap' in synced ? synced.snap?.l : undefined))).toEqual([...hostile.map(() => null), 'https://example.org/a']);
  });

  it('absence from sync is never a deletion; an unknown read without snapshot waits', () => {
    const local = [makeItem('kept')];
    const changes = planLocalChanges(local, [], [{ i: 'unknown', s: 0, p: 0, a: 0, u: 1 }], () => undefined);
    expect(changes).toEqual({ put: [], delete: [], tombstones: [], clearTombstones: [] });
  });
});

// ---------- sync rounds between devices ----------

let counter = 0;
const opened: DocentDb[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await db.delete();
});

const CATALOGUE = ['a', 'b', 'c', 'd'].map((id) => makeRead(id));

async function device(catalogue = CATALOGUE): Promise<DocentDb> {
  const db = createDb(`queue-sync-${++counter}`);
  opened.push(db);
  await db.reads.bulkPut(catalogue.map(toStoredRead));
  return db;
}

const snapshot = (db: DocentDb) => repository.all(db);

describe('sync rounds', () => {
  it('two devices editing offline converge to the same queue, whichever syncs first', async () => {
    async function scenario(firstToSync: 'laptop' | 'desktop') {
      const area = new FakeSyncArea();
      const laptop = await device();
      const desktop = await device();
      await repository.save(laptop, makeRead('a'), T0);
      await runSyncRound(laptop, area, T0);
      await runSyncRound(desktop, area, T0);
      // Offline: both edit.
      await repository.save(laptop, makeRead('b'), T0 + 10);
      await repository.setState(laptop, 'a', 'read', T0 + 20);
      await repository.savePage(desktop, { url: 'https://blog.example/p', title: 'Only on desktop' }, T0 + 15);
      await repository.setNote(desktop, 'a', 'desktop note', T0 + 30);
      const order = firstToSync === 'laptop' ? [laptop, desktop, laptop] : [desktop, laptop, desktop];
      for (const db of order) await runSyncRound(db, area, T0 + 100);
      return { laptop: await snapshot(laptop), desktop: await snapshot(desktop), area: area.data };
    }
    const one = await scenario('laptop');
    const other = await scenario('desktop');
    expect(one.laptop).toEqual(one.desktop);
    expect(other.laptop).toEqual(other.desktop);
    expect(one.laptop).toEqual(other.laptop);
    expect(one.area).toEqual(other.area);
    // Both saves took the top slot on their device (same position; ties sort by id). The later
    // note edit (desktop) won over the earlier state change (laptop): last writer wins per item.
    expect(one.laptop.map((item) => [item.id, item.state, item.note])).toEqual([
      ['b', 'unread', ''],
      [expect.stringMatching(/^page:/), 'unread', ''],
      ['a', 'unread', 'desktop note'],
    ]);
  });

  it('concurrent edit and delete: the later one wins, on both devices', async () => {
    const area = new FakeSyncArea();
    const phone = await device();
    const laptop = await device();
    await repository.save(phone, makeRead('a'), T0);
    await repository.save(phone, makeRead('b'), T0);
    await runSyncRound(phone, area, T0);
    await runSyncRound(laptop, area, T0);

    await repository.remove(phone, 'a', T0 + 10); // delete, then the laptop edits later
    await repository.setState(laptop, 'a', 'read', T0 + 20);
    await repository.setState(phone, 'b', 'read', T0 + 10); // edit, then the laptop deletes later
    await repository.remove(laptop, 'b', T0 + 20);
    for (const db of [phone, laptop, phone]) await runSyncRound(db, area, T0 + 100);

    for (const db of [phone, laptop]) {
      expect((await snapshot(db)).map((item) => [item.id, item.state])).toEqual([['a', 'read']]);
      expect((await db.syncTombstones.toArray()).map((tombstone) => tombstone.id)).toEqual(['b']);
    }
  });

  it('undo after a synced delete brings the item back on every device', async () => {
    const area = new FakeSyncArea();
    const one = await device();
    const two = await device();
    await repository.save(one, makeRead('a'), T0);
    await runSyncRound(one, area, T0);
    await runSyncRound(two, area, T0);
    const removed = await repository.remove(one, 'a', T0 + 10);
    await runSyncRound(one, area, T0 + 11);
    await runSyncRound(two, area, T0 + 12);
    expect(await two.queue.count()).toBe(0);
    await repository.restore(one, removed!, T0 + 20);
    await runSyncRound(one, area, T0 + 21);
    await runSyncRound(two, area, T0 + 22);
    expect(await snapshot(two)).toEqual(await snapshot(one));
    expect(await two.queue.get('a')).toMatchObject({ updatedAt: T0 + 20 });
    expect(await two.syncTombstones.count()).toBe(0);
  });

  it('reorders on two devices merge per item', async () => {
    const area = new FakeSyncArea();
    const one = await device();
    const two = await device();
    for (const id of ['a', 'b', 'c', 'd']) await repository.save(one, makeRead(id), T0);
    await runSyncRound(one, area, T0);
    await runSyncRound(two, area, T0);
    expect((await snapshot(two)).map((item) => item.id)).toEqual(['d', 'c', 'b', 'a']);

    await repository.move(one, 'a', { beforeId: 'd' }, T0 + 10); // a to the top
    await repository.move(two, 'd', { afterId: 'a' }, T0 + 20); // d to the bottom
    for (const db of [two, one, two]) await runSyncRound(db, area, T0 + 100);
    expect((await snapshot(one)).map((item) => item.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(await snapshot(one)).toEqual(await snapshot(two));
  });

  it('builds catalogue reads from the local catalogue and others from their snapshot', async () => {
    const area = new FakeSyncArea();
    const userRead = makeRead('user-1', { origin: 'user', title: 'From my own list' });
    const source = await device([...CATALOGUE, userRead]);
    const target = await device();
    await repository.save(source, makeRead('c'), T0);
    await repository.save(source, userRead, T0 + 1);
    await runSyncRound(source, area, T0 + 2);
    const stored = Object.values(area.data).flat() as SyncEntry[];
    expect(stored.find((entry) => entry.i === 'c')).not.toHaveProperty('snap');
    expect(stored.find((entry) => entry.i === 'user-1')).toHaveProperty('snap.t', 'From my own list');
    await runSyncRound(target, area, T0 + 3);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('is idempotent: a second round with nothing new writes nothing', async () => {
    const area = new FakeSyncArea();
    const db = await device();
    await repository.save(db, makeRead('a'), T0);
    expect(await runSyncRound(db, area, T0)).toEqual({ state: 'synced', at: T0, syncedCount: 1 });
    const writes = area.writes;
    const before = await snapshot(db);
    await runSyncRound(db, area, T0 + 1);
    await runSyncRound(db, area, T0 + 2);
    expect(area.writes).toBe(writes);
    expect(await snapshot(db)).toEqual(before);
  });

  it('expires tombstones after 30 days, locally and in sync storage', async () => {
    const area = new FakeSyncArea();
    const db = await device();
    await repository.save(db, makeRead('a'), T0);
    await repository.remove(db, 'a', T0 + 1);
    await runSyncRound(db, area, T0 + 2);
    expect(unpackBuckets(area.data)).toEqual([{ i: 'a', x: T0 + 1 }]);
    await runSyncRound(db, area, T0 + 1 + TOMBSTONE_MAX_AGE_MS + 1);
    expect(unpackBuckets(area.data)).toEqual([]);
    expect(await db.syncTombstones.count()).toBe(0);
  });

  it('when sync storage is full, the local queue keeps everything and the status says so', async () => {
    const area = new FakeSyncArea();
    area.data.bigSetting = 'x'.repeat(SYNC_QUOTA.QUOTA_BYTES - 4_000); // another feature's data
    const db = await device();
    for (let index = 0; index < 60; index++) {
      await repository.savePage(db, { url: `https://example.org/${index}`, title: `Page number ${index} with a longish title` }, T0 + index);
    }
    const status = await runSyncRound(db, area, T0 + 100);
    expect(status).toMatchObject({ state: 'full', message: expect.stringContaining('stay on this device') });
    if (status.state !== 'full') throw new Error('expected full');
    expect(status.syncedCount + status.unsyncedCount).toBe(60);
    expect(status.syncedCount).toBeGreaterThan(0);
    expect(await db.queue.count()).toBe(60);
    // Another device receives what fitted and loses nothing of its own.
    const other = await device();
    await repository.save(other, makeRead('a'), T0);
    await runSyncRound(other, area, T0 + 200);
    expect(await other.queue.count()).toBeGreaterThan(1);
    expect(await other.queue.get('a')).toBeDefined();
    // Local edits keep working while sync is full.
    await repository.save(db, makeRead('b'), T0 + 300);
    expect(await db.queue.count()).toBe(61);
  });

  it.each(['QUOTA_BYTES quota exceeded', 'QUOTA_BYTES_PER_ITEM quota exceeded', 'MAX_ITEMS quota exceeded'])(
    'a write failing with "%s" records "sync full" and changes nothing locally',
    async (message) => {
      const area = new FakeSyncArea();
      const db = await device();
      await repository.save(db, makeRead('a'), T0);
      area.failNextSetWith = message;
      const status = await runSyncRound(db, area, T0 + 1);
      expect(status).toMatchObject({ state: 'full', unsyncedCount: 1, message: 'Sync storage is full; new changes stay on this device.' });
      expect(area.data).toEqual({});
      expect((await snapshot(db)).map((item) => item.id)).toEqual(['a']);
      expect(await runSyncRound(db, area, T0 + 2)).toMatchObject({ state: 'synced', syncedCount: 1 });
    },
  );

  it('a write-rate error is reported as a retryable error', async () => {
    const area = new FakeSyncArea();
    const db = await device();
    await repository.save(db, makeRead('a'), T0);
    area.failNextSetWith = 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
    expect(await runSyncRound(db, area, T0 + 1)).toEqual({ state: 'error', at: T0 + 1, message: 'Too many sync writes; Docent will retry shortly.' });
  });

  it('a real quota (lowered) is never exceeded by what Docent writes', async () => {
    const area = new FakeSyncArea(SYNC_QUOTA.QUOTA_BYTES);
    const db = await device();
    for (let index = 0; index < 700; index++) {
      await db.queue.put(makeItem(`page:${index}`, { readId: null, title: `A fairly long title for page ${index}`, note: 'n'.repeat(index % 50), position: index }));
    }
    const status = await runSyncRound(db, area, T0);
    expect(status.state).toBe('full');
    expect(Object.entries(area.data).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    expect(await db.queue.count()).toBe(700);
  });
});
