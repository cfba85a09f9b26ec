/**
 * One sync round between this device's queue (IndexedDB) and the browser's sync storage: read the
 * remote entries, merge them with the local ones, apply what is newer to the local queue in one
 * transaction, then write back only the buckets whose content changed. Safe to run any number of
 * times (idempotent) and from any trigger; the local queue never waits on, or fails because of, sync.
 */
import type { DocentDb } from '@/src/db';
import type { Read } from '@/src/catalogue/types';
import {
  SYNC_QUOTA,
  TOMBSTONE_MAX_AGE_MS,
  bytesUsedByOthers,
  describeSyncError,
  isTombstone,
  localEntries,
  mergeEntries,
  packBuckets,
  planLocalChanges,
  pruneTombstones,
  readIdOf,
  unpackBuckets,
  type SyncArea,
  type SyncEntry,
  type SyncStatus,
} from './sync';

async function mergeIntoLocal(db: DocentDb, remote: SyncEntry[], now: number): Promise<SyncEntry[]> {
  return db.transaction('rw', db.queue, db.syncTombstones, db.reads, async () => {
    const [items, tombstones] = await Promise.all([db.queue.toArray(), db.syncTombstones.toArray()]);
    const readIds = [
      ...items.map((item) => item.readId),
      ...remote.map((entry) => (isTombstone(entry) ? null : readIdOf(entry))),
    ].filter((readId): readId is string => readId !== null);
    const found = await db.reads.bulkGet([...new Set(readIds)]);
    const reads = new Map<string, Read>(found.flatMap((read) => (read ? [[read.id, read]] : [])));
    // Reads from user sources exist only on this device, so they travel with a snapshot.
    const isInCatalogue = (readId: string) => reads.has(readId) && reads.get(readId)!.origin !== 'user';

    const merged = pruneTombstones(mergeEntries(remote, localEntries(items, tombstones, isInCatalogue)), now);
    const changes = planLocalChanges(items, tombstones, merged, (readId) => reads.get(readId));
    await db.queue.bulkDelete(changes.delete);
    await db.queue.bulkPut(changes.put);
    await db.syncTombstones.bulkPut(changes.tombstones);
    await db.syncTombstones.bulkDelete(changes.clearTombstones);
    await db.syncTombstones.where('deletedAt').below(now - TOMBSTONE_MAX_AGE_MS).delete();
    return merged;
  });
}

export async function runSyncRound(db: DocentDb, area: SyncArea, now = Date.now()): Promise<SyncStatus> {
  let stored: Record<string, unknown>;
  try {
    stored = await area.get();
  } catch (error) {
    return { state: 'error', at: now, message: describeSyncError(error).message };
  }
  const merged = await mergeIntoLocal(db, unpackBuckets(stored), now);
  const { buckets, left } = packBuckets(merged, SYNC_QUOTA.QUOTA_BYTES - bytesUsedByOthers(stored));
  const changed = Object.fromEntries(
    // An absent key and an empty bucket mean the same; don't spend writes creating empty buckets.
    Object.entries(buckets).filter(([key, entries]) => JSON.stringify(stored[key] ?? []) !== JSON.stringify(entries)),
  );
  const syncedCount = merged.length - left.length;
  try {
    if (Object.keys(changed).length > 0) await area.set(changed);
  } catch (error) {
    const problem = describeSyncError(error);
    const unsyncedCount = Object.values(changed).reduce((sum, entries) => sum + entries.length, 0);
    return problem.full
      ? { state: 'full', at: now, syncedCount: merged.length - unsyncedCount, unsyncedCount, message: problem.message }
      : { state: 'error', at: now, message: problem.message };
  }
  if (left.length > 0) {
    return {
      state: 'full',
      at: now,
      syncedCount,
      unsyncedCount: left.length,
      message: `Sync storage is full: ${left.length} saved item(s) stay on this device only until there is room.`,
    };
  }
  return { state: 'synced', at: now, syncedCount };
}
