/**
 * Related reads with the shared vocabulary wired in: what the background and the `suggest` CLI
 * call, so both rank identically. Candidates come from `extractCandidates` (content script or CLI).
 */
import type { Read } from '@/src/catalogue/types';
import type { Term } from '@/src/keywords/types';
import type { RelatedRead } from '@/src/platform/messages';
import { weighCandidates } from '@/src/keywords/extract';
import { canonicalOf, findConcepts } from '@/src/vocabulary';
import { buildRelatedIndex, relatedReads, type RelatedIndex } from './related';

export { buildRelatedIndex, relatedReads, RELATED_THRESHOLD, RELATED_FIELD_WEIGHTS } from './related';
export type { RelatedIndex } from './related';

/** The related-reads index over `reads` with the shared architecture vocabulary. */
export function createRelatedIndex(reads: readonly Read[]): RelatedIndex {
  return buildRelatedIndex(reads, { findConcepts, canonicalOf });
}

/** A page's candidate terms → its keywords (weighed against the catalogue) and its related reads. */
export function relatedForCandidates(
  candidates: readonly Term[],
  index: RelatedIndex,
  options: { limit?: number } = {},
): { keywords: Term[]; related: RelatedRead[] } {
  const keywords = weighCandidates(candidates, index);
  return { keywords, related: relatedReads(keywords, index, options) };
}
