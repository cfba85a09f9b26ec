/** The `userSources` table (schema v2): extra catalogue sources the user imported. */
import type { EntityTable } from 'dexie';

/** The file format a user source was imported from. */
export type UserSourceKind = 'awesome-markdown' | 'bookmarks-html';

export type UserSource = {
  /** Also stored on each of its reads as `userSourceId`. */
  id: string;
  name: string;
  kind: UserSourceKind;
  addedAt: number;
  readCount: number;
};

export type UserSourcesTable = EntityTable<UserSource, 'id'>;
