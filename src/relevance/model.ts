/**
 * Which of a page's terms say what it is about, learned rather than hand-weighted.
 *
 * Every page term gets a feature vector that never names the term, the page or the project —
 * how specific it is (catalogue IDF, rarity and specificity against everyday English and software
 * documentation), whether it is a vocabulary concept or a phrase, where the page puts it (title,
 * h1, site name, URL, description, lead, headings — the page's aboutness — and body counts,
 * saturated with log), and how well it agrees with the rest of the page (the reads holding it
 * share the page's other terms). A linear model, fitted by ridge regression on the dev pages
 * (`npm run eval -- --fit`), maps the vector to the term's utility: the share of the reads holding
 * the term that a reader finds relevant. So the same few numbers serve every page; leave-one-page-out
 * cross-validation (scripts/eval.ts) measures how it does on pages it was not fitted on.
 */
import type { CatalogueIndex } from './catalogue-index';
import { PAGE_FIELDS, type PageTerms } from './page-terms';

export const FEATURES = [
  'bias', 'idf', 'rarity', 'specificity', 'concept', 'phrase',
  'inTitle', 'inH1', 'inSite', 'inUrl', 'inDescription', 'inLead', 'headings', 'body', 'bodyShare',
  'rareInCatalogue', 'coherence', 'taggedShare', 'titlesHolding', 'leastSpecificWord', 'siteSupport',
  'aboutnessRarity', 'aboutnessSpecificity',
] as const;

const field = Object.fromEntries(PAGE_FIELDS.map((name, i) => [name, i])) as Record<(typeof PAGE_FIELDS)[number], number>;
const ABOUTNESS = [field.title, field.h1, field.site, field.description];

/** A page's terms that the catalogue holds, with their feature vectors (FEATURES order). */
export type TermFeatures = { key: string; surface: string; x: number[] };

/** Weight of a term in the page's "topic words" when judging coherence: near 0 for words as common as in any text. */
const topicalWeight = (specificity: number) => 1 / (1 + Math.exp(-(specificity - 1)));

export function termFeatures(page: PageTerms, index: CatalogueIndex): TermFeatures[] {
  const held = page.terms.filter((t) => index.postings.has(t.key));
  let bodyTotal = 0;
  for (const t of page.terms) bodyTotal += t.counts[field.body]!;
  const siteBody = Math.max(1, ...page.terms.filter((t) => t.counts[field.site]! > 0).map((t) => t.counts[field.body]!));
  const pageTopical = new Map(held.map((t) => [t.key, topicalWeight(index.specificity(t.key))]));
  const coherence = (key: string) => {
    const reads = index.postings.get(key)!;
    let sum = 0;
    for (const position of reads) {
      const terms = index.terms[position]!;
      let shared = 0;
      for (const k of new Set([...terms.title.keys(), ...terms.tags.keys(), ...terms.summary.keys()])) if (k !== key) shared += pageTopical.get(k) ?? 0;
      sum += Math.log1p(shared);
    }
    return sum / reads.length;
  };
  return held.map(({ key, surface, counts }) => {
    const has = (f: number) => (counts[f]! > 0 ? 1 : 0);
    const body = counts[field.body]!;
    const df = index.postings.get(key)!.length;
    const words = key.split(' ');
    const rarity = (index.rarity(key) - 8) / 3;
    const specificity = index.specificity(key) / 5;
    const about = Math.max(...ABOUTNESS.map(has));
    const x = [
      1,
      index.idf(key) / 5,
      rarity,
      specificity,
      index.vocabulary.isConcept(key) ? 1 : 0,
      words.length > 1 ? 1 : 0,
      has(field.title), has(field.h1), has(field.site), has(field.url), has(field.description), has(field.lead),
      Math.log1p(counts[field.heading]!),
      Math.log1p(body) / 3,
      Math.min(1, (1000 * body) / (bodyTotal + 1)),
      df <= 2 ? 1 : 0,
      coherence(key),
      ((index.asTag.get(key) ?? 0) + 0.45) / ((index.inTaggedReads.get(key) ?? 0) + 3),
      Math.log1p(index.inTitles.get(key) ?? 0) / 3,
      Math.min(...words.map((w) => index.specificity(w))) / 5,
      // The site's name counts as the subject only as far as the body talks about it too.
      has(field.site) ? (body + 0.5) / (siteBody + 0.5) : 0,
      about * rarity,
      about * specificity,
    ];
    return { key, surface, x };
  });
}

export const predict = (weights: readonly number[], x: readonly number[]): number => x.reduce((sum, xi, i) => sum + xi * weights[i]!, 0);

/** Ridge regression (bias unpenalised), solved exactly: the examples are a few thousand rows of 23 features. */
export function fitRidge(rows: readonly { x: readonly number[]; y: number }[], lambda: number): number[] {
  const d = FEATURES.length;
  const m = Array.from({ length: d }, () => new Array<number>(d + 1).fill(0));
  for (const { x, y } of rows) {
    for (let i = 0; i < d; i++) {
      m[i]![d]! += x[i]! * y;
      for (let j = 0; j < d; j++) m[i]![j]! += x[i]! * x[j]!;
    }
  }
  for (let i = 1; i < d; i++) m[i]![i]! += lambda;
  for (let c = 0; c < d; c++) {
    let pivot = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= d; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[d]! / row[i]!);
}
