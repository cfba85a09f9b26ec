/**
 * Where the popup's and side panel's views get their data: the one module of src/ui that knows
 * the background, the stored tables and the search index. Views receive plain values.
 *
 * These pages carry no storage library: they read IndexedDB directly (./stored-tables), live, and
 * every queue change is a message the background runs through the queue repository.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem, QueueState } from '@/src/queue/types';
import type { CatalogueSearch } from '@/src/search';
import type { QueueEditRequest, QueueEditResult, RelatedRead, TabRelated } from '@/src/platform/messages';
import type { ReadAsPage } from '@/src/ranking/more-like-this';
import { sortQueue } from '@/src/queue/rules';
import { sendMessage } from '@/src/platform/messaging';
import { allRows, onTablesChanged, rowCount } from './stored-tables';
import { noteQueueWrite } from './storage-status';

export type { CatalogueSearch };

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
  if (onlyIfSmall && (await rowCount('reads')) > EAGER_SEARCH_INDEX_MAX_READS) return null;
  const [{ createCatalogueSearch }, reads] = await Promise.all([import('@/src/search'), allRows<Read>('reads')]);
  return createCatalogueSearch(reads);
}

/** The queue in the user's order (new saves go on top, so newest first until they reorder), live. */
export function useQueue(): QueueItem[] | null {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  useEffect(() => {
    let active = true;
    let latest = 0;
    const load = () => {
      const request = ++latest;
      allRows<QueueItem>('queue').then(
        // Only the newest read counts: an older one answering late must not put back what changed since.
        (rows) => active && request === latest && setItems(sortQueue(rows, 'manual')),
        (error: unknown) => console.error('Docent: the queue could not be read', error),
      );
    };
    const stop = onTablesChanged(['queue'], load);
    load();
    return () => {
      active = false;
      stop();
    };
  }, []);
  return items;
}

/**
 * Runs one queue change in the background. A full disk changes nothing; the page's StorageNotice
 * says so until a later write gets through. An edit of an item another popup or the side panel
 * removed a moment earlier also changes nothing: the live list drops the item, which is all the
 * user needs to see.
 */
async function editQueue(edit: QueueEditRequest): Promise<QueueEditResult> {
  const result = await sendMessage({ type: 'queue-edit', edit });
  if (result.ok) noteQueueWrite('stored');
  else if (result.reason === 'storage-full') noteQueueWrite('storage-full');
  return result;
}

export const queueActions = {
  save: (read: Read) => editQueue({ op: 'save', readId: read.id }),
  savePage: (page: { url: string; title: string }) => editQueue({ op: 'save-page', page }),
  /** Resolves to the removed item, which `restore` puts back (undo); null when nothing was removed. */
  remove: async (id: string) => {
    const result = await editQueue({ op: 'remove', id });
    return result.ok ? result.removed : null;
  },
  restore: (item: QueueItem) => editQueue({ op: 'restore', item }),
  setState: (id: string, state: QueueState) => editQueue({ op: 'set-state', id, state }),
  moveBefore: (id: string, beforeId: string) => editQueue({ op: 'move', id, target: { beforeId } }),
  moveAfter: (id: string, afterId: string) => editQueue({ op: 'move', id, target: { afterId } }),
  setNote: (id: string, note: string) => editQueue({ op: 'set-note', id, note }),
};
