import type { Migration } from './migration';

/**
 * Reads keep only the indexes something queries: `origin` (the options page counts reads per origin)
 * and `userSourceId` (a user source's reads are listed and removed together). The tag, category,
 * section, source and year indexes go: search and facets work on in-memory indexes, and those five
 * cost 5–6 index entries per row on every catalogue load (most of a 100k-read install's commit).
 * Rows keep their shape, so no upgrade function is needed; IndexedDB drops the index data itself.
 */
export const v3: Migration = {
  version: 3,
  stores: {
    reads: 'id, origin, userSourceId',
  },
};
