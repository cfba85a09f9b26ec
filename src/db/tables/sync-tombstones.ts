/** The `syncTombstones` table (schema v2): queue items deleted locally, remembered so sync merges don't resurrect them. */
import type { EntityTable } from 'dexie';

export type SyncTombstone = {
  /** The deleted queue item's id. */
  id: string;
  deletedAt: number;
};

export type SyncTombstonesTable = EntityTable<SyncTombstone, 'id'>;
