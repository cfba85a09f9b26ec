/** The `reads` table: catalogue reads (bundled and user-imported) plus fields derived for indexing. */
import type { EntityTable } from 'dexie';
import type { Read } from '@/src/catalogue/types';
import { normaliseTag } from '@/src/catalogue/tags';

export type StoredRead = Read & {
  /** Normalised tags (see normaliseTag); indexed multiEntry up to schema v2, a plain field since v3. */
  tagKeys: string[];
  /** Year of `published`; null when the date is unknown (indexed up to schema v2). */
  year: number | null;
};

export type ReadsTable = EntityTable<StoredRead, 'id'>;

export function toStoredRead(read: Read): StoredRead {
  return {
    ...read,
    tagKeys: [...new Set(read.tags.map(normaliseTag).filter((key) => key !== ''))],
    year: yearOf(read.published),
  };
}

function yearOf(published: string | null): number | null {
  const year = published === null ? NaN : Number(published.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}

/** The catalogue read without the derived fields, as it appears in assets/catalogue.json. */
export function fromStoredRead(stored: StoredRead): Read {
  const { tagKeys: _tagKeys, year: _year, ...read } = stored;
  return read;
}
