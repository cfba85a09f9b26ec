/**
 * Storage problems the user has to know about, gathered for {@link StorageNotice}: the catalogue
 * could not be loaded (recorded in meta by the background's loader), a queue write found the disk
 * full (reported by the page's own queue actions), or the database waits for an old connection to
 * close before it can upgrade. Read without Dexie (./stored-tables), so the popup carries none.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CatalogueProblem } from '@/src/db/tables/meta';
import { DOCENT_DB_NAME, onTablesChanged, rowByKey, rowCount } from './stored-tables';

export type StorageProblems = {
  upgradeBlocked: boolean;
  catalogue: CatalogueProblem['reason'] | null;
  queueFull: boolean;
};

/**
 * Where a context whose schema upgrade is blocked says so (src/db/upgrade-status.ts): IndexedDB
 * tells only the blocked opener, so this page asks, and listens.
 */
const UPGRADE_CHANNEL = `docent-storage:${DOCENT_DB_NAME}`;
type UpgradeNote = { blocked: boolean } | { ask: true };

let queueFull = false;
const queueFullListeners = new Set<(full: boolean) => void>();

/** Every queue write of this page reports here: a full disk is shown until a later write gets through. */
export function noteQueueWrite(outcome: 'stored' | 'storage-full'): void {
  const full = outcome === 'storage-full';
  if (full === queueFull) return;
  queueFull = full;
  for (const listener of queueFullListeners) listener(full);
}

function useCatalogueProblem(): CatalogueProblem['reason'] | null {
  const [reason, setReason] = useState<CatalogueProblem['reason'] | null>(null);
  useEffect(() => {
    let active = true;
    const load = () =>
      rowByKey<{ value: CatalogueProblem }>('meta', 'catalogueProblem').then(
        (entry) => active && setReason(entry?.value.reason ?? null),
        (error: unknown) => console.error('Docent: storage could not be read', error),
      );
    const stop = onTablesChanged(['meta'], load);
    void load();
    return () => {
      active = false;
      stop();
    };
  }, []);
  return reason;
}

function useUpgradeBlocked(): boolean {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    let active = true;
    const channel = new BroadcastChannel(UPGRADE_CHANNEL);
    channel.onmessage = ({ data }: MessageEvent<UpgradeNote>) => {
      if (!('blocked' in data)) return; // another page asking; this one never upgrades, so never blocks
      setBlocked(data.blocked);
      // The blocked context may close before it says it is through: an open of ours returns once the upgrade has.
      if (data.blocked) void rowCount('meta').then(() => active && setBlocked(false), () => undefined);
    };
    channel.postMessage({ ask: true } satisfies UpgradeNote);
    return () => {
      active = false;
      channel.close();
    };
  }, []);
  return blocked;
}

export function useStorageProblems(): StorageProblems {
  const catalogue = useCatalogueProblem();
  const upgradeBlocked = useUpgradeBlocked();
  const [full, setFull] = useState(queueFull);
  useEffect(() => {
    queueFullListeners.add(setFull);
    return () => void queueFullListeners.delete(setFull);
  }, []);
  return { upgradeBlocked, catalogue, queueFull: full };
}
