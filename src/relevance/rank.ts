/**
 * Page terms → related reads.
 *
 * 1. Each page term the catalogue holds gets a query weight: its learned utility (model.ts) raised
 *    to `sharpness`, times its catalogue IDF, so a few subject terms outweigh many incidental ones.
 * 2. Reads are scored BM25-style: per term, the query weight times the read's saturated field
 *    frequency (title > tags > summary), so a read that repeats a word is not ten times as related.
 * 3. Pseudo-relevance feedback, restricted to the page: the best few reads of that first pass show
 *    which of the page's own terms the relevant reads share (a product's mechanism, its category),
 *    and those terms are raised. Only terms the page has are ever used, so feedback cannot drift
 *    to a topic the page never mentions.
 * 4. Reads scoring within `keepRatio` of the best are kept (at least three), duplicates by title dropped.
 * 5. Silence: a page whose subject is not architecture gets no reads (the gate, GateSettings),
 *    fitted on the dev set's off-topic near misses and cross-validated (scripts/eval.ts).
 */
import type { Read } from '@/src/catalogue/types';
import type { CatalogueIndex } from './catalogue-index';
import { predict, termFeatures, type TermFeatures } from './model';
import type { PageTerms } from './page-terms';

export type RankSettings = {
  /** Model weights, FEATURES order. */
  weights: number[];
  /** Exponent on the term utility: above 1 lets the page's subject dominate. */
  sharpness: number;
  /** Page terms a query uses at most. */
  maxTerms: number;
  /** Reads kept while their score is at least this share of the best read's (at least three kept). */
  keepRatio: number;
  /** A plain word's contribution relative to a vocabulary concept's (1 = no preference). */
  wordWeight: number;
  /** Reads of the first pass used for feedback, and how much they may raise a term (relative to the top term). */
  feedbackReads: number;
  feedbackWeight: number;
  /** The gate: distinct specific concepts a page needs before it gets reads. */
  gate: GateSettings;
};

/**
 * The gate: a page gets reads only when its subject is architecture. Two signs, both needed:
 * the page holds enough distinct specific concepts (vocabulary concepts many reads share and
 * that are far more frequent in the catalogue than in everyday English or software docs), and
 * its query leans on concepts rather than on ordinary words (the summed utility of its top
 * query terms that are concepts). A shell or image-editor manual mentions `cache` or
 * `performance`, but neither many specific concepts nor a query made of them.
 */
export type GateSettings = {
  /** A concept counts when at least this many reads hold it… */
  minReads: number;
  /** …and its specificity (log ratio to the backgrounds) is at least this. */
  minSpecificity: number;
  /** Distinct such concepts needed. */
  minConcepts: number;
  /** Summed utility of the query's concepts needed (concepts at least e× more frequent in the catalogue than the backgrounds). */
  minConceptUtility: number;
};

/** A query concept counts toward the gate's concept utility from this specificity (e× the background rate). */
const GATE_CONCEPT_SPECIFICITY = 1;
/** The query's top terms the concept utility sums (fixed, so it does not move with `maxTerms`). */
const GATE_QUERY_TERMS = 10;

export type QueryTerm = { key: string; surface: string; weight: number; utility: number };

export type RankedRead = {
  read: Read;
  position: number;
  score: number;
  /** The page terms the read matched with what each contributed, largest first. */
  matched: { key: string; surface: string; contribution: number }[];
};

const FIELD_WEIGHT = { title: 1, tags: 0.6, summary: 0.5 };
/** BM25's k1 for a read's fields: reads are short, so one occurrence already says most. */
const READ_K1 = 0.3;

function utilityOf(t: TermFeatures, weights: readonly number[]): number {
  return Math.max(0, predict(weights, t.x));
}

function queryTerms(features: readonly TermFeatures[], settings: RankSettings): QueryTerm[] {
  return features
    .map((t) => {
      const utility = utilityOf(t, settings.weights);
      // x[1] is idf / 5 (model.ts).
      return { key: t.key, surface: t.surface, utility, weight: utility ** settings.sharpness * t.x[1]! * 5 };
    })
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
}

function scoreReads(terms: readonly QueryTerm[], index: CatalogueIndex, wordWeight: number, exclude?: number): Map<number, RankedRead> {
  const scores = new Map<number, RankedRead>();
  for (const t of terms) {
    const kindWeight = index.vocabulary.isConcept(t.key) ? 1 : wordWeight;
    for (const position of index.postings.get(t.key) ?? []) {
      if (position === exclude) continue;
      const fields = index.terms[position]!;
      const tf = FIELD_WEIGHT.title * (fields.title.get(t.key) ?? 0) + FIELD_WEIGHT.tags * (fields.tags.get(t.key) ?? 0) + FIELD_WEIGHT.summary * (fields.summary.get(t.key) ?? 0);
      const contribution = kindWeight * t.weight * ((tf * (READ_K1 + 1)) / (tf + READ_K1));
      let entry = scores.get(position);
      if (!entry) scores.set(position, (entry = { read: index.reads[position]!, position, score: 0, matched: [] }));
      entry.score += contribution;
      entry.matched.push({ key: t.key, surface: t.surface, contribution });
    }
  }
  return scores;
}

const titleKey = (read: Read) => read.title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function best(scores: Map<number, RankedRead>, limit: number, keepRatio: number): RankedRead[] {
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || a.position - b.position);
  const top = ranked[0]?.score ?? 0;
  const out: RankedRead[] = [];
  const seen = new Set<string>();
  for (const entry of ranked) {
    if (out.length >= 3 && entry.score < keepRatio * top) break;
    const key = titleKey(entry.read);
    if (seen.has(key) || (entry.read.url !== null && seen.has(entry.read.url))) continue;
    seen.add(key);
    if (entry.read.url !== null) seen.add(entry.read.url);
    entry.matched.sort((a, b) => b.contribution - a.contribution);
    out.push(entry);
    if (out.length >= limit) break;
  }
  return out;
}

/** Distinct concepts of the page that are specific (see GateSettings): what the gate counts. */
export function specificConcepts(page: PageTerms, index: CatalogueIndex, gate: GateSettings): string[] {
  return page.terms
    .filter((t) => index.vocabulary.isConcept(t.key) && (index.postings.get(t.key)?.length ?? 0) >= gate.minReads && index.specificity(t.key) >= gate.minSpecificity)
    .map((t) => t.key);
}

/** Summed utility of the query's concept terms (see GateSettings). */
export function conceptUtility(query: readonly QueryTerm[], index: CatalogueIndex): number {
  return query.slice(0, GATE_QUERY_TERMS).filter((t) => index.vocabulary.isConcept(t.key) && index.specificity(t.key) >= GATE_CONCEPT_SPECIFICITY).reduce((sum, t) => sum + t.utility, 0);
}

export function passesGate(page: PageTerms, query: readonly QueryTerm[], index: CatalogueIndex, gate: GateSettings): boolean {
  return specificConcepts(page, index, gate).length >= gate.minConcepts && conceptUtility(query, index) >= gate.minConceptUtility;
}

export type PageRanking = { query: QueryTerm[]; related: RankedRead[]; gatePassed: boolean };

/** The page's query terms and related reads ([] when the gate holds the page back). `exclude`: a read position never returned (the read itself, for "more like this"). */
export function rankForPage(
  page: PageTerms,
  index: CatalogueIndex,
  settings: RankSettings,
  options: { limit?: number; exclude?: number; features?: readonly TermFeatures[] } = {},
): PageRanking {
  const limit = options.limit ?? 10;
  // The features do not depend on the settings: an evaluation ranking one page many ways computes them once.
  const features = options.features ?? termFeatures(page, index);
  const all = queryTerms(features, settings);
  let query = all.slice(0, settings.maxTerms);
  if (settings.feedbackReads > 0 && query.length > 0) {
    const first = best(scoreReads(query, index, settings.wordWeight, options.exclude), settings.feedbackReads, 0);
    const total = first.reduce((sum, r) => sum + r.score, 0) || 1;
    const topWeight = query[0]!.weight;
    query = all
      .map((t) => {
        let evidence = 0;
        for (const r of first) {
          const fields = index.terms[r.position]!;
          if (fields.title.has(t.key) || fields.tags.has(t.key) || fields.summary.has(t.key)) evidence += r.score / total;
        }
        // Raised only as far as the term is useful at all: a stop-like word the top reads share stays low.
        return { ...t, weight: t.weight + settings.feedbackWeight * topWeight * evidence * Math.min(1, t.utility * 4) };
      })
      .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
      .slice(0, settings.maxTerms);
  }
  const gatePassed = passesGate(page, query, index, settings.gate);
  const related = gatePassed ? best(scoreReads(query, index, settings.wordWeight, options.exclude), limit, settings.keepRatio) : [];
  return { query, related, gatePassed };
}
