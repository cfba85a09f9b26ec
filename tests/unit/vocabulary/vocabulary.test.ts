import { describe, expect, it } from 'vitest';
import { canonicalOf, canonicalTerms, createVocabulary, deriveTags, findConcepts, normaliseTerm, variantsOf } from '@/src/vocabulary';
import { HAND_TERMS } from '@/src/vocabulary/terms';

describe('normaliseTerm', () => {
  it('lowercases and treats hyphens, slashes and odd spaces as separators', () => {
    expect(normaliseTerm('Cache-Avalanche')).toBe('cache avalanche');
    expect(normaliseTerm('Pub/Sub')).toBe('pub sub');
    expect(normaliseTerm('  Read‑Write\u00a0Splitting ')).toBe('read write splitting');
    expect(normaliseTerm('Node.js')).toBe('node.js');
    expect(normaliseTerm('C++')).toBe('c++');
  });
});

describe('canonical concepts and their variants', () => {
  it.each([
    ['MQ', 'message queue'],
    ['message queues', 'message queue'],
    ['Messaging Queue', 'message queue'],
    ['k8s', 'kubernetes'],
    ['Kubernetes', 'kubernetes'],
    ['pub/sub', 'publish-subscribe'],
    ['PubSub', 'publish-subscribe'],
    ['publish/subscribe', 'publish-subscribe'],
    ['cache-avalanche', 'cache avalanche'],
    ['Cache Avalanche', 'cache avalanche'],
    ['2PC', 'two-phase commit'],
    ['two phase commit', 'two-phase commit'],
    ['Load Balancers', 'load balancing'],
    ['read replicas', 'read replica'],
    ['Circuit Breakers', 'circuit breaker'],
    ['CDC', 'change data capture'],
    ['Postgres', 'postgresql'],
    ['Apache Pulsar', 'pulsar'],
  ])('%s → %s', (variant, canonical) => {
    expect(canonicalOf(variant)).toBe(canonical);
  });

  it('knows catalogue tags that have no hand-written row', () => {
    expect(canonicalOf('Geospatial Indexing')).toBe('geospatial indexing');
    expect(canonicalOf('ShardingSphere')).toBe('shardingsphere');
  });

  it('returns null for words outside the vocabulary', () => {
    expect(canonicalOf('banana bread')).toBeNull();
  });

  it('lists the variants of a concept, canonical first', () => {
    expect(variantsOf('kubernetes')).toEqual(['kubernetes', 'k8s', 'kube']);
    expect(variantsOf('message queue')).toContain('mq');
    expect(variantsOf('not a concept')).toEqual([]);
  });

  it('maps every hand-written form to its own row (no form claimed by two concepts)', () => {
    for (const [canonical, ...variants] of HAND_TERMS) {
      for (const form of [canonical!, ...variants]) expect(canonicalOf(form), form).toBe(canonical);
    }
    expect(new Set(canonicalTerms()).size).toBe(canonicalTerms().length);
  });

  it('lets earlier rows win when a later row repeats a form', () => {
    const vocabulary = createVocabulary([
      ['message queue', 'mq'],
      ['mq', 'queue thing'],
    ]);
    expect(vocabulary.canonicalOf('queue thing')).toBeNull();
    expect(vocabulary.canonicals()).toEqual(['message queue']);
    expect(() => createVocabulary([['']])).toThrow(/without a canonical term/);
  });
});

describe('findConcepts', () => {
  it('matches multi-word phrases on word boundaries, longest first, case-insensitively', () => {
    const text =
      'Kafka consumer groups read from a Message Queue. Consistent hashing spreads keys; hashing alone does not. ' +
      'A circuit-breaker trips; a circuit breaker resets. Rafting is a sport, Raft is a protocol. K8S runs it.';
    const found = findConcepts(text);
    const byCanonical = Object.fromEntries(found.map((match) => [match.canonical, match]));
    expect(byCanonical['consistent hashing']).toEqual({ canonical: 'consistent hashing', surface: 'Consistent hashing', count: 1 });
    expect(byCanonical['circuit breaker']).toEqual({ canonical: 'circuit breaker', surface: 'circuit-breaker', count: 2 });
    expect(byCanonical['consumer group']?.surface).toBe('consumer groups');
    expect(byCanonical['message queue']?.surface).toBe('Message Queue');
    expect(byCanonical['raft']).toEqual({ canonical: 'raft', surface: 'Raft', count: 1 });
    expect(byCanonical['kubernetes']?.surface).toBe('K8S');
    expect(byCanonical['kafka']?.count).toBe(1);
    // "hashing" on its own is a catalogue tag, but inside "consistent hashing" the longer phrase wins.
    expect(byCanonical['hashing']?.count).toBe(1);
  });

  // Found by vocabulary.fuzz.test.ts: "İ" grows and "𝐀" shrinks when folded, so the lengths agreed but the offsets did not.
  it('reports the surface as written even when folding moves characters without changing the length', () => {
    expect(findConcepts('İ message queue 𝐀')).toEqual([{ canonical: 'message queue', surface: 'message queue', count: 1 }]);
    expect(findConcepts('ﬁ Consistent Hashing e\u0301')[0]?.surface).toBe('consistent hashing');
  });

  it('puts the most frequent concepts first', () => {
    const found = findConcepts('redis redis redis etcd etcd kafka');
    expect(found.map((match) => [match.canonical, match.count])).toEqual([
      ['redis', 3],
      ['etcd', 2],
      ['kafka', 1],
    ]);
  });

  // Its speed is measured by `npm run bench` (extract_ms_*), not asserted here.
  it('counts every occurrence in 50 KB of page text', () => {
    const paragraph =
      'The leader election in etcd uses Raft; clients talk gRPC through an Envoy sidecar with rate limiting, ' +
      'retries and circuit breakers, while read replicas of MySQL and a Redis cache absorb the load of the service. ';
    const text = paragraph.repeat(Math.ceil(50_000 / paragraph.length));
    expect(findConcepts(text).find((match) => match.canonical === 'leader election')?.count).toBe(Math.ceil(50_000 / paragraph.length));
  });
});

describe('deriveTags', () => {
  it.each([
    ['Consistent Hashing at Netflix', 'Principles', ['consistent hashing']],
    ['Operate Kubernetes Reliably at Stripe', 'Scalability', ['kubernetes', 'scalability']],
    ['Delaying Asynchronous Message Processing with RabbitMQ at Indeed', 'Scalability', ['asynchronous', 'rabbitmq', 'scalability']],
    ['Leader Election in Distributed Systems', null, ['leader election', 'distributed systems']],
    ['Scaling Gradient Boosted Trees for Click-Through-Rate Prediction at Yelp', 'Intelligence', ['big data', 'machine learning']],
    ['Designing Data-Intensive Applications', 'Books', []],
  ])('%s (%s)', (title, section, tags) => {
    expect(deriveTags(title, section)).toEqual(tags);
  });
});
