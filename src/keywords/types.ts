/** A term that characterises a page, with its weight (higher = more characteristic). */
export type Term = { term: string; weight: number };

/** What the content script (or on-demand extraction) reports about a page. */
export type PageKeywords = {
  url: string;
  title: string;
  keywords: Term[];
  /** Milliseconds the extraction took, measured in the page. */
  extractMs: number;
};
