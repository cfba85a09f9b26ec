/**
 * Document → page keywords, in two steps that can run in different places:
 * `extractCandidates` needs only the DOM and the vocabulary (content script), and
 * `weighCandidates` needs the catalogue's term statistics (background, CLI).
 */
import type { Term } from './types';
import { pageTextSteps, type PageTextOptions } from './page-text';
import { candidateTermSteps, type ConceptFinder } from './candidates';
import { runInSlices, runToEnd, type SlicedResult, type SliceOptions, type WorkSteps } from './steps';
import { characteristicTerms, type TermStatistics } from './weighting';

export type ExtractOptions = PageTextOptions & {
  /** Candidate terms kept from the page (default 300). */
  maxCandidates?: number;
};

export type PageCandidates = {
  title: string;
  /** Terms with their weighted counts on the page (not yet weighed against the catalogue). */
  candidates: Term[];
};

/** Keywords are at most this many terms: enough for a page's topics, few enough to show and rank fast. */
export const KEYWORD_LIMIT = 30;

export function extractCandidates(doc: Document, findConcepts: ConceptFinder, options: ExtractOptions = {}): PageCandidates {
  return runToEnd(extractionSteps(doc, findConcepts, options));
}

/**
 * `extractCandidates` a few milliseconds at a time (see steps.ts), for the content script: the
 * page gets its thread back between slices, so no task gets long however big the page is.
 * Null when `slicing.shouldStop` stopped it.
 */
export function extractCandidatesInSlices(
  doc: Document,
  findConcepts: ConceptFinder,
  slicing: SliceOptions,
  options: ExtractOptions = {},
): Promise<SlicedResult<PageCandidates> | null> {
  return runInSlices(extractionSteps(doc, findConcepts, options), slicing);
}

function* extractionSteps(doc: Document, findConcepts: ConceptFinder, options: ExtractOptions): WorkSteps<PageCandidates> {
  const page = yield* pageTextSteps(doc, options);
  return {
    title: page.title,
    candidates: yield* candidateTermSteps(page, findConcepts, { maxTerms: options.maxCandidates }),
  };
}

/** What weighing needs from the catalogue: term statistics and which terms are concepts (a RelatedIndex has both). */
export type WeighingContext = TermStatistics & { isConcept(term: string): boolean };

/** Candidates → the page's characteristic terms; vocabulary concepts are favoured (see weighting.ts). */
export function weighCandidates(candidates: readonly Term[], context: WeighingContext): Term[] {
  return characteristicTerms(candidates, context, { limit: KEYWORD_LIMIT, isConcept: (term) => context.isConcept(term) });
}
