/**
 * Page keywords → the catalogue's related reads. A FlexSearch Document index (one field per read
 * field, whole-term tokens so a phrase such as `consistent hashing` is one key) finds which reads
 * contain each page term and where; the score is ours: the sum, over the page terms a read
 * contains, of the term's weight times the best field's weight. The part of it that comes from
 * vocabulary concepts decides whether a read is related at all and in which order. Pure: the background and the
 * `suggest` CLI run exactly this.
 */
import type { Read } from '@/src/catalogue/types';
import type { Term } from '@/src/keywords/types';
import type { RelatedRead } from '@/src/platform/messages';
import type { ConceptFinder } from '@/src/keywords/candidates';
import type { TermStatistics } from '@/src/keywords/weighting';
import { isContentWord, tokenize } from '@/src/keywords/tokens';
import { Document } from '@/src/search/flexsearch';

type RelatedField = 'title' | 'tags' | 'summary' | 'source' | 'section';

/** A page term in a read's title or tags says far more about the read than one in its summary. */
export const RELATED_FIELD_WEIGHTS: Readonly<Record<RelatedField, number>> = {
  title: 3,
  tags: 3,
  summary: 1,
  source: 1,
  section: 0.5,
};
const FIELDS = Object.keys(RELATED_FIELD_WEIGHTS) as RelatedField[];

/** The vocabulary as ranking needs it (the shared one is `src/vocabulary`). */
export type ConceptVocabulary = {
  findConcepts: ConceptFinder;
  /** The canonical concept a term stands for, or null when it is not in the vocabulary. */
  canonicalOf(term: string): string | null;
};

// Each field is indexed as its term keys, one per line; the encoder splits on lines only, so a
// multi-word concept stays one key and a page term matches whole terms, never a prefix.
const KEY_SEPARATOR = '\n';
type IndexedRead = { id: number } & Record<RelatedField, string>;

export type RelatedIndex = TermStatistics & {
  readonly reads: readonly Read[];
  /** The vocabulary the index was built with: extraction must use the same one. */
  readonly vocabulary: ConceptVocabulary;
  /** True when `term` is a canonical concept of the vocabulary. */
  isConcept(term: string): boolean;
  /** Positions (in `reads`) of the reads containing `term`, per field. */
  lookup(term: string): Map<RelatedField, number[]>;
};

/** Term keys of a piece of read text: the vocabulary's concepts plus its content words. */
export function termKeysOf(text: string, findConcepts: ConceptFinder): Set<string> {
  const keys = new Set<string>(findConcepts(text).map((match) => match.canonical));
  for (const token of tokenize(text)) if (isContentWord(token)) keys.add(token);
  return keys;
}

function fieldKeys(read: Read, field: RelatedField, findConcepts: ConceptFinder): Set<string> {
  if (field === 'tags') {
    const keys = new Set<string>();
    for (const tag of read.tags) for (const key of termKeysOf(tag, findConcepts)) keys.add(key);
    return keys;
  }
  return termKeysOf(read[field] ?? '', findConcepts);
}

/** Index `reads` for `relatedReads`. Build once per catalogue version and reuse. */
export function buildRelatedIndex(reads: readonly Read[], vocabulary: ConceptVocabulary): RelatedIndex {
  const index = new Document<IndexedRead>({
    document: {
      id: 'id',
      index: FIELDS.map((field) => ({ field, tokenize: 'strict' as const, encode: (text: string) => text.split(KEY_SEPARATOR) })),
    },
  });
  const documentFrequency = new Map<string, number>();
  reads.forEach((read, position) => {
    const indexed = { id: position } as IndexedRead;
    const allKeys = new Set<string>();
    for (const field of FIELDS) {
      const keys = fieldKeys(read, field, vocabulary.findConcepts);
      indexed[field] = [...keys].join(KEY_SEPARATOR);
      for (const key of keys) allKeys.add(key);
    }
    for (const key of allKeys) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    index.add(indexed);
  });
  return {
    reads,
    vocabulary,
    documents: reads.length,
    documentFrequency: (term) => documentFrequency.get(term) ?? 0,
    isConcept: (term) => vocabulary.canonicalOf(term) === term,
    lookup(term) {
      const hits = new Map<RelatedField, number[]>();
      if (!documentFrequency.has(term)) return hits;
      for (const { field, result } of index.search(term, { limit: reads.length })) {
        hits.set(field as RelatedField, result as number[]);
      }
      return hits;
    },
  };
}

export type RelatedOptions = {
  /** Reads returned at most (default 10). */
  limit?: number;
  /** Minimum concept score for a read to count as related (default RELATED_THRESHOLD). */
  threshold?: number;
};

/**
 * The confidence threshold. A read is related only through the architecture concepts it shares
 * with the page: the part of its score that comes from vocabulary concepts (weight × field) must
 * reach this. Ordinary words (`layout`, `lesson`, `set`) still order reads that qualify, but can
 * never make a read qualify, so a page about CSS or grammar, whose words happen to occur in some
 * titles, shows nothing. Calibrated on the dev set (16 pages): the best read of an off-topic page
 * reaches a concept score below 60 (a stray `algorithm` or `base`), the 3rd-best read of every
 * on-topic page is above 300; 100 leaves room on both sides, and P@5 is the same from 60 to 120.
 */
export const RELATED_THRESHOLD = 100;

function dedupeKey(read: Read): string {
  return read.title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

type Scored = { score: number; conceptScore: number; matched: { term: string; contribution: number; concept: boolean }[] };

/** At most this many matched terms are kept as the "why" of a read. */
const MATCHED_SHOWN = 5;

/** Reads related to the page, best first, each with the page terms it matched; [] when nothing clears the threshold. */
export function relatedReads(keywords: readonly Term[], index: RelatedIndex, options: RelatedOptions = {}): RelatedRead[] {
  const limit = options.limit ?? 10;
  const threshold = options.threshold ?? RELATED_THRESHOLD;
  const scores = new Map<number, Scored>();
  for (const { term, weight } of keywords) {
    const bestField = new Map<number, number>();
    for (const [field, positions] of index.lookup(term)) {
      for (const position of positions) {
        bestField.set(position, Math.max(bestField.get(position) ?? 0, RELATED_FIELD_WEIGHTS[field]));
      }
    }
    const concept = index.isConcept(term);
    for (const [position, fieldWeight] of bestField) {
      const entry = scores.get(position) ?? { score: 0, conceptScore: 0, matched: [] };
      const contribution = weight * fieldWeight;
      entry.score += contribution;
      if (concept) entry.conceptScore += contribution;
      entry.matched.push({ term, contribution, concept });
      scores.set(position, entry);
    }
  }
  const ranked = [...scores]
    .filter(([, entry]) => entry.conceptScore >= threshold)
    // Shared concepts decide the order; ordinary words only break ties between equally conceptual reads
    // (ranking by the plain sum let a read sharing `cluster` and five common words outrank an on-topic one).
    .sort(([a, x], [b, y]) => y.conceptScore - x.conceptScore || y.score - x.score || a - b);
  const seen = new Set<string>();
  const related: RelatedRead[] = [];
  for (const [position, entry] of ranked) {
    const read = index.reads[position]!;
    const key = dedupeKey(read);
    if (seen.has(key) || (read.url !== null && seen.has(read.url))) continue;
    seen.add(key);
    if (read.url !== null) seen.add(read.url);
    related.push({
      read,
      score: Math.round(entry.score * 100) / 100,
      // Concepts first: they are why the read qualified, and they read well ("consistent hashing").
      matched: entry.matched
        .sort((a, b) => Number(b.concept) - Number(a.concept) || b.contribution - a.contribution)
        .slice(0, MATCHED_SHOWN)
        .map((m) => m.term),
    });
    if (related.length >= limit) break;
  }
  return related;
}
