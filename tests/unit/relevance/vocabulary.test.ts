import { describe, expect, it } from 'vitest';
import { vocabulary as shippedVocabulary } from '@/src/relevance';
import { analyze, buildVocabulary, termCounts, type Vocabulary } from '@/src/relevance/vocabulary';

const small = buildVocabulary({
  synonyms: [
    ['write-ahead log', 'wal', 'write ahead logging', 'write-ahead logging'],
    ['cap theorem', 'CAP', "brewer's theorem"],
    ['load balancing', 'load balancer'],
    ['rate limiting', 'rate limiter'],
  ],
  tags: ['Consistent Hashing', 'consistent hashing ring', 'BASE', 'circuit breaker', 'Round Robin', 'kafka', 'the'],
  commonWords: ['cap', 'base', 'ring', 'rate'],
});

const keys = (text: string, vocabulary: Vocabulary = small) => [...termCounts(text, vocabulary).keys()];
const keyOf = (text: string, vocabulary: Vocabulary = small) => {
  const found = keys(text, vocabulary);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('phrases', () => {
  it('reads a phrase of the vocabulary as one term, whatever its inflection and case', () => {
    expect(keys('Consistent hashing spreads load')).toEqual([keyOf('consistent hashing'), keyOf('spreads'), keyOf('load')]);
    expect(keyOf('consistent hashes')).toBe(keyOf('Consistent Hashing'));
  });

  it('takes the longest phrase at each position', () => {
    expect(keys('a consistent hashing ring of nodes')).toEqual([keyOf('consistent hashing ring'), keyOf('nodes')]);
    expect(keyOf('consistent hashing ring')).not.toBe(keyOf('consistent hashing'));
  });

  it('counts the words of a phrase only where they stand alone', () => {
    const counts = termCounts('Consistent hashing is consistent, and fast hashing is fast; consistent hashing again.', small);
    expect(counts.get(keyOf('consistent hashing'))).toBe(2);
    expect(counts.get(keyOf('consistent'))).toBe(1);
    expect(counts.get(keyOf('hashing'))).toBe(1);
  });

  it('never matches a phrase across the end of a sentence or clause', () => {
    const counts = termCounts('Consistent hashing is consistent. Hashing is fast; consistent, hashing (consistent) hashing.', small);
    expect(counts.get(keyOf('consistent hashing'))).toBe(1);
    expect(counts.get(keyOf('consistent'))).toBe(3);
    expect(counts.get(keyOf('hashing'))).toBe(3);
  });

  it('never takes a stopword for a concept, even one listed as a tag', () => {
    expect(keys('the')).toEqual([]);
    expect(small.isConcept('the')).toBe(false);
  });
});

describe('synonyms', () => {
  it('maps every form of a concept to one key, named by the row’s first form', () => {
    const wal = keyOf('write-ahead log');
    for (const form of ['WAL', 'the wal', 'write ahead logs', 'Write-Ahead Logging', 'write‐ahead log'.replace('‐', '-')]) expect(keyOf(form), form).toBe(wal);
    expect(small.names.get(wal)).toBe('write-ahead log');
    expect(keyOf('load balancer')).toBe(keyOf('load balancing'));
    expect(small.isConcept(wal)).toBe(true);
  });

  it('does the same in the shipped vocabulary', () => {
    const wal = keyOf('write-ahead log', shippedVocabulary());
    expect(keyOf('WAL', shippedVocabulary())).toBe(wal);
    expect(keyOf('write-ahead logging', shippedVocabulary())).toBe(wal);
    expect(keyOf('load balancer', shippedVocabulary())).toBe(keyOf('load balancing', shippedVocabulary()));
  });
});

describe('capitals-only acronyms', () => {
  it('reads a short form that is an everyday word as the concept only in capitals', () => {
    const cap = keyOf('CAP theorem');
    expect(keyOf('CAP')).toBe(cap);
    expect(keys('a cap on retries')).not.toContain(cap);
    expect(keys('Cap the retries')).not.toContain(cap);
    const base = keyOf('BASE');
    expect(small.isConcept(base)).toBe(true);
    expect(keys('the base case')).not.toContain(base);
  });

  it('keeps short forms that are no everyday word in any case', () => {
    expect(keyOf('wal')).toBe(keyOf('WAL'));
  });

  it('does the same in the shipped vocabulary: CAP theorem, BASE', () => {
    const v = shippedVocabulary();
    const cap = keyOf('CAP theorem', v);
    expect(v.isConcept(cap)).toBe(true);
    expect(keys('put a cap on the retries', v)).not.toContain(cap);
    const base = keyOf('BASE', v);
    expect(v.isConcept(base)).toBe(true);
    expect(v.capitalsOnly.has(base)).toBe(true);
    expect(keys('the base case of a recursion', v)).not.toContain(base);
    expect(keys('ACID versus BASE', v)).toContain(base);
  });
});

describe('identifiers', () => {
  it('counts the concepts a camelCase identifier spells, and the identifier itself', () => {
    const found = keys('new RequestRateLimiter(config)');
    expect(found).toContain(keyOf('rate limiting'));
    expect(found).toContain(keyOf('requestratelimiter'));
    expect(keys('circuitBreakerState')).toContain(keyOf('circuit breaker'));
    expect(keys('RoundRobinLoadBalancer')).toEqual(expect.arrayContaining([keyOf('round robin'), keyOf('load balancing')]));
    expect(keys('ConsistentHashRingNode')).toContain(keyOf('consistent hashing ring'));
  });

  it('reads an identifier that is exactly a concept as that concept only', () => {
    expect(keys('new CircuitBreaker()')).toEqual([keyOf('circuit breaker')]);
    expect(keys('LoadBalancer')).toEqual([keyOf('load balancing')]);
    expect(keys('ConsistentHashing', shippedVocabulary())).toEqual([keyOf('consistent hashing', shippedVocabulary())]);
  });

  it('reads no concept out of an identifier that spells none', () => {
    expect(keys('ConsumerGroupCoordinator')).toEqual([keyOf('consumergroupcoordinator')]);
    expect(keys('HTTPServer')).toEqual([keyOf('httpserver')]);
  });

  it('tells the sink how the page wrote each term', () => {
    const seen: [string, string][] = [];
    analyze('The WAL and Kafka', small, (key, surface) => seen.push([key, surface]));
    expect(seen).toEqual([
      [keyOf('wal'), 'write-ahead log'],
      [keyOf('kafka'), 'kafka'],
    ]);
  });
});
