/**
 * Page text → candidate terms with weighted counts. This is the part that runs in the page
 * (content script): no catalogue needed, only the vocabulary's phrase matcher, so the message
 * to the background is a short list of terms, never the page's text.
 */
import type { Term } from './types';
import type { PageText } from './page-text';
import { codeIdentifiers, isContentWord, tokenize } from './tokens';

/**
 * Finds the vocabulary's concepts in a text (the vocabulary's `findConcepts`): each concept's
 * canonical term, how often it occurs, and how it was written (so its words are not counted again).
 */
export type ConceptFinder = (text: string) => readonly { canonical: string; count: number; surface?: string }[];

export type CandidateOptions = {
  /** Candidates sent on at most (the heaviest); bounds the message and the ranking work. */
  maxTerms?: number;
};

/**
 * Concept occurrences plus the content words not already counted through a concept: a one-word
 * concept is not counted twice, and the words of a phrase (`quorum` in `quorum queue`) count
 * only where they stand on their own.
 */
function blockTerms(text: string, findConcepts: ConceptFinder): string[] {
  const matches = findConcepts(text);
  const covered = new Map<string, number>();
  for (const { canonical, surface, count } of matches) {
    const words = surface === undefined ? [canonical] : tokenize(surface);
    for (const word of words) covered.set(word, (covered.get(word) ?? 0) + count);
  }
  const words: string[] = [];
  for (const token of tokenize(text)) {
    const left = covered.get(token) ?? 0;
    if (left > 0) covered.set(token, left - 1);
    else if (isContentWord(token)) words.push(token);
  }
  return [...matches.flatMap(({ canonical, count }) => Array<string>(count).fill(canonical)), ...words];
}

/**
 * Each term's emphasis on the page: the weights of the title, meta and heading blocks it appears
 * in (once per block, capped so a term in every heading does not run away), plus a sub-linear
 * share of its body occurrences — being in the title matters more than the 40th repetition.
 */
export function candidateTerms(page: PageText, findConcepts: ConceptFinder, options: CandidateOptions = {}): Term[] {
  const maxTerms = options.maxTerms ?? 300;
  const structural = new Map<string, number>();
  const bodyCounts = new Map<string, number>();
  for (const block of page.blocks) {
    const terms = block.kind === 'code' ? codeIdentifiers(block.text) : blockTerms(block.text, findConcepts);
    if (block.kind === 'body' || block.kind === 'code') {
      for (const term of terms) bodyCounts.set(term, (bodyCounts.get(term) ?? 0) + 1);
    } else {
      for (const term of new Set(terms)) structural.set(term, (structural.get(term) ?? 0) + block.weight);
    }
  }
  const emphasis = new Map<string, number>();
  for (const [term, weight] of structural) emphasis.set(term, Math.min(weight, MAX_STRUCTURAL_EMPHASIS));
  for (const [term, count] of bodyCounts) emphasis.set(term, (emphasis.get(term) ?? 0) + BODY_EMPHASIS * Math.log1p(count));
  return [...emphasis]
    .map(([term, weight]) => ({ term, weight: Math.round(weight * 1000) / 1000 }))
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
    .slice(0, maxTerms);
}

/** Cap on title + meta + heading emphasis (title 5 + description 2 + h1 4 + a few headings). */
const MAX_STRUCTURAL_EMPHASIS = 15;
/** Body occurrences count as BODY_EMPHASIS × ln(1 + count): 1 → 1.4, 10 → 4.8, 100 → 9.2. */
const BODY_EMPHASIS = 2;
