/**
 * The queue in IndexedDB: every edit the popup, side panel and background make, each one rule
 * from ./rules run through {@link editQueue} (one serialised transaction). Importing a file lives
 * in ./import-repository, so the popup does not load the import parsers.
 */
import type { DocentDb } from '@/src/db';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem, QueueState } from './types';
import * as rules from './rules';
import { editQueue } from './queue-transaction';

export { QueueStorageFullError } from './queue-transaction';
export { QueueInputError } from './rules';

/** The whole queue in the user's manual order. */
export async function all(db: DocentDb): Promise<QueueItem[]> {
  return rules.sortQueue(await db.queue.toArray(), 'manual');
}

/** Saves a catalogue read on top of the queue; resolves to the queued item (the existing one if already saved). */
export async function save(db: DocentDb, read: Read, now = Date.now()): Promise<QueueItem> {
  const result = await editQueue(db, (queue) => rules.saveRead(queue, read, now), now);
  return result.queue.find((item) => item.id === read.id)!;
}

/** Saves any http(s) page; throws {@link rules.QueueInputError} for other links. Resolves to the queued item. */
export async function savePage(db: DocentDb, page: rules.PageToSave, now = Date.now()): Promise<QueueItem> {
  const wanted = rules.itemFromPage(page, 0, now);
  const result = await editQueue(db, (queue) => rules.savePage(queue, page, now), now);
  return result.queue.find((item) => item.id === wanted.id) ?? rules.findByUrl(result.queue, wanted.url!)!;
}

/** Removes an item; resolves to it (pass it to {@link restore} to undo), or null if it was not queued. */
export async function remove(db: DocentDb, id: string, now = Date.now()): Promise<QueueItem | null> {
  const result = await editQueue(db, (queue) => rules.unsave(queue, id), now);
  return result.removed[0] ?? null;
}

/** Undo of {@link remove}: puts the item back where it was. */
export async function restore(db: DocentDb, item: QueueItem, now = Date.now()): Promise<void> {
  await editQueue(db, (queue) => rules.restore(queue, item, now), now);
}

export async function setState(db: DocentDb, id: string, state: QueueState, now = Date.now()): Promise<void> {
  await editQueue(db, (queue) => rules.setState(queue, id, state, now), now);
}

export async function move(db: DocentDb, id: string, target: rules.MoveTarget, now = Date.now()): Promise<void> {
  await editQueue(db, (queue) => rules.move(queue, id, target, now), now);
}

export async function setNote(db: DocentDb, id: string, note: string, now = Date.now()): Promise<void> {
  await editQueue(db, (queue) => rules.setNote(queue, id, note, now), now);
}
