import type { PageTerm } from '@/src/relevance/page-fields';

/** A term that characterises a page, with its weight (higher = more characteristic). */
export type Term = { term: string; weight: number };

/** What the content script (or on-demand extraction) reports about a page. */
export type PageKeywords = {
  url: string;
  title: string;
  /** The page's terms with their counts per part of the page (src/relevance/page-terms.ts); the background ranks them. */
  terms: PageTerm[];
  /** Milliseconds the extraction took, measured in the page. */
  extractMs: number;
};
