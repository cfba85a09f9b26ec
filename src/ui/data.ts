/**
 * Where the popup's views get their data: the one module of src/ui that knows the database,
 * the queue repository, the search index and the background. Views receive plain values.
 */
import type { Read } from '@/src/catalogue/types';
import type { QueueItem, QueueState } from '@/src/queue/types';
import type { CatalogueSearch } from '@/src/search';
import type { RelatedRead, TabRelated } from '@/src/platform/messages';
import type { ReadAsPage } from '@/src/ranking/more-like-this';
import { sortQueue } from '@/src/queue/rules';
import { sendMessage } from '@/src/platform/messaging';
import { useLiveQuery } from './use-live-query';
import { noteQueueWrite } from './storage-status';

export type { CatalogueSearch };

type Store = typeof import('./store');
let store: Promise<Store> | undefined;
/** Dexie and the queue repository, loaded once, off the first paint's critical path. */
const loadStore = () => (store ??= import('./store'));

export function relatedReadsFor(tabId: number): Promise<TabRelated> {
  return sendMessage({ type: 'tab-related', tabId });
}

/** "More like this": the background ranks the read as a small page against the same index as tabs. */
export async function moreLikeThisFor(read: ReadAsPage): Promise<RelatedRead[]> {
  const { id, title, tags, summary } = read;
  return (await sendMessage({ type: 'more-like-this', read: { id, title, tags, summary: summary ?? null } })).related;
}

/** Catalogues up to this size get their search index ahead of need; larger ones when Search opens. */
const EAGER_SEARCH_INDEX_MAX_READS = 20_000;

/**
 * Builds the search index from the catalogue in IndexedDB (the search module is a separate chunk,
 * loaded only here). `onlyIfSmall`: resolve null instead for a catalogue too large to index speculatively,
 * where reading and indexing every read would cost seconds of a popup that may never search.
 */
export async function loadCatalogueSearch({ onlyIfSmall = false } = {}): Promise<CatalogueSearch | null> {
  const { db } = await loadStore();
  if (onlyIfSmall && (await db.reads.count()) > EAGER_SEARCH_INDEX_MAX_READS) return null;
  const [{ createCatalogueSearch }, reads] = await Promise.all([import('@/src/search'), db.reads.toArray()]);
  return createCatalogueSearch(reads);
}

/** The queue in the user's order (new saves go on top, so newest first until they reorder), live. */
export function useQueue(): QueueItem[] | null {
  return useLiveQuery(async ({ db }) => sortQueue(await db.queue.toArray(), 'manual'), [], null, loadStore);
}

/**
 * Runs one queue repository call once the storage layer has loaded. A full disk changes nothing
 * and resolves to undefined; the page's StorageNotice says so until a later write gets through.
 * An edit of an item another popup or the side panel removed a moment earlier also changes
 * nothing: the live list drops the item, which is all the user needs to see.
 */
async function withQueue<T>(action: (repository: Store['queueRepository'], db: Store['db']) => Promise<T>): Promise<T | undefined> {
  const { queueRepository, db } = await loadStore();
  try {
    const result = await action(queueRepository, db);
    noteQueueWrite('stored');
    return result;
  } catch (error) {
    if (error instanceof queueRepository.QueueInputError) return undefined;
    if (!(error instanceof queueRepository.QueueStorageFullError)) throw error;
    console.warn('Docent: the queue was not changed, the disk is full', error);
    noteQueueWrite('storage-full');
    return undefined;
  }
}

export const queueActions = {
  save: (read: Read) => withQueue((queue, db) => queue.save(db, read)),
  savePage: (page: { url: string; title: string }) => withQueue((queue, db) => queue.savePage(db, page)),
  /** Resolves to the removed item, which `restore` puts back (undo). */
  remove: (id: string) => withQueue((queue, db) => queue.remove(db, id)),
  restore: (item: QueueItem) => withQueue((queue, db) => queue.restore(db, item)),
  setState: (id: string, state: QueueState) => withQueue((queue, db) => queue.setState(db, id, state)),
  moveBefore: (id: string, beforeId: string) => withQueue((queue, db) => queue.move(db, id, { beforeId })),
  moveAfter: (id: string, afterId: string) => withQueue((queue, db) => queue.move(db, id, { afterId })),
  setNote: (id: string, note: string) => withQueue((queue, db) => queue.setNote(db, id, note)),
};
