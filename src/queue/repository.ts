/**
 * The queue in IndexedDB. Each function runs one rule from ./rules inside one read-write
 * transaction over the queue and tombstone tables, so two popups writing at once serialise
 * instead of overwriting each other. Removals leave a tombstone for sync; restores and
 * re-imports clear it. When the disk is full the transaction aborts, nothing already stored is
 * touched, and {@link QueueStorageFullError} says so.
 */
import type { DocentDb } from '@/src/db';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem, QueueState } from './types';
import * as rules from './rules';
import { applyImport as mergeImport, type ImportFailure, type ImportPreview } from './import';

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
async function edit(db: DocentDb, rule: (queue: QueueItem[]) => rules.QueueEdit, now: number): Promise<rules.QueueEdit> {
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

/** The whole queue in the user's manual order. */
export async function all(db: DocentDb): Promise<QueueItem[]> {
  return rules.sortQueue(await db.queue.toArray(), 'manual');
}

/** Saves a catalogue read on top of the queue; resolves to the queued item (the existing one if already saved). */
export async function save(db: DocentDb, read: Read, now = Date.now()): Promise<QueueItem> {
  const result = await edit(db, (queue) => rules.saveRead(queue, read, now), now);
  return result.queue.find((item) => item.id === read.id)!;
}

/** Saves any http(s) page; throws {@link rules.QueueInputError} for other links. Resolves to the queued item. */
export async function savePage(db: DocentDb, page: rules.PageToSave, now = Date.now()): Promise<QueueItem> {
  const wanted = rules.itemFromPage(page, 0, now);
  const result = await edit(db, (queue) => rules.savePage(queue, page, now), now);
  return result.queue.find((item) => item.id === wanted.id) ?? rules.findByUrl(result.queue, wanted.url!)!;
}

/** Removes an item; resolves to it (pass it to {@link restore} to undo), or null if it was not queued. */
export async function remove(db: DocentDb, id: string, now = Date.now()): Promise<QueueItem | null> {
  const result = await edit(db, (queue) => rules.unsave(queue, id), now);
  return result.removed[0] ?? null;
}

/** Undo of {@link remove}: puts the item back where it was. */
export async function restore(db: DocentDb, item: QueueItem, now = Date.now()): Promise<void> {
  await edit(db, (queue) => rules.restore(queue, item, now), now);
}

export async function setState(db: DocentDb, id: string, state: QueueState, now = Date.now()): Promise<void> {
  await edit(db, (queue) => rules.setState(queue, id, state, now), now);
}

export async function move(db: DocentDb, id: string, target: rules.MoveTarget, now = Date.now()): Promise<void> {
  await edit(db, (queue) => rules.move(queue, id, target, now), now);
}

export async function setNote(db: DocentDb, id: string, note: string, now = Date.now()): Promise<void> {
  await edit(db, (queue) => rules.setNote(queue, id, note, now), now);
}

/** Applies an import preview to the queue as it is now; resolves to the number of items added or updated. */
export async function applyImport(db: DocentDb, preview: ImportPreview | ImportFailure, now = Date.now()): Promise<number> {
  const result = await edit(db, (queue) => mergeImport(queue, preview), now);
  return result.changed.length;
}
