/** Page keyword extraction (see extract.ts for the two steps and where each runs). */
export { extractCandidates, extractCandidatesInSlices, extractKeywords, weighCandidates, KEYWORD_LIMIT } from './extract';
export type { ExtractOptions, PageCandidates, WeighingContext } from './extract';
export { collectPageText, mainContentRoot, readableText } from './page-text';
export type { PageText, PageTextOptions, WeightedText } from './page-text';
export { candidateTerms } from './candidates';
export type { ConceptFinder } from './candidates';
export { runInSlices, runToEnd, SLICE_MS } from './steps';
export type { SliceOptions, SlicedResult, WorkSteps } from './steps';
export { characteristicTerms, inverseDocumentFrequency, CONCEPT_BOOST } from './weighting';
export type { TermStatistics } from './weighting';
export type { Term, PageKeywords } from './types';
