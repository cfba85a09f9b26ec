import { describe, expect, it } from 'vitest';
import { characteristicTerms, extractCandidates, inverseDocumentFrequency, type TermStatistics } from '@/src/keywords';
import { findConcepts } from '@/src/vocabulary';
import { documentOf, fixtureDocument } from './fixture-dom';

const termsOf = (name: string) => extractCandidates(fixtureDocument(name), findConcepts).candidates.map((t) => t.term);

describe('extractCandidates', () => {
  it('finds multi-word concepts from the vocabulary as single terms', () => {
    const envoy = termsOf('envoy-load-balancers.html');
    expect(envoy).toEqual(expect.arrayContaining(['load balancing', 'round robin', 'consistent hashing']));
    expect(termsOf('k8s-service.html')).toContain('service discovery');
  });

  it('puts the product a page documents among its top terms', () => {
    expect(termsOf('kafka-design.html').slice(0, 5)).toContain('kafka');
    expect(termsOf('redis-eviction.html').slice(0, 5)).toContain('redis');
  });

  it('keeps configuration and code identifiers whole', () => {
    expect(termsOf('redis-eviction.html')).toEqual(expect.arrayContaining(['maxmemory-policy', 'allkeys-lru', 'volatile-lfu']));
    const code = documentOf('<main><p>Groups.</p><pre>ConsumerGroup group = admin.describeConsumerGroups(ids); int max_retries = 3;</pre></main>');
    expect(extractCandidates(code, findConcepts).candidates.map((t) => t.term)).toEqual(
      expect.arrayContaining(['consumergroup', 'describeconsumergroups', 'max_retries']),
    );
  });

  it('drops English stopwords and bare numbers', () => {
    const terms = extractCandidates(documentOf('<main><p>The 42 nodes of the cluster are not always there, 2024.</p></main>'), findConcepts).candidates.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['nodes', 'cluster']));
    for (const dropped of ['the', 'of', 'are', 'not', 'always', 'there', '42', '2024']) expect(terms).not.toContain(dropped);
  });

  it('counts the words of a phrase only where they stand alone', () => {
    const page = documentOf('<main><p>Quorum queues replicate. A quorum queue is durable. A quorum of replicas must agree.</p></main>');
    const weights = new Map(extractCandidates(page, findConcepts).candidates.map((t) => [t.term, t.weight]));
    // "quorum" stands alone once; "quorum queue" is found twice (singular and plural).
    expect(weights.get('quorum queue')).toBeGreaterThan(weights.get('quorum')!);
  });

  it('weights a term in the title above one repeated in the body', () => {
    const page = documentOf(`<html><head><title>Sharding</title></head><body><main><p>${'replication '.repeat(6)}</p><p>sharding</p></main></body></html>`);
    const weights = new Map(extractCandidates(page, findConcepts).candidates.map((t) => [t.term, t.weight]));
    expect(weights.get('sharding')).toBeGreaterThan(weights.get('replication')!);
  });

  it('never sends more than maxCandidates terms', () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const page = documentOf(`<main><p>${words.join(' ')}</p></main>`);
    expect(extractCandidates(page, findConcepts, { maxCandidates: 50 }).candidates).toHaveLength(50);
  });
});

describe('characteristicTerms', () => {
  const stats: TermStatistics = {
    documents: 1000,
    documentFrequency: (term) => ({ system: 400, raft: 5, kafka: 40, layout: 5 })[term] ?? 0,
  };

  it('prefers terms rare in the catalogue over common ones of equal emphasis', () => {
    expect(inverseDocumentFrequency(stats, 'raft')).toBeGreaterThan(inverseDocumentFrequency(stats, 'system'));
    const terms = characteristicTerms([{ term: 'system', weight: 10 }, { term: 'raft', weight: 10 }], stats);
    expect(terms.map((t) => t.term)).toEqual(['raft', 'system']);
  });

  it('drops terms no read contains (they cannot relate the page to anything)', () => {
    expect(characteristicTerms([{ term: 'esperanto', weight: 50 }], stats)).toEqual([]);
  });

  it('boosts vocabulary concepts over ordinary words of the same rarity', () => {
    const terms = characteristicTerms([{ term: 'layout', weight: 10 }, { term: 'raft', weight: 10 }], stats, { isConcept: (t) => t === 'raft' });
    expect(terms[0]!.term).toBe('raft');
    expect(terms[0]!.weight).toBeCloseTo(terms[1]!.weight * 3, 1);
  });

  it('keeps at most `limit` terms, heaviest first', () => {
    const terms = characteristicTerms([{ term: 'system', weight: 1 }, { term: 'raft', weight: 1 }, { term: 'kafka', weight: 1 }], stats, { limit: 2 });
    expect(terms.map((t) => t.term)).toEqual(['raft', 'kafka']);
  });
});
