/**
 * The ranking's mechanics on a small hand-made catalogue, with a model that gives every term the
 * same utility, so what is tested is the scoring itself (saturation, fields, dedup, the gate),
 * not the shipped model's fitted weights (tests/unit/relevance/shipped-model.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Read } from '@/src/catalogue/types';
import { buildCatalogueIndex, type BackgroundFrequencies } from '@/src/relevance/catalogue-index';
import { FEATURES, fitRidge, predict, termFeatures } from '@/src/relevance/model';
import { PAGE_FIELDS, type PageTerm, type PageTerms } from '@/src/relevance/page-terms';
import { rankForPage, type RankSettings } from '@/src/relevance/rank';
import { buildVocabulary } from '@/src/relevance/vocabulary';
import { makeRead } from '../support/reads';

const vocabulary = buildVocabulary({ synonyms: [['consistent hashing', 'consistent hash']], tags: ['raft', 'kafka', 'gossip'], commonWords: [] });
const NO_BACKGROUND: BackgroundFrequencies = { english: { total: 1_000_000, counts: {} }, software: { total: 1_000_000, counts: {} } };

const read = (id: string, fields: Partial<Read>): Read => makeRead(id, fields);
const reads = [
  read('once', { title: 'A consensus story', summary: 'Why raft elects one leader.' }),
  read('ten', { title: 'Another consensus story', summary: `${'raft '.repeat(10)}everywhere.` }),
  read('title', { title: 'Raft in practice' }),
  read('tagged', { title: 'Elections', tags: ['raft'] }),
  read('title-copy', { title: 'Raft in Practice!', url: 'https://mirror.example.com/raft' }),
  read('kafka', { title: 'Kafka internals', tags: ['kafka'] }),
  read('hashing', { title: 'Consistent hashing', summary: 'Gossip spreads the ring.' }),
  ...Array.from({ length: 20 }, (_, i) => read(`filler-${i}`, { title: `Unrelated engineering story ${i}` })),
];
const index = buildCatalogueIndex(reads, vocabulary, NO_BACKGROUND);

/** Every term equally useful (only the bias weight), no feedback, no gate. */
const FLAT: RankSettings = {
  weights: FEATURES.map((name) => (name === 'bias' ? 1 : 0)),
  sharpness: 1,
  maxTerms: 10,
  keepRatio: 0,
  wordWeight: 1,
  feedbackReads: 0,
  feedbackWeight: 0,
  gate: { minReads: 0, minSpecificity: Number.NEGATIVE_INFINITY, minConcepts: 0, minConceptUtility: 0 },
};

const term = (key: string, field: (typeof PAGE_FIELDS)[number] = 'title', count = 1): PageTerm => ({
  key,
  surface: key,
  counts: PAGE_FIELDS.map((f) => (f === field ? count : 0)),
});
const page = (...terms: PageTerm[]): PageTerms => ({ title: 'page', terms });
const scoresOf = (ranking: ReturnType<typeof rankForPage>) => new Map(ranking.related.map((r) => [r.read.id, r.score]));

describe('scoring reads', () => {
  it('saturates a read’s term frequency: ten mentions of a term score far less than ten times one', () => {
    const scores = scoresOf(rankForPage(page(term('raft')), index, FLAT));
    expect(scores.get('ten')!).toBeGreaterThan(scores.get('once')!);
    expect(scores.get('ten')!).toBeLessThan(2 * scores.get('once')!);
  });

  it('weighs a term in a read’s title above the same term in its tags, and tags above its summary', () => {
    const scores = scoresOf(rankForPage(page(term('raft')), index, FLAT));
    expect(scores.get('title')!).toBeGreaterThan(scores.get('tagged')!);
    expect(scores.get('tagged')!).toBeGreaterThan(scores.get('once')!);
  });

  it('shows each article once, however many copies the catalogue lists, and never the excluded one', () => {
    const ranked = rankForPage(page(term('raft')), index, FLAT).related.map((r) => r.read.id);
    expect(ranked.filter((id) => id === 'title' || id === 'title-copy')).toHaveLength(1);
    const position = reads.findIndex((r) => r.id === 'title');
    expect(rankForPage(page(term('raft')), index, FLAT, { exclude: position }).related.map((r) => r.read.id)).not.toContain('title');
  });

  it('says which page terms each read matched, largest share first', () => {
    const ranked = rankForPage(page(term('consistent hash'), term('gossip', 'body')), index, FLAT).related;
    expect(ranked[0]!.read.id).toBe('hashing');
    expect(ranked[0]!.matched.map((m) => m.key)).toEqual(['consistent hash', 'gossip']);
  });

  it('honours the limit, and finds nothing for terms no read holds', () => {
    expect(rankForPage(page(term('raft')), index, FLAT, { limit: 2 }).related).toHaveLength(2);
    expect(rankForPage(page(term('esperanto')), index, FLAT).related).toEqual([]);
  });

  it('keeps reads within keepRatio of the best, at least three', () => {
    const related = rankForPage(page(term('raft'), term('kafka', 'body')), index, { ...FLAT, keepRatio: 0.99 }).related;
    expect(related.length).toBe(3);
  });

  it('discounts a match on a plain word, not one on a vocabulary concept, by wordWeight', () => {
    const both = page(term('raft'), term('story'));
    const full = scoresOf(rankForPage(both, index, FLAT));
    const discounted = scoresOf(rankForPage(both, index, { ...FLAT, wordWeight: 0.5 }));
    expect(discounted.get('filler-0')!).toBeCloseTo(full.get('filler-0')! / 2, 5); // `story` only
    expect(discounted.get('title')!).toBeCloseTo(full.get('title')!, 5); // `raft` only
  });
});

describe('feedback from the first pass', () => {
  it('only ever raises terms the page has: the query never drifts to a topic the page does not mention', () => {
    const onPage = page(term('consistent hash'), term('raft', 'body'));
    const { query } = rankForPage(onPage, index, { ...FLAT, feedbackReads: 3, feedbackWeight: 5 });
    expect(query.map((t) => t.key).sort()).toEqual(['consistent hash', 'raft']);
  });
});

describe('the gate', () => {
  it('holds a page back when it has too few specific concepts, or its query leans on none', () => {
    const onPage = page(term('raft'), term('kafka'));
    expect(rankForPage(onPage, index, { ...FLAT, gate: { ...FLAT.gate, minConcepts: 3 } })).toMatchObject({ gatePassed: false, related: [] });
    expect(rankForPage(onPage, index, { ...FLAT, gate: { ...FLAT.gate, minConceptUtility: 100 } })).toMatchObject({ gatePassed: false, related: [] });
    expect(rankForPage(onPage, index, { ...FLAT, gate: { ...FLAT.gate, minConcepts: 2 } }).gatePassed).toBe(true);
    // Plain words are no concepts, however many the page has.
    const words = page(term('story'), term('engineer'));
    expect(rankForPage(words, index, { ...FLAT, gate: { ...FLAT.gate, minConcepts: 1 } }).related).toEqual([]);
  });
});

describe('the model', () => {
  it('gives finite features, one per FEATURES name, only for terms the catalogue holds', () => {
    const features = termFeatures(page(term('raft'), term('consistent hash', 'body', 3), term('esperanto')), index);
    expect(features.map((f) => f.key)).toEqual(['raft', 'consistent hash']);
    for (const { x } of features) {
      expect(x).toHaveLength(FEATURES.length);
      expect(x.every(Number.isFinite)).toBe(true);
    }
  });

  it('fits a linear utility by ridge regression, leaving the bias unpenalised', () => {
    const idf = FEATURES.indexOf('idf');
    const inTitle = FEATURES.indexOf('inTitle');
    const rows = Array.from({ length: 200 }, (_, i) => {
      const x = FEATURES.map((_, f) => (f === 0 ? 1 : f === idf ? (i % 7) / 7 : f === inTitle ? i % 2 : ((i * (f + 3)) % 11) / 11));
      return { x, y: 0.2 + 0.5 * x[idf]! + 0.3 * x[inTitle]! };
    });
    const weights = fitRidge(rows, 1e-6);
    expect(weights[0]).toBeCloseTo(0.2, 3);
    expect(weights[idf]).toBeCloseTo(0.5, 3);
    expect(weights[inTitle]).toBeCloseTo(0.3, 3);
    for (const row of rows.slice(0, 5)) expect(predict(weights, row.x)).toBeCloseTo(row.y, 4);
    // A large penalty shrinks the slopes toward 0, never the bias.
    const shrunk = fitRidge(rows, 1e6);
    expect(Math.abs(shrunk[idf]!)).toBeLessThan(0.01);
    expect(shrunk[0]).toBeCloseTo(rows.reduce((sum, r) => sum + r.y, 0) / rows.length, 2);
  });
});
