import type Dexie from 'dexie';
import type { Migration } from './migration';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';

/** Every schema version in order. Add a version by adding one file and one entry here. */
export const migrations: readonly Migration[] = [v1, v2, v3];

export const latestSchemaVersion = migrations[migrations.length - 1].version;

/** Declare schema versions 1..`upTo` on a not-yet-opened database (tests stop early to build old databases). */
export function applyMigrations(db: Dexie, upTo = latestSchemaVersion): void {
  for (const migration of migrations) {
    if (migration.version > upTo) break;
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
}
