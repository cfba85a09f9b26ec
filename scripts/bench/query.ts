/**
 * One search query over the same catalogue with our index (`src/search`), with MiniSearch configured
 * the same way (the peer: same fields and boosts, tokenizer and stopwords, prefix search, typo
 * tolerance, all words required with a fall-back to any word), and with a bare FlexSearch Document
 * asked the raw query (the floor: the engine ours is built on, without our ranking or typo handling).
 * Runs in Node. Timed interleaved (ours, MiniSearch, FlexSearch, rotating which goes first), so a
 * busy machine slows the three alike and the per-pair ratios hold.
 */
import MiniSearch from 'minisearch';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueSearch } from '@/src/search';
import { FIELD_WEIGHTS } from '@/src/search/catalogue-search';
import { Document } from '@/src/search/flexsearch';
import { QUERY_STOPWORDS, termsOf } from '@/src/search/text';
import { judgeEngine, type Judgements, type Quality } from './quality';

/** What the popup asks for: one page of results. */
const RESULTS_PER_QUERY = 25;

export type EngineQuality = { overall: Quality; byKind: Record<string, Quality> };

export type QueryBench = {
  oursUs: number[];
  miniSearchUs: number[];
  flexSearchUs: number[];
  /** MiniSearch's time / ours, per interleaved pair. */
  miniSearchOverOurs: number[];
  /** Ours / FlexSearch's raw query, per interleaved pair. */
  oursOverFlexSearch: number[];
  quality: { ours: EngineQuality; miniSearch: EngineQuality };
  buildMs: { ours: number; miniSearch: number; flexSearch: number };
};

type SearchFn = (query: string) => string[];

/** Time every judged query `rounds` times with each engine, and judge ours and MiniSearch's rankings. */
export function benchmarkQueries(reads: readonly Read[], judgements: Judgements, rounds: number): QueryBench {
  const queries = judgements.queries.map((judgement) => judgement.query);
  const built = <T>(build: () => T): [T, number] => {
    const startedAt = performance.now();
    const engine = build();
    return [engine, performance.now() - startedAt];
  };
  const [ours, oursBuildMs] = built(() => createCatalogueSearch(reads));
  const searchOurs: SearchFn = (query) => ours.search(query, [], RESULTS_PER_QUERY).hits.map((hit) => hit.read.id);
  const [searchMiniSearch, miniSearchBuildMs] = built(() => miniSearchOver(reads));
  const [searchFlexSearch, flexSearchBuildMs] = built(() => rawFlexSearchOver(reads));

  const quality = { ours: judgeEngine(judgements, searchOurs), miniSearch: judgeEngine(judgements, searchMiniSearch) };

  const engines = [searchOurs, searchMiniSearch, searchFlexSearch];
  // One untimed round warms the JIT.
  queries.forEach((query) => engines.forEach((search) => search(query)));
  const timesUs: number[][] = [[], [], []];
  for (let round = 0; round < rounds; round++) {
    for (const [index, query] of queries.entries()) {
      const pair = [0, 0, 0];
      for (let turn = 0; turn < engines.length; turn++) {
        const engine = (turn + round + index) % engines.length;
        pair[engine] = timeUs(() => engines[engine]!(query));
      }
      pair.forEach((us, engine) => timesUs[engine]!.push(us));
    }
  }
  const [oursUs, miniSearchUs, flexSearchUs] = timesUs as [number[], number[], number[]];
  return {
    oursUs,
    miniSearchUs,
    flexSearchUs,
    miniSearchOverOurs: miniSearchUs.map((us, i) => us / oursUs[i]!),
    oursOverFlexSearch: oursUs.map((us, i) => us / flexSearchUs[i]!),
    quality,
    buildMs: { ours: oursBuildMs, miniSearch: miniSearchBuildMs, flexSearch: flexSearchBuildMs },
  };
}

function timeUs(run: () => unknown): number {
  const startedAt = performance.now();
  run();
  // performance.now() is clamped to 5 µs steps in some runtimes; never divide by zero.
  return Math.max((performance.now() - startedAt) * 1000, 0.1);
}

type Fields = { id: string; title: string; tags: string; source: string; section: string; category: string; summary: string };

function fieldsOf(read: Read): Fields {
  return {
    id: read.id,
    title: read.title,
    tags: read.tags.join(' '),
    source: read.source,
    section: read.section ?? '',
    category: read.category ?? '',
    summary: read.summary ?? '',
  };
}

function miniSearchOver(reads: readonly Read[]): SearchFn {
  const index = new MiniSearch<Fields>({
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
  index.addAll(reads.map(fieldsOf));
  return (query) => {
    const allWords = index.search(query, { combineWith: 'AND' });
    const results = allWords.length > 0 ? allWords : index.search(query, { combineWith: 'OR' });
    return results.slice(0, RESULTS_PER_QUERY).map((result) => result.id as string);
  };
}

/** FlexSearch's own Document over the same fields, prefix-tokenised, default encoder, asked the query as typed. */
function rawFlexSearchOver(reads: readonly Read[]): SearchFn {
  const fields = Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[];
  const index = new Document<Fields>({ document: { id: 'id', index: fields.map((field) => ({ field, tokenize: 'forward' as const })) } });
  reads.forEach((read) => index.add(fieldsOf(read)));
  return (query) => {
    const perField = index.search(query, { limit: RESULTS_PER_QUERY }) as { result: (string | number)[] }[];
    const ids = new Set<string>();
    for (const { result } of perField) for (const id of result) ids.add(String(id));
    return [...ids].slice(0, RESULTS_PER_QUERY);
  };
}
