/**
 * The one way the queue is written: run a rule from ./rules on the current queue inside one
 * read-write transaction over the queue and tombstone tables, and persist exactly what it changed.
 * Two popups writing at once therefore serialise instead of overwriting each other. Removals
 * leave a tombstone for sync; restores and re-imports clear it. When the disk is full the
 * transaction aborts, nothing already stored is touched, and {@link QueueStorageFullError} says so.
 */
import type { DocentDb } from '@/src/db';
import type { QueueItem } from './types';
import type { QueueEdit } from './rules';

export class QueueStorageFullError extends Error {
  override name = 'QueueStorageFullError';
  constructor(cause: unknown) {
    super('The browser has no room left to save to your queue. Your saved reads are safe; free some disk space and try again.', { cause });
  }
}

function isQuotaError(error: unknown): boolean {
  for (let current = error; current && typeof current === 'object'; current = (current as { inner?: unknown }).inner) {
    if ((current as { name?: unknown }).name === 'QuotaExceededError') return true;
  }
  return false;
}

/** Runs a rule on the current queue and persists exactly what it changed. */
export async function editQueue(db: DocentDb, rule: (queue: QueueItem[]) => QueueEdit, now: number): Promise<QueueEdit> {
  try {
    return await db.transaction('rw', db.queue, db.syncTombstones, async () => {
      const result = rule(await db.queue.toArray());
      if (result.changed.length > 0) {
        const ids = result.changed.map((item) => item.id);
        const tombstones = await db.syncTombstones.bulkGet(ids);
        // Re-adding something deleted here is a newer write than that deletion, so sync must not undo it.
        const written = result.changed.map((item, index) => {
          const deletedAt = tombstones[index]?.deletedAt;
          return deletedAt !== undefined && item.updatedAt <= deletedAt ? { ...item, updatedAt: Math.max(now, deletedAt + 1) } : item;
        });
        await db.queue.bulkPut(written);
        await db.syncTombstones.bulkDelete(ids);
      }
      if (result.removed.length > 0) {
        await db.queue.bulkDelete(result.removed.map((item) => item.id));
        await db.syncTombstones.bulkPut(result.removed.map((item) => ({ id: item.id, deletedAt: now })));
      }
      return result;
    });
  } catch (error) {
    if (isQuotaError(error)) throw new QueueStorageFullError(error);
    throw error;
  }
}
