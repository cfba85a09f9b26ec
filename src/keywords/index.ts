/** Page keyword extraction (see extract.ts for the two steps and where each runs). */
export { extractCandidates, extractKeywords, weighCandidates, KEYWORD_LIMIT } from './extract';
export type { ExtractOptions, PageCandidates, WeighingContext } from './extract';
export { collectPageText, mainContentRoot } from './page-text';
export type { PageText, PageTextOptions, WeightedText } from './page-text';
export { candidateTerms } from './candidates';
export type { ConceptFinder } from './candidates';
export { characteristicTerms, inverseDocumentFrequency, CONCEPT_BOOST } from './weighting';
export type { TermStatistics } from './weighting';
export type { Term, PageKeywords } from './types';
