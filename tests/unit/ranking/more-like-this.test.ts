import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Read } from '@/src/catalogue/types';
import { createRelatedIndex } from '@/src/ranking';
import { moreLikeThis, readAsPageText, readCandidates } from '@/src/ranking/more-like-this';
import { BLOCK_WEIGHTS } from '@/src/keywords/page-text';
import { makeRead } from '../support/reads';

const catalogue = JSON.parse(readFileSync('assets/catalogue.json', 'utf8')) as Read[];
const index = createRelatedIndex(catalogue);
const byTitle = (pattern: RegExp) => catalogue.find((read) => pattern.test(read.title))!;

describe('readAsPageText', () => {
  it('turns a read into the blocks of a small page: title, tags as meta keywords, summary as meta description', () => {
    const page = readAsPageText({ id: 'r', title: 'Raft at Scale', tags: ['consistent-hashing', 'raft'], summary: 'How leaders are elected.' });
    expect(page.title).toBe('Raft at Scale');
    expect(page.blocks).toEqual([
      { text: 'Raft at Scale', weight: BLOCK_WEIGHTS.title, kind: 'title' },
      { text: 'consistent hashing. raft', weight: BLOCK_WEIGHTS.metaKeywords, kind: 'meta' },
      { text: 'How leaders are elected.', weight: BLOCK_WEIGHTS.metaDescription, kind: 'meta' },
    ]);
  });

  it('leaves out what a saved page does not have', () => {
    expect(readAsPageText({ id: 'page:1', title: 'Some page', tags: [], summary: null }).blocks).toHaveLength(1);
  });
});

describe('readCandidates', () => {
  it('finds the vocabulary’s concepts in the read, as the content script does in a page', () => {
    const terms = readCandidates({ id: 'r', title: 'Uniform Consistent Hashing', tags: ['load-balancing'] }, index).map((term) => term.term);
    expect(terms).toContain('consistent hashing');
    expect(terms).toContain('load balancing');
  });
});

describe('moreLikeThis (bundled catalogue)', () => {
  const netflix = byTitle(/^Uniform Consistent Hashing \(used at Netflix\)$/);

  it('leads from a mechanism at one company to the same mechanism elsewhere, each with the concept they share', () => {
    const related = moreLikeThis(netflix, index);
    const titles = related.map((entry) => entry.read.title);
    expect(titles).toContain('Consistent Hashing to Improve Load Balancing at Vimeo');
    expect(titles).toContain('Consistent Hashing in Cassandra');
    for (const entry of related.slice(0, 5)) expect(entry.matched).toContain('consistent hashing');
  });

  it('never lists the read itself, nor a copy of it under another id', () => {
    for (const read of [netflix, byTitle(/^Consistent Hashing in Cassandra$/)]) {
      const related = moreLikeThis(read, index);
      expect(related.map((entry) => entry.read.id)).not.toContain(read.id);
      expect(related.map((entry) => entry.read.title.toLowerCase())).not.toContain(read.title.toLowerCase());
    }
  });

  it('lists best first, and the why is concepts only', () => {
    const related = moreLikeThis(byTitle(/^Distributed Consistency Algorithms: CAP, BASE, Paxos, and Raft$/), index);
    expect(related.length).toBeGreaterThanOrEqual(5);
    for (const entry of related) for (const term of entry.matched) expect(index.isConcept(term), term).toBe(true);
    const scores = related.map((entry) => entry.score);
    expect(scores[0]).toBeGreaterThanOrEqual(scores.at(-1)!);
  });

  it('respects the limit', () => {
    expect(moreLikeThis(netflix, index, { limit: 3 })).toHaveLength(3);
  });

  it('finds nothing for a read that shares no architecture concept with the catalogue', () => {
    const stray = makeRead('stray', { title: 'Sourdough starters for beginners', tags: ['baking'], summary: 'Flour, water and patience.' });
    expect(moreLikeThis(stray, index)).toEqual([]);
  });

  it('gives most catalogue reads at least one neighbour', () => {
    const withNeighbours = catalogue.filter((read) => moreLikeThis(read, index, { limit: 1 }).length > 0).length;
    expect(withNeighbours / catalogue.length).toBeGreaterThan(0.75);
  });
});
