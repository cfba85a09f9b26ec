/**
 * The one way the queue is written: run a rule from ./rules on the current queue inside one
 * read-write transaction over the queue and tombstone tables, and persist exactly what it changed.
 * Two popups writing at once therefore serialise instead of overwriting each other. Removals
 * leave a tombstone for sync; restores and re-imports clear it. When the disk is full the
 * transaction aborts, nothing already stored is touched, and {@link QueueStorageFullError} says so.
 */
import type { DocentDb } from '@/src/db';
import { isQuotaError, retryOnConnectionLoss } from '@/src/db/storage-errors';
import type { QueueItem } from './types';
import type { QueueEdit } from './rules';

export class QueueStorageFullError extends Error {
  override name = 'QueueStorageFullError';
  constructor(cause: unknown) {
    super('The browser has no room left to save to your queue. Your saved reads are safe; free some disk space and try again.', { cause });
  }
}

/** Runs a rule on the current queue and persists exactly what it changed. */
export async function editQueue(db: DocentDb, rule: (queue: QueueItem[]) => QueueEdit, now: number): Promise<QueueEdit> {
  try {
    // The rule runs on the queue as read inside the transaction, so a rerun after a lost connection is safe.
    return await retryOnConnectionLoss(db, () => db.transaction('rw', db.queue, db.syncTombstones, async () => {
      const stored = await db.queue.toArray();
      const result = rule(stored);
      if (result.changed.length > 0) {
        const ids = result.changed.map((item) => item.id);
        const tombstones = await db.syncTombstones.bulkGet(ids);
        const storedStamps = new Map(stored.map((item) => [item.id, item.updatedAt]));
        // Sync keeps the later stamp, so a write is stamped after what it replaces (the stored version,
        // or a deletion) even when its clock reads earlier: a click that waited behind another
        // surface's edit, or a clock that stepped back. Otherwise the next sync round would undo it.
        const written = result.changed.map((item, index) => {
          const replaced = Math.max(storedStamps.get(item.id) ?? -Infinity, tombstones[index]?.deletedAt ?? -Infinity);
          return item.updatedAt <= replaced ? { ...item, updatedAt: Math.max(now, replaced + 1) } : item;
        });
        await db.queue.bulkPut(written);
        await db.syncTombstones.bulkDelete(ids);
      }
      if (result.removed.length > 0) {
        await db.queue.bulkDelete(result.removed.map((item) => item.id));
        // Likewise a deletion is stamped after the version it deletes, or sync would bring that back.
        await db.syncTombstones.bulkPut(result.removed.map((item) => ({ id: item.id, deletedAt: Math.max(now, item.updatedAt + 1) })));
      }
      return result;
    }));
  } catch (error) {
    if (isQuotaError(error)) throw new QueueStorageFullError(error);
    throw error;
  }
}
