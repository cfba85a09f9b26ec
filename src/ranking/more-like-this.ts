/**
 * "More like this": a read treated as a small page. Its title, tags and summary become the same
 * candidate terms the content script sends for a documentation page (title, meta keywords and
 * description blocks, same emphasis weights), and `relatedReads` ranks the catalogue against
 * them exactly as it does for a page, so a read about consistent hashing at Netflix leads to
 * consistent hashing elsewhere. A thin adapter: the ranking itself lives in ./related.
 */
import type { Read } from '@/src/catalogue/types';
import type { Term } from '@/src/keywords/types';
import type { RelatedRead } from '@/src/platform/messages';
import type { PageText, WeightedText } from '@/src/keywords/page-text';
import { BLOCK_WEIGHTS } from '@/src/keywords/page-text';
import { candidateTermSteps } from '@/src/keywords/candidates';
import { runToEnd } from '@/src/keywords/steps';
import { weighCandidates } from '@/src/keywords/extract';
import { relatedReads, type RelatedIndex } from './related';

/** What a read says about itself; saved pages outside the catalogue have a title and no more. */
export type ReadAsPage = Pick<Read, 'id' | 'title' | 'tags'> & { summary?: string | null };

/**
 * The concept score a read's neighbour must reach. A read has three short blocks where a page has
 * a title plus thousands of words, so its terms weigh less than a page's: a page's threshold
 * (RELATED_THRESHOLD, 100) would drop most neighbours sharing one precise concept. Sharing one
 * concept in a title or tags (emphasis 5 × IDF ≈ 4–6 × concept boost 3 × field 3) scores ≈ 200;
 * a stray concept in a summary alone stays well under this.
 */
export const MORE_LIKE_THIS_THRESHOLD = 60;

/** The read as the blocks of a page: title, tags as meta keywords, summary as meta description. */
export function readAsPageText(read: ReadAsPage): PageText {
  const blocks: WeightedText[] = [{ text: read.title, weight: BLOCK_WEIGHTS.title, kind: 'title' }];
  // Tags are written as slugs (`consistent-hashing`); as words the vocabulary finds them like page text.
  if (read.tags.length) blocks.push({ text: read.tags.map((tag) => tag.replace(/[-_]+/g, ' ')).join('. '), weight: BLOCK_WEIGHTS.metaKeywords, kind: 'meta' });
  if (read.summary) blocks.push({ text: read.summary, weight: BLOCK_WEIGHTS.metaDescription, kind: 'meta' });
  const charsConsidered = blocks.reduce((sum, block) => sum + block.text.length, 0);
  return { title: read.title, blocks, charsConsidered, nodesVisited: 0, truncated: false };
}

/** The read's candidate terms, in the shape the content script reports a page's. */
export function readCandidates(read: ReadAsPage, index: RelatedIndex): Term[] {
  return runToEnd(candidateTermSteps(readAsPageText(read), index.vocabulary.findConcepts));
}

/** Catalogue reads related to `read`, best first, each with the concepts the two share; never `read` itself. */
export function moreLikeThis(read: ReadAsPage, index: RelatedIndex, options: { limit?: number } = {}): RelatedRead[] {
  const limit = options.limit ?? 10;
  const keywords = weighCandidates(readCandidates(read, index), index);
  const ownTitle = read.title.trim().toLowerCase();
  return relatedReads(keywords, index, { limit: limit + 1, threshold: MORE_LIKE_THIS_THRESHOLD })
    .filter(({ read: other }) => other.id !== read.id && other.title.trim().toLowerCase() !== ownTitle)
    .slice(0, limit)
    // The "why" between two reads is the concepts they share; common words only broke ties.
    .map((related) => ({ ...related, matched: related.matched.filter((term) => index.isConcept(term)) }));
}
