import type { Read } from '@/src/catalogue/types';

/** A facet the user can filter by; values come from the catalogue itself. */
export type FacetKind = 'tag' | 'category' | 'section' | 'source' | 'year';
export type Facet = { kind: FacetKind; value: string };

/** [start, end) character offsets into a field's text, for highlighting without innerHTML. */
export type Range = [start: number, end: number];

export type SearchHit = {
  read: Read;
  score: number;
  /** Where the query's words (or their typo-corrected forms) occur in the title and summary. */
  highlights: { title: Range[]; summary: Range[] };
};

export type FacetCount = { facet: Facet; count: number };

export type SearchResult = {
  hits: SearchHit[];
  /** Total matching reads before the limit. */
  total: number;
};
