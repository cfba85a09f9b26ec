/** The catalogue search engine behind the popup's search box (see catalogue-search.ts). */
export { createCatalogueSearch } from './catalogue-search';
export type { CatalogueSearch, SearchIndexSnapshot } from './catalogue-search';
export type { Facet, FacetCount, FacetKind, Range, SearchHit, SearchResult } from './types';
