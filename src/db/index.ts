/** The Docent database: schema, tables and the catalogue loader. */
import { createDb } from './database';
import { watchReadsRevision } from './reads-revision';
import { watchUpgradeStatus } from './upgrade-status';

export { bumpReadsRevision, createDb, getMeta, setMeta, type DocentDb } from './database';
export { syncCatalogue, type CatalogueSyncCounts } from './catalogue-sync';
export { createCatalogueLoader, type BundledCatalogue, type CatalogueLoader } from './catalogue-loader';
export { isQuotaError, retryOnConnectionLoss } from './storage-errors';
export { watchUpgradeStatus, type UpgradeStatus } from './upgrade-status';
export { toStoredRead, fromStoredRead, type StoredRead } from './tables/reads';
export type { MetaKey, MetaValues, CatalogueSyncRecord, CatalogueProblem } from './tables/meta';
export type { UserSource, UserSourceKind } from './tables/user-sources';
export type { SyncTombstone } from './tables/sync-tombstones';
export { migrations, latestSchemaVersion } from './migrations';
export { watchReadsRevision, type ReadsRevisionWatch } from './reads-revision';

/** The extension's database. Opening is lazy: nothing touches IndexedDB until the first query. */
export const db = createDb();

/** The database's reads revision, watched from the first question on (one watch per context). */
export const readsRevision = watchReadsRevision(db);

/** Whether opening the database waits for an old connection to close (a blocked schema upgrade). */
export const upgradeStatus = watchUpgradeStatus(db);
