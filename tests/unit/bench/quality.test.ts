import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeEngine, loadJudgements, precisionAtK, reciprocalRank, type Judgements } from '@/scripts/bench/quality';

describe('precisionAtK', () => {
  it('counts wanted reads in the top k, out of min(k, wanted)', () => {
    expect(precisionAtK(['a', 'x', 'b', 'y', 'z', 'c'], new Set(['a', 'b', 'c', 'd', 'e', 'f']))).toBe(2 / 5);
    expect(precisionAtK(['a', 'b', 'x'], new Set(['a', 'b']))).toBe(1);
    expect(precisionAtK(['x', 'a'], new Set(['a', 'b']))).toBe(0.5);
    expect(precisionAtK([], new Set(['a']))).toBe(0);
  });

  it('rejects an empty wanted set', () => {
    expect(() => precisionAtK(['a'], new Set())).toThrow(/no relevant/);
  });
});

describe('reciprocalRank', () => {
  it('is 1 / the rank of the first wanted read, 0 when none shows', () => {
    expect(reciprocalRank(['a'], new Set(['a']))).toBe(1);
    expect(reciprocalRank(['x', 'y', 'a', 'b'], new Set(['a', 'b']))).toBe(1 / 3);
    expect(reciprocalRank(['x'], new Set(['a']))).toBe(0);
  });
});

describe('judgeEngine', () => {
  it('averages per kind and overall', () => {
    const judgements: Judgements = {
      kinds: { words: '', typos: '' },
      queries: [
        { kind: 'words', query: 'one', relevant: ['a'] },
        { kind: 'words', query: 'two', relevant: ['b'] },
        { kind: 'typos', query: 'tree', relevant: ['c'] },
      ],
    };
    const answers: Record<string, string[]> = { one: ['a'], two: ['x', 'b'], tree: [] };
    const { overall, byKind } = judgeEngine(judgements, (query) => answers[query]!);
    // `b` is second: all there is to find is in the top 5 (P@5 1), found one rank late (RR 0.5).
    expect(byKind.words).toEqual({ p5: 1, mrr: 0.75, queries: 2 });
    expect(byKind.typos).toEqual({ p5: 0, mrr: 0, queries: 1 });
    expect(overall.p5).toBeCloseTo(2 / 3);
    expect(overall.mrr).toBeCloseTo(0.5);
  });
});

describe('the judged set', () => {
  const catalogue = JSON.parse(readFileSync('assets/catalogue.json', 'utf8')) as { id: string }[];
  const judgements = loadJudgements(new Set(catalogue.map((read) => read.id)));

  it('has at least 50 queries over every kind the issue names, each judging catalogue reads', () => {
    expect(judgements.queries.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(judgements.kinds).sort()).toEqual(['prefixes', 'productNames', 'severalWords', 'synonyms', 'typos', 'wholeWords']);
    for (const kind of Object.keys(judgements.kinds)) {
      expect(judgements.queries.filter((query) => query.kind === kind).length).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(judgements.queries.map((query) => query.query)).size).toBe(judgements.queries.length);
  });

  it('fails loudly on a read that is not in the catalogue', () => {
    expect(() => loadJudgements(new Set(['only-this']))).toThrow(/not in the catalogue/);
  });
});
