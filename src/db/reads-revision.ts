/**
 * The reads' revision, kept in memory and watched live: Dexie's liveQuery sees writes from every
 * context (a catalogue update in the worker, a user source added in the options page), so caches
 * built from `reads` learn they are stale without an IndexedDB round trip per question. With a
 * large catalogue IndexedDB may be busy serving a page's bulk read for a second or more.
 */
import { liveQuery } from 'dexie';
import { getMeta, type DocentDb } from './database';

export type ReadsRevisionWatch = {
  /** The latest revision; the first call starts watching and waits for the stored value. */
  current(): Promise<number>;
  /** Called with every revision seen, the stored one first. */
  onChange(listener: (revision: number) => void): void;
};

export function watchReadsRevision(db: DocentDb): ReadsRevisionWatch {
  let latest: number | undefined;
  let first: Promise<number> | undefined;
  const listeners = new Set<(revision: number) => void>();
  const start = (): Promise<number> =>
    (first ??= new Promise((resolve, reject) => {
      liveQuery(() => getMeta(db, 'readsRevision')).subscribe({
        next: (stored) => {
          latest = stored ?? 0;
          resolve(latest);
          for (const listener of listeners) listener(latest);
        },
        error: (error: unknown) => {
          // The watch ended (e.g. its connection was lost): forget what it said, so the next
          // question reads the stored revision again instead of trusting a value nobody updates.
          first = undefined;
          latest = undefined;
          reject(error);
        },
      });
    }));
  return {
    current: () => (latest !== undefined ? Promise.resolve(latest) : start()),
    onChange(listener) {
      listeners.add(listener);
      start().catch((error: unknown) => console.error('[docent] watching the catalogue failed', error));
    },
  };
}
