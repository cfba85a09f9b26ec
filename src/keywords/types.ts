/** A term that characterises a page, with its weight (higher = more characteristic). */
export type Term = { term: string; weight: number };

/** What the content script (or on-demand extraction) reports about a page. */
export type PageKeywords = {
  url: string;
  title: string;
  /**
   * From the content script: candidate terms weighted by their emphasis on the page only (see
   * src/keywords/candidates.ts); the background weighs them against the catalogue before ranking.
   */
  keywords: Term[];
  /** Milliseconds the extraction took, measured in the page. */
  extractMs: number;
};
