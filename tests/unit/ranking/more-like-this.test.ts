import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueIndex, readAsPage, PAGE_FIELDS } from '@/src/relevance';
import { moreLikeThis } from '@/src/ranking/more-like-this';
import { makeRead } from '../support/reads';

const catalogue = JSON.parse(readFileSync('assets/catalogue.json', 'utf8')) as Read[];
const index = createCatalogueIndex(catalogue);
const byTitle = (pattern: RegExp) => catalogue.find((read) => pattern.test(read.title))!;

describe('readAsPage', () => {
  it('turns a read into a small page: title as title and h1, summary as description, lead and body, tags as headings', () => {
    const page = readAsPage({ title: 'Raft at Scale', tags: ['consistent-hashing'], summary: 'How leaders are elected.' }, index.vocabulary);
    const field = (surface: string) => {
      const term = page.terms.find((t) => t.surface === surface)!;
      return Object.fromEntries(PAGE_FIELDS.flatMap((name, i) => (term.counts[i] ? [[name, term.counts[i]]] : [])));
    };
    expect(page.title).toBe('Raft at Scale');
    expect(field('raft')).toEqual({ title: 1, h1: 1 });
    expect(field('consistent hashing')).toEqual({ heading: 1, body: 1 });
    expect(field('leaders')).toEqual({ description: 1, lead: 1, body: 1 });
  });

  it('leaves out what a saved page does not have', () => {
    const page = readAsPage({ title: 'Some page', tags: [], summary: null }, index.vocabulary);
    for (const term of page.terms) expect(term.counts.filter((c, i) => c > 0 && !['title', 'h1'].includes(PAGE_FIELDS[i]!))).toEqual([]);
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

  it('lists best first, each with a reason the two share', () => {
    const read = byTitle(/^Distributed Consistency Algorithms: CAP, BASE, Paxos, and Raft$/);
    const related = moreLikeThis(read, index);
    expect(related.length).toBeGreaterThanOrEqual(3);
    for (const entry of related) expect(entry.matched.length).toBeGreaterThan(0);
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
