import type { Migration } from './migration';

/**
 * User-imported catalogue sources and sync tombstones. Reads gain a `userSourceId` index so a
 * source's reads can be listed and removed together. No row changes shape: bundled reads have no
 * `userSourceId` and simply stay out of that index, so no upgrade function is needed.
 */
export const v2: Migration = {
  version: 2,
  stores: {
    reads: 'id, *tagKeys, category, section, source, year, origin, userSourceId',
    userSources: 'id, name, addedAt',
    syncTombstones: 'id, deletedAt',
  },
};
