/**
 * The shape of a page report, on its own: the message guards (bundled into every extension page)
 * check reports against it without pulling in the extractor.
 */
export const PAGE_FIELDS = ['title', 'site', 'h1', 'description', 'url', 'lead', 'heading', 'body'] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

/** A page term: its key, how the page wrote it (for "Why"), and its count per field (PAGE_FIELDS order). */
export type PageTerm = { key: string; surface: string; counts: number[] };

/** Terms sent at most: every term of the aboutness fields, then the body's most frequent (bounds the message and the ranking work). */
export const MAX_PAGE_TERMS = 600;
