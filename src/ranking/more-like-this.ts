/**
 * "More like this": a read treated as a small page — its title is its title and heading, its
 * summary its description and body, its tags its headings (src/relevance/page-terms.ts
 * `readAsPage`) — ranked against the catalogue by the same model as a documentation page, the
 * read itself excluded. So a read about consistent hashing at Netflix leads to consistent hashing
 * elsewhere. A thin adapter: the ranking lives in src/relevance.
 */
import type { Read } from '@/src/catalogue/types';
import type { RelatedRead } from '@/src/platform/messages';
import { RANK_SETTINGS, readAsPage, relatedForPage, type CatalogueIndex } from '@/src/relevance';

/** What a read says about itself; saved pages outside the catalogue have a title and no more. */
export type ReadAsPage = Pick<Read, 'id' | 'title' | 'tags'> & { summary?: string | null };

const titleKey = (title: string) => title.trim().toLowerCase();

/**
 * Every catalogue read is about architecture, so the gate that silences off-topic pages does not
 * apply; reads sharing nothing specific still get nothing (only shared terms score).
 */
const READ_SETTINGS = { ...RANK_SETTINGS, gate: { ...RANK_SETTINGS.gate, minConcepts: 0, minConceptUtility: 0 } };

/** Catalogue reads related to `read`, best first, each with the terms the two share; never `read` itself. */
export function moreLikeThis(read: ReadAsPage, index: CatalogueIndex, options: { limit?: number } = {}): RelatedRead[] {
  const limit = options.limit ?? 10;
  const page = readAsPage({ title: read.title, summary: read.summary ?? null, tags: read.tags }, index.vocabulary);
  const position = index.reads.findIndex((other) => other.id === read.id);
  const { related } = relatedForPage(page, index, { limit: limit + 1, exclude: position >= 0 ? position : undefined, settings: READ_SETTINGS });
  // A copy of the read under another id (the same article listed twice) is not "more" either.
  return related.filter(({ read: other }) => other.id !== read.id && titleKey(other.title) !== titleKey(read.title)).slice(0, limit);
}
