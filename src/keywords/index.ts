/** Page keyword extraction (see extract.ts for the two steps and where each runs). */
export { extractCandidates, extractCandidatesInSlices, weighCandidates } from './extract';
export { collectPageText, mainContentRoot, readableText } from './page-text';
export type { PageText } from './page-text';
export { runInSlices } from './steps';
export { characteristicTerms, inverseDocumentFrequency } from './weighting';
export type { TermStatistics } from './weighting';
export type { Term, PageKeywords } from './types';
