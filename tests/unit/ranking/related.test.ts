import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Read } from '@/src/catalogue/types';
import { buildRelatedIndex, createRelatedIndex, RELATED_THRESHOLD, relatedForCandidates, relatedReads } from '@/src/ranking';
import { extractCandidates } from '@/src/keywords';
import { createVocabulary, findConcepts } from '@/src/vocabulary';
import { fixtureDocument } from '../keywords/fixture-dom';
import { makeRead } from '../support/reads';

const read = (id: string, title: string, fields: Partial<Read> = {}): Read => makeRead(id, { title, ...fields });

const vocabulary = createVocabulary([['consistent hashing'], ['raft'], ['kafka'], ['load balancing', 'load balancer']]);
const reads = [
  read('hashing', 'Consistent Hashing at Scale', { tags: ['Load Balancing'] }),
  read('hashing-copy', 'Consistent hashing at scale', { url: 'https://mirror.example.com/hashing' }),
  read('raft-summary', 'A consensus story', { summary: 'Why raft works, with a layout of the cluster.' }),
  read('layout', 'Grid layout for dashboards'),
  read('kafka', 'Kafka internals', { tags: ['kafka'] }),
  ...Array.from({ length: 20 }, (_, i) => read(`filler-${i}`, `Unrelated engineering story ${i}`)),
];
const index = buildRelatedIndex(reads, { findConcepts: (text) => vocabulary.findConcepts(text), canonicalOf: (term) => vocabulary.canonicalOf(term) });

describe('relatedReads', () => {
  it('finds reads by whole concepts in title and tags, with the page terms each matched', () => {
    const related = relatedReads([{ term: 'consistent hashing', weight: 50 }, { term: 'load balancing', weight: 40 }], index);
    expect(related[0]!.read.id).toBe('hashing');
    expect(related[0]!.matched).toEqual(['consistent hashing', 'load balancing']);
  });

  it('returns each article once, even when the catalogue lists it twice under different URLs', () => {
    const related = relatedReads([{ term: 'consistent hashing', weight: 50 }], index);
    expect(related.filter((r) => r.read.title.toLowerCase() === 'consistent hashing at scale')).toHaveLength(1);
  });

  it('ranks a concept in the title or tags above the same concept in a summary', () => {
    const related = relatedReads([{ term: 'raft', weight: 150 }, { term: 'kafka', weight: 150 }], index);
    expect(related.map((r) => r.read.id)).toEqual(['kafka', 'raft-summary']);
    expect(related[0]!.score).toBeGreaterThan(related[1]!.score);
  });

  it('lets ordinary words order reads but never qualify one (the confidence threshold)', () => {
    expect(relatedReads([{ term: 'layout', weight: 500 }], index)).toEqual([]);
    const withConcept = relatedReads([{ term: 'raft', weight: 150 }, { term: 'layout', weight: 500 }], index);
    expect(withConcept.map((r) => r.read.id)).toEqual(['raft-summary']);
    expect(withConcept[0]!.matched).toEqual(['raft', 'layout']);
  });

  it('shows nothing when the shared concepts are too weak', () => {
    const weight = (RELATED_THRESHOLD / 3) * 0.9; // in a title (×3), just under the threshold
    expect(relatedReads([{ term: 'kafka', weight }], index)).toEqual([]);
    expect(relatedReads([{ term: 'kafka', weight: weight * 1.2 }], index).map((r) => r.read.id)).toEqual(['kafka']);
  });

  it('honours the limit', () => {
    expect(relatedReads([{ term: 'consistent hashing', weight: 50 }, { term: 'kafka', weight: 50 }], index, { limit: 1 })).toHaveLength(1);
  });
});

describe('related reads over the bundled catalogue', () => {
  const cataloguePath = fileURLToPath(new URL('../../../assets/catalogue.json', import.meta.url));
  const catalogue = createRelatedIndex(JSON.parse(readFileSync(cataloguePath, 'utf8')) as Read[]);
  const relatedFor = (fixture: string) =>
    relatedForCandidates(extractCandidates(fixtureDocument(fixture), findConcepts).candidates, catalogue).related;

  it('shows nothing for an off-topic page (CSS grid guide)', () => {
    expect(relatedFor('offtopic-css-grid.html')).toEqual([]);
  });

  it.each([
    ['kafka-design.html', 'kafka'],
    ['redis-eviction.html', 'redis'],
    ['envoy-load-balancers.html', 'load balancing'],
    ['k8s-service.html', 'kubernetes'],
  ])('suggests at least three reads for %s, led by ones sharing "%s"', (fixture, concept) => {
    const related = relatedFor(fixture);
    expect(related.length).toBeGreaterThanOrEqual(3);
    for (const { matched } of related.slice(0, 3)) expect(matched).toContain(concept);
    const scores = related.map((r) => r.score);
    expect(new Set(related.map((r) => r.read.id)).size).toBe(related.length);
    expect(scores.every((score) => score > 0)).toBe(true);
  });
});
