import { describe, expect, it } from 'vitest';
import { foldWord, GENRE_TERMS, isContentToken, lightStem, splitCamel, tokens } from '@/src/relevance/text';

const folded = (...words: string[]) => words.map(foldWord);

describe('inflectional folding', () => {
  it('folds the inflections of a word to one key', () => {
    expect(new Set(folded('trace', 'traces', 'tracing', 'traced')).size).toBe(1);
    expect(new Set(folded('schedule', 'schedules', 'scheduling', 'scheduled')).size).toBe(1);
    expect(new Set(folded('partition', 'partitions', 'partitioning', 'partitioned')).size).toBe(1);
    expect(foldWord('queries')).toBe('query');
    expect(foldWord('replicas')).toBe(foldWord('replica'));
    expect(foldWord('caches')).toBe(foldWord('cache'));
  });

  it('leaves words ending in -s that are not plurals as they are', () => {
    for (const word of ['series', 'status', 'analysis', 'consensus', 'asynchronous', 'bus', 'alias']) expect(foldWord(word), word).toBe(word);
    expect(foldWord('series')).not.toBe(foldWord('serie'));
  });

  it('does not fold derivations: words whose topics differ stay apart', () => {
    expect(foldWord('partitioner')).not.toBe(foldWord('partition'));
    expect(foldWord('consistency')).not.toBe(foldWord('consistent'));
    expect(foldWord('replication')).not.toBe(foldWord('replica'));
  });

  it('keeps short words and identifiers with digits or punctuation as written', () => {
    expect(folded('bus', 'ids', 'api')).toEqual(['bus', 'ids', 'api']);
    expect(folded('node.js', 'max_retries', 's3', 'c++', 'http2s')).toEqual(['node.js', 'max_retries', 's3', 'c++', 'http2s']);
    expect(lightStem('Queries')).toBe('Queries'); // only lower-case letters fold
  });
});

describe('tokens', () => {
  it('splits on spaces, hyphens and slashes, keeps inner dots and underscores and drops the possessive', () => {
    expect(tokens('Kafka’s write-ahead log, pub/sub over node.js (max_retries=3) in C++').map((t) => t.raw)).toEqual([
      'Kafka', 'write', 'ahead', 'log', 'pub', 'sub', 'over', 'node.js', 'max_retries', '3', 'in', 'C++',
    ]);
  });

  it('marks words written in capitals, not capitalised words or single letters', () => {
    expect(tokens('CAP Base BASE a A S3').map((t) => t.caps)).toEqual([true, false, true, false, false, true]);
  });

  it('reads compatibility forms as their plain letters', () => {
    expect(tokens('ﬁle ＫＡＦＫＡ').map((t) => t.lower)).toEqual(['file', 'kafka']);
  });

  it('takes stopwords, numbers and absurdly long runs for no terms', () => {
    const content = tokens(`the of 42 3.14 raft ${'x'.repeat(41)} etcd`).filter(isContentToken).map((t) => t.lower);
    expect(content).toEqual(['raft', 'etcd']);
  });
});

describe('splitCamel', () => {
  it('reads an identifier as its words', () => {
    expect(splitCamel('RequestRateLimiter')).toBe('Request Rate Limiter');
    expect(splitCamel('HTTPServer')).toBe('HTTP Server');
    expect(splitCamel('consistentHashRing2')).toBe('consistent Hash Ring2');
    expect(splitCamel('plain')).toBe('plain');
  });
});

describe('GENRE_TERMS', () => {
  it('holds the folded words that name a kind of document, never a subject', () => {
    for (const word of ['overview', 'tutorials', 'getting', 'documentation', 'docs', 'handbook', 'apache']) expect(GENRE_TERMS.has(foldWord(word)), word).toBe(true);
    for (const word of ['replication', 'kafka', 'cache', 'partition']) expect(GENRE_TERMS.has(foldWord(word)), word).toBe(false);
  });
});
