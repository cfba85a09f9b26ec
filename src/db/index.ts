/** The Docent database: schema, tables and the catalogue loader. */
import { createDb } from './database';
import { watchReadsRevision } from './reads-revision';

export { bumpReadsRevision, createDb, getMeta, setMeta, DEFAULT_DB_NAME, type DocentDb } from './database';
export { syncCatalogue, type CatalogueSyncCounts } from './catalogue-sync';
export { toStoredRead, fromStoredRead, type StoredRead } from './tables/reads';
export type { MetaKey, MetaValues, CatalogueSyncRecord } from './tables/meta';
export type { UserSource, UserSourceKind } from './tables/user-sources';
export type { SyncTombstone } from './tables/sync-tombstones';
export { migrations, latestSchemaVersion } from './migrations';
export { watchReadsRevision, type ReadsRevisionWatch } from './reads-revision';

/** The extension's database. Opening is lazy: nothing touches IndexedDB until the first query. */
export const db = createDb();

/** The database's reads revision, watched from the first question on (one watch per context). */
export const readsRevision = watchReadsRevision(db);
