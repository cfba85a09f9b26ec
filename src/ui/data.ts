/**
 * Where the popup's views get their data: the one module of src/ui that knows the database,
 * the queue repository, the search index and the background. Views receive plain values.
 */
import type { Read } from '@/src/catalogue/types';
import type { QueueItem, QueueState } from '@/src/queue/types';
import type { CatalogueSearch } from '@/src/search';
import type { TabRelated } from '@/src/platform/messages';
import { db } from '@/src/db';
import * as queue from '@/src/queue/repository';
import { sortQueue } from '@/src/queue/rules';
import { sendMessage } from '@/src/platform/messaging';
import { useLiveQuery } from './use-live-query';

export type { CatalogueSearch };

export function relatedReadsFor(tabId: number): Promise<TabRelated> {
  return sendMessage({ type: 'tab-related', tabId });
}

/**
 * Builds the search index from the catalogue in IndexedDB. The search module is a separate
 * chunk, loaded only here, so the popup's first paint (the Related view) never waits for it.
 */
export async function loadCatalogueSearch(): Promise<CatalogueSearch> {
  const [{ createCatalogueSearch }, reads] = await Promise.all([import('@/src/search'), db.reads.toArray()]);
  return createCatalogueSearch(reads);
}

/** The queue in the user's order (new saves go on top, so newest first until they reorder), live. */
export function useQueue(): QueueItem[] | null {
  return useLiveQuery(async () => sortQueue(await db.queue.toArray(), 'manual'), [], null);
}

export const queueActions = {
  save: (read: Read) => queue.save(db, read),
  /** Resolves to the removed item, which `restore` puts back (undo). */
  remove: (id: string) => queue.remove(db, id),
  restore: (item: QueueItem) => queue.restore(db, item),
  setState: (id: string, state: QueueState) => queue.setState(db, id, state),
  moveBefore: (id: string, beforeId: string) => queue.move(db, id, { beforeId }),
  moveAfter: (id: string, afterId: string) => queue.move(db, id, { afterId }),
};
