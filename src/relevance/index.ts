/**
 * Relevance with the shipped data wired in: what the content script, the background and the CLIs
 * use, so all of them analyse and rank identically.
 */
import type { Read } from '@/src/catalogue/types';
import type { RelatedRead } from '@/src/platform/messages';
import type { Term } from '@/src/keywords/types';
import backgroundFrequencies from './background-frequencies.json';
import model from './model.json';
import { vocabulary } from './shipped-vocabulary';
import { buildCatalogueIndex, type CatalogueIndex } from './catalogue-index';
import { rankForPage, type RankSettings, type RankedRead } from './rank';
import { PAGE_FIELDS, type PageField, type PageTerms } from './page-terms';

export { pageTerms, pageTermSteps, readAsPage, PAGE_FIELDS, MAX_PAGE_TERMS, type PageTerm, type PageTerms } from './page-terms';
export type { CatalogueIndex } from './catalogue-index';

export { vocabulary };

/** The shipped model's settings (fitted by `npm run eval -- --fit`). */
export const RANK_SETTINGS: RankSettings = model as RankSettings;

export function createCatalogueIndex(reads: readonly Read[]): CatalogueIndex {
  return buildCatalogueIndex(reads, vocabulary(), backgroundFrequencies);
}

/** At most this many reasons shown per read. */
const REASONS_SHOWN = 3;
/** A matched term is a reason only when it carries a real share of the read's score… */
const REASON_SHARE = 0.15;
/**
 * …and is not broad: a term that many reads hold (`strategy`, `database`, `architecture`) explains
 * nothing. The page's own subject (a term of its title, h1, site name or URL) may be a little broader.
 */
const REASON_MAX_READ_SHARE = 0.05;
const SUBJECT_MAX_READ_SHARE = 0.1;
const SUBJECT_FIELDS = ['title', 'h1', 'site', 'url'].map((f) => PAGE_FIELDS.indexOf(f as PageField));

function subjectKeys(page: PageTerms): Set<string> {
  return new Set(page.terms.filter((t) => SUBJECT_FIELDS.some((f) => t.counts[f]! > 0)).map((t) => t.key));
}

function toRelatedRead(ranked: RankedRead, index: CatalogueIndex, subject: ReadonlySet<string>): RelatedRead {
  const top = ranked.matched[0]?.contribution ?? 0;
  const narrowEnough = (key: string) =>
    (index.postings.get(key)?.length ?? 0) <= (subject.has(key) ? SUBJECT_MAX_READ_SHARE : REASON_MAX_READ_SHARE) * index.reads.length;
  const reasons = ranked.matched.filter((m) => m.contribution >= REASON_SHARE * top && narrowEnough(m.key));
  return {
    read: ranked.read,
    score: Math.round(ranked.score * 100) / 100,
    // A read can qualify through several broader terms together; its strongest one then stands as the reason.
    matched: (reasons.length > 0 ? reasons : ranked.matched.slice(0, 1)).slice(0, REASONS_SHOWN).map((m) => m.surface),
  };
}

/** Query terms shown as the page's keywords. */
const KEYWORDS_SHOWN = 10;

/** A page's terms → its keywords (what the ranking searched for) and its related reads. */
export function relatedForPage(
  page: PageTerms,
  index: CatalogueIndex,
  options: { limit?: number; exclude?: number; settings?: RankSettings } = {},
): { keywords: Term[]; related: RelatedRead[] } {
  const { query, related } = rankForPage(page, index, options.settings ?? RANK_SETTINGS, options);
  const subject = subjectKeys(page);
  return {
    keywords: query.slice(0, KEYWORDS_SHOWN).map((t) => ({ term: t.surface, weight: Math.round(t.weight * 1000) / 1000 })),
    related: related.map((r) => toRelatedRead(r, index, subject)),
  };
}

