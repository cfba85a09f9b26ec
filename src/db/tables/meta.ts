/** The `meta` table: one row per key, for small facts about the database itself. */
import type { EntityTable } from 'dexie';

/** What the last catalogue sync did; kept for diagnostics (options page, e2e timing). */
export type CatalogueSyncRecord = {
  version: string;
  at: number;
  /** From the start of the load to its commit (to its last write while `committed` is false). */
  durationMs: number;
  /** False in the record the load's transaction writes; true once rewritten after the commit. */
  committed: boolean;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
};

/**
 * Why the last attempt to load the bundled catalogue failed; removed by the next load that
 * succeeds. The UI shows it (a full disk gets its own message) while the loader keeps retrying.
 */
export type CatalogueProblem = {
  reason: 'storage-full' | 'failed';
  /** The version that could not be stored; null when even the bundled files could not be read. */
  version: string | null;
  at: number;
};

/** Every meta key with the type of its value. Add a key here to store a new fact. */
export type MetaValues = {
  /** Version (content hash) of the bundled catalogue currently in `reads`. */
  catalogueVersion: string;
  lastCatalogueSync: CatalogueSyncRecord;
  /** Bumped by every change to `reads` (catalogue sync, user sources), so caches built from them know they are stale. */
  readsRevision: number;
  catalogueProblem: CatalogueProblem;
};

export type MetaKey = keyof MetaValues;
export type MetaEntry = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

export type MetaTable = EntityTable<MetaEntry, 'key'>;
