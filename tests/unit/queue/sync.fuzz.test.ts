import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDb, toStoredRead, type DocentDb } from '@/src/db';
import * as repository from '@/src/queue/repository';
import { sortQueue } from '@/src/queue/rules';
import { runSyncRound } from '@/src/queue/sync-round';
import {
  SYNC_BUCKET_COUNT,
  SYNC_QUOTA,
  bucketKey,
  isTombstone,
  mergeEntries,
  packBuckets,
  syncItemBytes,
  toSyncEntry,
  unpackBuckets,
  type SyncEntry,
} from '@/src/queue/sync';
import type { QueueItem } from '@/src/queue/types';
import { fuzz, fuzzAsync, lineText } from '../support/fuzz';
import { FakeSyncArea } from './fake-sync-area';
import { makeItem, makeRead } from './fixtures';

const T0 = 1_800_000_000_000;

// ---------- pure merge ----------

const IDS = ['a', 'b', 'c', 'page:1'];
const ENTRY = fc.oneof(
  fc.record({ i: fc.constantFrom(...IDS), x: fc.integer({ min: 0, max: 20 }) }),
  fc.record(
    {
      i: fc.constantFrom(...IDS),
      s: fc.constantFrom(0 as const, 1 as const),
      p: fc.integer({ min: -3, max: 3 }),
      a: fc.constant(0),
      n: fc.constantFrom('x', 'y'),
      u: fc.integer({ min: 0, max: 20 }),
      snap: fc.constant({ t: 'T', l: 'https://t.example/', o: 't.example', g: [], m: null }),
    },
    { requiredKeys: ['i', 's', 'p', 'a', 'u'] },
  ),
) as fc.Arbitrary<SyncEntry>;
const ENTRIES = fc.array(ENTRY, { maxLength: 8 });
const stampOf = (entry: SyncEntry) => (isTombstone(entry) ? entry.x : entry.u);

describe('mergeEntries (property-based)', () => {
  it('is commutative, associative and idempotent (devices may merge in any order, any number of times)', () => {
    fuzz(
      fc.property(ENTRIES, ENTRIES, ENTRIES, (a, b, c) => {
        expect(mergeEntries(a, b)).toEqual(mergeEntries(b, a));
        expect(mergeEntries(mergeEntries(a, b), c)).toEqual(mergeEntries(a, mergeEntries(b, c)));
        expect(mergeEntries(mergeEntries(a, b), b)).toEqual(mergeEntries(a, b));
      }),
      { scale: 4 },
    );
  });

  it('keeps, per id, one of its entries with the latest stamp (a kept item over a deletion on a tie), sorted by id', () => {
    fuzz(
      fc.property(fc.array(ENTRIES, { maxLength: 4 }), (sources) => {
        const all = sources.flat();
        const merged = mergeEntries(...sources);
        expect(merged.map((entry) => entry.i)).toEqual([...new Set(all.map((entry) => entry.i))].sort());
        for (const entry of merged) {
          const candidates = all.filter((other) => other.i === entry.i);
          const latest = Math.max(...candidates.map(stampOf));
          expect(candidates).toContainEqual(entry);
          expect(stampOf(entry)).toBe(latest);
          if (candidates.some((other) => stampOf(other) === latest && !isTombstone(other))) expect(isTombstone(entry)).toBe(false);
        }
      }),
      { scale: 4 },
    );
  });
});

describe('packBuckets (property-based)', () => {
  it('packs within the per-key and total quotas whatever the queue, and unpacks to what it packed', () => {
    const ITEM = fc.record({
      id: fc.string({ minLength: 1, maxLength: 40 }),
      note: lineText({ maxLength: 280 }),
      title: lineText({ maxLength: 300 }),
      state: fc.constantFrom('unread' as const, 'read' as const),
      updatedAt: fc.nat(),
    });
    fuzz(
      fc.property(fc.uniqueArray(ITEM, { selector: (item) => item.id, maxLength: 600 }), fc.integer({ min: 2_000, max: SYNC_QUOTA.QUOTA_BYTES }), (records, budget) => {
        const entries = records.map((record) => toSyncEntry(makeItem(record.id, { ...record, readId: null }), () => false));
        const { buckets, left } = packBuckets(entries, budget);
        const sizes = Object.entries(buckets).map(([key, value]) => syncItemBytes(key, value));
        expect(Object.keys(buckets)).toHaveLength(SYNC_BUCKET_COUNT);
        for (const size of sizes) expect(size).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
        expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(budget);
        const packed = Object.values(buckets).flat();
        expect(packed.length + left.length).toBe(entries.length);
        for (const [key, value] of Object.entries(buckets)) for (const entry of value) expect(bucketKey(entry.i)).toBe(key);
        expect(unpackBuckets(JSON.parse(JSON.stringify(buckets)) as Record<string, unknown>)).toEqual(mergeEntries(packed));
      }),
      { scale: 0.5 },
    );
  });
});

// ---------- sync rounds between devices ----------

const CATALOGUE = ['a', 'b', 'c', 'd'].map((id) => makeRead(id));
/** Pages saved from the browser; the last is also catalogue read b's link (saving b turns that page into the read). */
const PAGES = ['https://blog.example/one', 'https://blog.example/two', 'https://example.com/b'];

let counter = 0;
const opened: DocentDb[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await db.delete();
});

async function device(): Promise<DocentDb> {
  const db = createDb(`queue-sync-fuzz-${++counter}`);
  opened.push(db);
  await db.reads.bulkPut(CATALOGUE.map(toStoredRead));
  return db;
}

const OP = fc.record({
  device: fc.nat(2),
  kind: fc.constantFrom('save', 'save page', 'remove', 'undo', 'read', 'unread', 'note', 'move', 'sync'),
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  page: fc.constantFrom(...PAGES),
  other: fc.nat(3),
  note: fc.constantFrom('', 'x', 'y'),
});
type Op = typeof OP extends fc.Arbitrary<infer T> ? T : never;

/** What each device's Undo would bring back: the item it removed last. */
const lastRemoved = new WeakMap<DocentDb, QueueItem>();

/** One user action (or sync round) on one device; actions on items the device does not have are skipped. */
async function apply(db: DocentDb, area: FakeSyncArea, op: Op, now: number): Promise<void> {
  const queue = await repository.all(db);
  const item = queue.find((candidate) => candidate.id === op.id) ?? queue.find((candidate) => candidate.url === op.page);
  const removed = lastRemoved.get(db);
  if (op.kind === 'sync') await runSyncRound(db, area, now);
  else if (op.kind === 'undo') await (removed ? repository.restore(db, removed, now) : undefined);
  else if (op.kind === 'save') await repository.save(db, CATALOGUE.find((read) => read.id === op.id)!, now);
  else if (op.kind === 'save page') await repository.savePage(db, { url: op.page, title: `Page ${op.page}` }, now);
  else if (!item) return;
  else if (op.kind === 'remove') lastRemoved.set(db, (await repository.remove(db, item.id, now))!);
  else if (op.kind === 'read' || op.kind === 'unread') await repository.setState(db, item.id, op.kind, now);
  else if (op.kind === 'note') await repository.setNote(db, item.id, op.note, now);
  else if (op.kind === 'move') await repository.move(db, item.id, { beforeId: queue[op.other % queue.length]!.id }, now);
}

/** A write as the device made it: the item right after, or its deletion, with the stamp sync compares. */
type Write = { stamp: number; item: QueueItem | null };

/** The writes an action made on its device (a sync round writes nothing new: it copies others' writes). */
async function writesOf(db: DocentDb, before: QueueItem[]): Promise<Map<string, Write>> {
  const after = new Map((await db.queue.toArray()).map((item) => [item.id, item]));
  const writes = new Map<string, Write>();
  for (const item of after.values()) {
    const old = before.find((candidate) => candidate.id === item.id);
    if (!old || old.updatedAt !== item.updatedAt) writes.set(item.id, { stamp: item.updatedAt, item });
  }
  for (const old of before) {
    if (after.has(old.id)) continue;
    const tombstone = await db.syncTombstones.get(old.id);
    writes.set(old.id, { stamp: tombstone!.deletedAt, item: null });
  }
  return writes;
}

describe('sync rounds between devices (property-based)', () => {
  it('three devices editing and syncing in any order converge to the last write of every item', async () => {
    await fuzzAsync(
      fc.asyncProperty(fc.array(OP, { maxLength: 16 }), async (ops) => {
        const area = new FakeSyncArea();
        const devices = [await device(), await device(), await device()];
        // The oracle: per item, the write with the latest stamp (a kept item over a deletion on a tie).
        const latest = new Map<string, Write>();
        for (const [index, op] of ops.entries()) {
          const db = devices[op.device]!;
          const before = await db.queue.toArray();
          await apply(db, area, op, T0 + index * 10);
          if (op.kind === 'sync') continue;
          for (const [id, write] of await writesOf(db, before)) {
            const known = latest.get(id);
            if (!known || write.stamp > known.stamp || (write.stamp === known.stamp && write.item !== null)) latest.set(id, write);
          }
        }
        // Two rounds of syncing on every device: the first gathers every write, the second spreads them.
        for (let round = 0; round < 2; round++) for (const db of devices) await runSyncRound(db, area, T0 + 1_000);
        const expected = sortQueue([...latest.values()].flatMap((write) => (write.item ? [write.item] : [])), 'manual');
        for (const db of devices) expect(await repository.all(db)).toEqual(expected);
        // Settled: another round on any device changes nothing, here or in sync storage.
        const writes = area.writes;
        await runSyncRound(devices[0]!, area, T0 + 2_000);
        expect(area.writes).toBe(writes);
        for (const db of devices) db.close();
      }),
      { scale: 0.2 },
    );
  });
});
