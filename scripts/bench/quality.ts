/**
 * Search quality against the judged set (bench/search-judgements.json): for each query, the reads a
 * person typing it wants first, written by reading the catalogue. Precision in the top 5 and the
 * reciprocal rank of the first wanted read, per kind of query.
 */
import { readFileSync } from 'node:fs';

export const JUDGEMENTS_FILE = 'bench/search-judgements.json';

export type Judgement = { kind: string; query: string; relevant: string[] };
export type Judgements = { kinds: Record<string, string>; queries: Judgement[] };

export const TOP_K = 5;

/** The judged set, checked against the catalogue's ids so a stale judgement fails loudly. */
export function loadJudgements(catalogueIds: ReadonlySet<string>, file = JUDGEMENTS_FILE): Judgements {
  const judgements = JSON.parse(readFileSync(file, 'utf8')) as Judgements;
  for (const { query, kind, relevant } of judgements.queries) {
    if (!(kind in judgements.kinds)) throw new Error(`${file}: "${query}" has unknown kind "${kind}"`);
    if (relevant.length === 0) throw new Error(`${file}: "${query}" lists no relevant read`);
    const unknown = relevant.filter((id) => !catalogueIds.has(id));
    if (unknown.length > 0) throw new Error(`${file}: "${query}" names reads not in the catalogue: ${unknown.join(', ')}`);
  }
  return judgements;
}

/**
 * Share of the top k that are wanted, out of what could be (min(k, wanted)): a query with two wanted
 * reads scores 1 when both lead, not 0.4.
 */
export function precisionAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k = TOP_K): number {
  if (relevant.size === 0) throw new Error('precisionAtK: no relevant reads');
  const hits = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return hits / Math.min(k, relevant.size);
}

/** 1 / rank of the first wanted read in `ranked`; 0 when none is there. */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const index = ranked.findIndex((id) => relevant.has(id));
  return index === -1 ? 0 : 1 / (index + 1);
}

export type Quality = { p5: number; mrr: number; queries: number };

/** Mean P@5 and MRR of `search` over the judged queries, overall and per kind. */
export function judgeEngine(judgements: Judgements, search: (query: string) => string[]): { overall: Quality; byKind: Record<string, Quality> } {
  const scored = judgements.queries.map((judgement) => {
    const ranked = search(judgement.query);
    const relevant = new Set(judgement.relevant);
    return { kind: judgement.kind, p5: precisionAtK(ranked, relevant), rr: reciprocalRank(ranked, relevant) };
  });
  const mean = (rows: typeof scored): Quality => ({
    p5: rows.reduce((sum, row) => sum + row.p5, 0) / rows.length,
    mrr: rows.reduce((sum, row) => sum + row.rr, 0) / rows.length,
    queries: rows.length,
  });
  const byKind = Object.fromEntries(Object.keys(judgements.kinds).map((kind) => [kind, mean(scored.filter((row) => row.kind === kind))]));
  return { overall: mean(scored), byKind };
}
