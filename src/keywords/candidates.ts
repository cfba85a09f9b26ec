/**
 * Page text → candidate terms with weighted counts. This is the part that runs in the page
 * (content script): no catalogue needed, only the vocabulary's phrase matcher, so the message
 * to the background is a short list of terms, never the page's text.
 */
import type { Term } from './types';
import type { PageText } from './page-text';
import type { WorkSteps } from './steps';
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
 * Text handed to the vocabulary and the tokenizer at once, at most: a longer block is read in
 * pieces cut at a sentence end (else a space) so each piece is one short step of work.
 */
export const CHUNK_CHARS = 4000;

/** `text` in pieces of at most CHUNK_CHARS, cut after a sentence's end where there is one in the second half. */
export function chunksOf(text: string): string[] {
  if (text.length <= CHUNK_CHARS) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > CHUNK_CHARS) {
    const piece = text.slice(start, start + CHUNK_CHARS);
    const sentenceEnd = Math.max(piece.lastIndexOf('. '), piece.lastIndexOf('? '), piece.lastIndexOf('! '));
    const space = piece.lastIndexOf(' ');
    const cut = sentenceEnd >= CHUNK_CHARS / 2 ? sentenceEnd + 1 : space > 0 ? space : CHUNK_CHARS;
    chunks.push(piece.slice(0, cut));
    start += cut;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/**
 * Each term's emphasis on the page: the weights of the title, meta and heading blocks it appears
 * in (once per block, capped so a term in every heading does not run away), plus a sub-linear
 * share of its body occurrences — being in the title matters more than the 40th repetition.
 * In steps of one chunk of text each (see ./steps).
 */
export function* candidateTermSteps(page: PageText, findConcepts: ConceptFinder, options: CandidateOptions = {}): WorkSteps<Term[]> {
  const maxTerms = options.maxTerms ?? 300;
  const structural = new Map<string, number>();
  const bodyCounts = new Map<string, number>();
  for (const block of page.blocks) {
    const isCounted = block.kind === 'body' || block.kind === 'code';
    const inBlock = new Set<string>();
    for (const chunk of chunksOf(block.text)) {
      const terms = block.kind === 'code' ? codeIdentifiers(chunk) : blockTerms(chunk, findConcepts);
      if (isCounted) for (const term of terms) bodyCounts.set(term, (bodyCounts.get(term) ?? 0) + 1);
      else for (const term of terms) inBlock.add(term);
      yield;
    }
    for (const term of inBlock) structural.set(term, (structural.get(term) ?? 0) + block.weight);
  }
  const emphasis = new Map<string, number>();
  for (const [term, weight] of structural) emphasis.set(term, Math.min(weight, MAX_STRUCTURAL_EMPHASIS));
  for (const [term, count] of bodyCounts) emphasis.set(term, (emphasis.get(term) ?? 0) + BODY_EMPHASIS * Math.log1p(count));
  yield;
  return [...emphasis]
    .map(([term, weight]) => ({ term, weight: Math.round(weight * 1000) / 1000 }))
    // Ties by code unit order: the same on every machine (localeCompare follows the browser's
    // locale), and cheap on a hostile page's thousands of equally weighted terms.
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, maxTerms);
}

/** Cap on title + meta + heading emphasis (title 5 + description 2 + h1 4 + a few headings). */
const MAX_STRUCTURAL_EMPHASIS = 15;
/** Body occurrences count as BODY_EMPHASIS × ln(1 + count): 1 → 1.4, 10 → 4.8, 100 → 9.2. */
const BODY_EMPHASIS = 2;
