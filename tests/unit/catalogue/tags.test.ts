import { describe, expect, it } from 'vitest';
import { parseListingPage } from '@/src/catalogue/listing';
import { normaliseTag, splitCorpusTags, splitRunTogetherTags, tagsAtLineEdges } from '@/src/catalogue/tags';
import { listingSources } from './real-sources';

const entries = listingSources().flatMap((source) => parseListingPage(source.text, source.name));
const splits = splitCorpusTags(entries.map((entry) => ({ line: entry.tagLine, context: `${entry.title}\n${entry.summary}` })));
const splitOf = (line: string) => {
  const index = entries.findIndex((entry) => entry.tagLine === line);
  if (index < 0) throw new Error(`tag line not in the sources: ${line}`);
  return splits[index];
};

describe('normaliseTag', () => {
  it('folds case, Unicode dashes and quotes, and whitespace', () => {
    expect(normaliseTag('High‑performance computing')).toBe('high-performance computing');
    expect(normaliseTag('  Read‑Write   Splitting ')).toBe('read-write splitting');
    expect(normaliseTag('Master‑Slave')).toBe(normaliseTag('master-slave'));
    expect(normaliseTag('Architects’ Notes')).toBe("architects' notes");
    expect(normaliseTag('e‑commerce')).toBe('e-commerce');
  });
});

describe('splitRunTogetherTags on the real listing corpus', () => {
  it.each([
    ['Kafkapush-pullredis', ['Kafka', 'push-pull', 'redis']],
    ['Consistencycache-avalanchecache-penetration', ['Consistency', 'cache-avalanche', 'cache-penetration']],
    ['2PC3PCConsistency', ['2PC', '3PC', 'Consistency']],
    ['Distributed Systemshigh availability', ['Distributed Systems', 'high availability']],
    ['Apache PulsarDelayed MessagingMessage Queue', ['Apache Pulsar', 'Delayed Messaging', 'Message Queue']],
    ['AI AgentLow latencyMemory Management', ['AI Agent', 'Low latency', 'Memory Management']],
    ['ApolloGraphQLMicroservices', ['Apollo', 'GraphQL', 'Microservices']],
    ['Distributed SystemsRPCSPI', ['Distributed Systems', 'RPC', 'SPI']],
    ['CDNFastDFSWindows .NET', ['CDN', 'FastDFS', 'Windows .NET']],
    ['DALOraclee‑commerce', ['DAL', 'Oracle', 'e‑commerce']],
    ['CConsistencyException Handling', ['C', 'Consistency', 'Exception Handling']],
    ['ANNAdvertisingDeep Learning', ['ANN', 'Advertising', 'Deep Learning']],
    ['Configuration ManagementDevOpsscalable architecture', ['Configuration Management', 'DevOps', 'scalable architecture']],
    ['CASCacheConsistency', ['CAS', 'Cache', 'Consistency']],
    ['Big DataETLdata-warehouse', ['Big Data', 'ETL', 'data-warehouse']],
    ['Consistencydatabase', ['Consistency', 'database']],
  ])('%s', (line, tags) => {
    expect(splitOf(line)).toEqual(tags);
  });

  it('splits every line into tags that rebuild it and follow the source sort order', () => {
    entries.forEach((entry, index) => {
      const tags = splits[index]!;
      expect(tags.join('')).toBe(entry.tagLine);
      expect(tags.length).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < tags.length; i++) expect(tags[i - 1]! < tags[i]!).toBe(true);
    });
  });

  it('finds two or three tags on every line (no line was left whole)', () => {
    expect(splits.every((tags) => tags.length >= 2 && tags.length <= 3)).toBe(true);
  });
});

describe('tag evidence', () => {
  it('takes a piece that starts one line and ends another as a tag, but not two joined neighbours', () => {
    const known = tagsAtLineEdges([
      'Kafkapush-pullredis',
      'ArchitectureDistributed SystemsKafka',
      'Backend ArchitectureDistributed SystemsRPC',
      'Distributed SystemsRPCSPI',
      'CacheConsistencyDistributed Systems',
    ]);
    expect(known.has('kafka')).toBe(true);
    expect(known.has('distributed systems')).toBe(true);
    expect(known.has('distributed systemsrpc')).toBe(false);
  });

  it('uses known tags and the entry prose to choose among sorted splits', () => {
    expect(splitRunTogetherTags('Kafkapush-pullredis', new Set(['kafka']), { context: 'Hybrid Push‑Pull timelines with Kafka fan‑out and Redis caching' })).toEqual([
      'Kafka',
      'push-pull',
      'redis',
    ]);
    // Without evidence the sort order alone cannot place the cuts between lowercase tags.
    expect(splitRunTogetherTags('Kafkapush-pullredis', new Set(), {})).not.toEqual(['Kafka', 'push-pull', 'redis']);
  });

  it('rejects input that is not a tag line', () => {
    expect(splitRunTogetherTags('', new Set())).toEqual([]);
    expect(() => splitRunTogetherTags('x'.repeat(500), new Set())).toThrow(/too long/);
  });
});
