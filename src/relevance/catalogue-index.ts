/**
 * The catalogue side of relevance: every read's terms per field (title, tags, summary), which reads
 * hold each term, and how specific each term is — against the catalogue (IDF) and against two
 * backgrounds, everyday English and software documentation (scripts/relevance-data.ts), so words
 * that are common everywhere never decide what a page is about. Built once per catalogue version.
 */
import type { Read } from '@/src/catalogue/types';
import { tokens, type Token } from './text';
import { termCounts, type Vocabulary } from './vocabulary';

/** Word counts of the two background corpora, for the catalogue's folded words (scripts/relevance-data.ts writes them). */
export type BackgroundFrequencies = {
  english: { total: number; counts: Record<string, number> };
  software: { total: number; counts: Record<string, number> };
};

export type ReadTerms = { title: Map<string, number>; tags: Map<string, number>; summary: Map<string, number> };

export type CatalogueIndex = {
  readonly reads: readonly Read[];
  readonly vocabulary: Vocabulary;
  readonly terms: readonly ReadTerms[];
  /** Positions of the reads holding each key (in any field). */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Reads whose title holds the key. */
  readonly inTitles: ReadonlyMap<string, number>;
  /** Among the editor-tagged (listing) reads: how many hold the key anywhere, and how many as a tag. */
  readonly inTaggedReads: ReadonlyMap<string, number>;
  readonly asTag: ReadonlyMap<string, number>;
  /** BM25's inverse document frequency of a key in the catalogue. */
  idf(key: string): number;
  /** How much more often the key's most specific word occurs in the catalogue than in either background (log ratio). */
  specificity(key: string): number;
  /** −log of the key's rarest word's probability in the more generous background. */
  rarity(key: string): number;
};

const count = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

export function buildCatalogueIndex(reads: readonly Read[], vocabulary: Vocabulary, background: BackgroundFrequencies): CatalogueIndex {
  const postings = new Map<string, number[]>();
  const inTitles = new Map<string, number>();
  const inTaggedReads = new Map<string, number>();
  const asTag = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  let wordTotal = 0;
  const countWords = (ts: readonly Token[]) => {
    for (const token of ts) count(wordCounts, token.stem);
    wordTotal += ts.length;
  };
  // Tags repeat across reads (hundreds of distinct ones over thousands of uses): analyse each once.
  const tagAnalyses = new Map<string, { tokens: Token[]; counts: Map<string, number> }>();
  const analyseTag = (tag: string) => {
    let analysis = tagAnalyses.get(tag);
    if (!analysis) {
      const ts = tokens(tag);
      tagAnalyses.set(tag, (analysis = { tokens: ts, counts: termCounts(ts, vocabulary) }));
    }
    return analysis;
  };
  const terms = reads.map((read, position) => {
    const titleTokens = tokens(read.title);
    const summaryTokens = tokens(read.summary ?? '');
    const fields: ReadTerms = { title: termCounts(titleTokens, vocabulary), tags: new Map(), summary: termCounts(summaryTokens, vocabulary) };
    countWords(titleTokens);
    countWords(summaryTokens);
    for (const tag of read.tags) {
      const analysis = analyseTag(tag);
      for (const [key, c] of analysis.counts) count(fields.tags, key, c);
      countWords(analysis.tokens);
    }
    const keys = new Set([...fields.title.keys(), ...fields.tags.keys(), ...fields.summary.keys()]);
    for (const key of keys) {
      const list = postings.get(key);
      if (list) list.push(position);
      else postings.set(key, [position]);
    }
    for (const key of fields.title.keys()) count(inTitles, key);
    if (read.origin === 'listing') {
      for (const key of keys) count(inTaggedReads, key);
      for (const key of fields.tags.keys()) count(asTag, key);
    }
    return fields;
  });
  const english = background.english;
  const software = background.software;
  const backgroundP = (word: string, smoothing: number) =>
    Math.max(((software.counts[word] ?? 0) + 0.5) / software.total, ((english.counts[word] ?? 0) + smoothing) / english.total);
  const wordSpecificity = (word: string) => Math.log((wordCounts.get(word) ?? 0.5) / wordTotal / backgroundP(word, 1));
  const wordRarity = (word: string) => -Math.log(backgroundP(word, 0.5));
  const memo = (f: (word: string) => number) => {
    const cache = new Map<string, number>();
    return (key: string) => {
      let value = cache.get(key);
      if (value === undefined) cache.set(key, (value = Math.max(...key.split(' ').map(f))));
      return value;
    };
  };
  const n = reads.length;
  return {
    reads,
    vocabulary,
    terms,
    postings,
    inTitles,
    inTaggedReads,
    asTag,
    idf(key) {
      const df = postings.get(key)?.length ?? 0;
      return Math.log((n - df + 0.5) / (df + 0.5) + 1);
    },
    specificity: memo(wordSpecificity),
    rarity: memo(wordRarity),
  };
}
