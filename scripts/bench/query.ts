/**
 * One search query over the same catalogue with our index (`src/search`) and with MiniSearch
 * configured the same way: the same fields and boosts, the same tokenizer and stopwords, prefix
 * search, typo tolerance, all words required with a fall-back to any word (as ours does when
 * no read has them all). Runs in Node.
 */
import MiniSearch from 'minisearch';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueSearch } from '@/src/search';
import { FIELD_WEIGHTS } from '@/src/search/catalogue-search';
import { QUERY_STOPWORDS, termsOf } from '@/src/search/text';
import { SEARCH_QUERY_GROUPS, type QueryGroup } from './queries';
import { meanTopKOverlap } from './stats';

/** What the popup asks for: one page of results. */
const RESULTS_PER_QUERY = 25;
const TOP_K = 5;

export type QueryBench = {
  oursUs: number[];
  miniSearchUs: number[];
  top5Overlap: number;
  /** The overlap per kind of query, to see where the two rankings part. */
  top5OverlapByGroup: Record<QueryGroup, number>;
  buildMs: { ours: number; miniSearch: number };
};

type SearchFn = (query: string) => string[];

/** Time every query of SEARCH_QUERY_GROUPS `rounds` times with each engine, and compare their top 5. */
export function benchmarkQueries(reads: readonly Read[], rounds: number): QueryBench {
  const queries = Object.values(SEARCH_QUERY_GROUPS).flat();
  let startedAt = performance.now();
  const ours = createCatalogueSearch(reads);
  const oursBuildMs = performance.now() - startedAt;
  const searchOurs: SearchFn = (query) => ours.search(query, [], RESULTS_PER_QUERY).hits.map((hit) => hit.read.id);

  startedAt = performance.now();
  const searchMiniSearch = miniSearchOver(reads);
  const miniSearchBuildMs = performance.now() - startedAt;

  const overlapOf = (group: readonly string[]) =>
    meanTopKOverlap(group.map((query) => [searchOurs(query), searchMiniSearch(query)] as const), TOP_K);
  const top5Overlap = overlapOf(queries);
  const top5OverlapByGroup = Object.fromEntries(
    Object.entries(SEARCH_QUERY_GROUPS).map(([group, groupQueries]) => [group, overlapOf(groupQueries)]),
  ) as Record<QueryGroup, number>;
  // One untimed round each warms the JIT; then the engines alternate so neither gets a cooler machine.
  queries.forEach((query) => (searchOurs(query), searchMiniSearch(query)));
  const oursUs: number[] = [];
  const miniSearchUs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      oursUs.push(timeUs(() => searchOurs(query)));
      miniSearchUs.push(timeUs(() => searchMiniSearch(query)));
    }
  }
  return { oursUs, miniSearchUs, top5Overlap, top5OverlapByGroup, buildMs: { ours: oursBuildMs, miniSearch: miniSearchBuildMs } };
}

function timeUs(run: () => unknown): number {
  const startedAt = performance.now();
  run();
  return (performance.now() - startedAt) * 1000;
}

type MiniSearchDoc = { id: string; title: string; tags: string; source: string; section: string; category: string; summary: string };

function miniSearchOver(reads: readonly Read[]): SearchFn {
  const index = new MiniSearch<MiniSearchDoc>({
    fields: Object.keys(FIELD_WEIGHTS),
    // Our tokenizer folds case and diacritics already, so terms need no further processing.
    tokenize: termsOf,
    processTerm: (term) => term,
    searchOptions: {
      boost: { ...FIELD_WEIGHTS },
      prefix: true,
      fuzzy: 0.2,
      processTerm: (term) => (QUERY_STOPWORDS.has(term) ? null : term),
    },
  });
  index.addAll(
    reads.map((read) => ({
      id: read.id,
      title: read.title,
      tags: read.tags.join(' '),
      source: read.source,
      section: read.section ?? '',
      category: read.category ?? '',
      summary: read.summary ?? '',
    })),
  );
  return (query) => {
    const allWords = index.search(query, { combineWith: 'AND' });
    const results = allWords.length > 0 ? allWords : index.search(query, { combineWith: 'OR' });
    return results.slice(0, RESULTS_PER_QUERY).map((result) => result.id as string);
  };
}
