/** The Docent IndexedDB database (Dexie 4). Schema history lives in ./migrations, one file per version. */
import Dexie from 'dexie';
import { applyMigrations, latestSchemaVersion } from './migrations';
import type { ReadsTable } from './tables/reads';
import type { QueueTable } from './tables/queue';
import type { MetaEntry, MetaKey, MetaTable, MetaValues } from './tables/meta';
import type { UserSourcesTable } from './tables/user-sources';
import type { SyncTombstonesTable } from './tables/sync-tombstones';

const DEFAULT_DB_NAME = 'docent';

export type DocentDb = Dexie & {
  reads: ReadsTable;
  queue: QueueTable;
  meta: MetaTable;
  userSources: UserSourcesTable;
  syncTombstones: SyncTombstonesTable;
};

/**
 * A database handle at schema version `schemaVersion` (default: latest). Tests pass a fresh
 * `name` per case, and an older `schemaVersion` to build a database as an earlier release left it.
 */
export function createDb(name = DEFAULT_DB_NAME, schemaVersion = latestSchemaVersion): DocentDb {
  const db = new Dexie(name) as DocentDb;
  applyMigrations(db, schemaVersion);
  return db;
}

export async function getMeta<K extends MetaKey>(db: DocentDb, key: K): Promise<MetaValues[K] | undefined> {
  const entry = await db.meta.get(key);
  return entry?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: DocentDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value } as MetaEntry);
}

/** Call inside the transaction that changed `reads`. */
export async function bumpReadsRevision(db: DocentDb): Promise<void> {
  await setMeta(db, 'readsRevision', ((await getMeta(db, 'readsRevision')) ?? 0) + 1);
}
