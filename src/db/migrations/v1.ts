import type { Migration } from './migration';

/** First schema: catalogue reads, the user's queue, and key/value meta. */
export const v1: Migration = {
  version: 1,
  stores: {
    reads: 'id, *tagKeys, category, section, source, year, origin',
    queue: 'id, readId, state, position, addedAt, updatedAt, url',
    meta: 'key',
  },
};
