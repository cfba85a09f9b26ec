/**
 * Storage problems the user has to know about, gathered for {@link StorageNotice}: the catalogue
 * could not be loaded (recorded in meta by the background's loader), a queue write found the disk
 * full (reported by the page's own queue actions), or the database waits for an old connection to
 * close before it can upgrade. Dexie is loaded on first use, off the first paint.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CatalogueProblem } from '@/src/db';
import { useLiveQuery } from './use-live-query';

export type StorageProblems = {
  upgradeBlocked: boolean;
  catalogue: CatalogueProblem['reason'] | null;
  queueFull: boolean;
};

const loadDb = () => import('@/src/db');

let queueFull = false;
const queueFullListeners = new Set<(full: boolean) => void>();

/** Every queue write of this page reports here: a full disk is shown until a later write gets through. */
export function noteQueueWrite(outcome: 'stored' | 'storage-full'): void {
  const full = outcome === 'storage-full';
  if (full === queueFull) return;
  queueFull = full;
  for (const listener of queueFullListeners) listener(full);
}

export function useStorageProblems(): StorageProblems {
  const catalogue = useLiveQuery(async ({ db, getMeta }) => (await getMeta(db, 'catalogueProblem'))?.reason ?? null, [], null, loadDb);

  const [upgradeBlocked, setUpgradeBlocked] = useState(false);
  useEffect(() => {
    let active = true;
    let unsubscribe: (() => void) | undefined;
    loadDb()
      .then(({ upgradeStatus }) => {
        if (!active) return;
        setUpgradeBlocked(upgradeStatus.blocked);
        unsubscribe = upgradeStatus.subscribe(setUpgradeBlocked);
      })
      .catch((error: unknown) => console.error('Docent: storage could not load', error));
    return () => {
      active = false;
      unsubscribe?.();
    };
  }, []);

  const [full, setFull] = useState(queueFull);
  useEffect(() => {
    queueFullListeners.add(setFull);
    return () => void queueFullListeners.delete(setFull);
  }, []);

  return { upgradeBlocked, catalogue, queueFull: full };
}
