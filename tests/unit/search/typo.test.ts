import { describe, expect, it } from 'vitest';
import { boundedEditDistance, maxEditsFor, TermDictionary } from '@/src/search/typo';

describe('boundedEditDistance', () => {
  it.each([
    ['kafka', 'kafka', 0],
    ['kafak', 'kafka', 1],
    ['consistant', 'consistent', 1],
    ['elasticsaerch', 'elasticsearch', 1],
    ['shardnig', 'sharding', 1],
    ['redis', 'radish', 2],
  ])('%s → %s is %i edits', (a, b, edits) => {
    expect(boundedEditDistance(a, b, 3)).toBe(edits);
  });

  it('stops at the bound', () => {
    expect(boundedEditDistance('kubernetes', 'cassandra', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('TermDictionary', () => {
  const dictionary = new TermDictionary();
  dictionary.addRead(['kafka', 'streams', 'consistent', 'hashing']);
  dictionary.addRead(['kafka', 'consistency']);
  dictionary.addRead(['elasticsearch', 'kafka', 'kafka']);

  it('allows more edits for longer words and none for short ones', () => {
    expect([maxEditsFor(3), maxEditsFor(5), maxEditsFor(9)]).toEqual([0, 1, 2]);
  });

  it('corrects a whole word to the closest, most used words', () => {
    expect(dictionary.corrections('kafak', false)).toEqual([{ term: 'kafka', edits: 1 }]);
    expect(dictionary.corrections('consistant', false).map((c) => c.term)).toEqual(['consistent']);
    expect(dictionary.corrections('consistensy', false).map((c) => c.term)).toEqual(['consistency', 'consistent']);
  });

  it('corrects a word still being typed against the starts of longer words', () => {
    expect(dictionary.corrections('elasticsae', false)).toEqual([]);
    expect(dictionary.corrections('elasticsae', true).map((c) => c.term)).toEqual(['elasticsearch']);
  });

  it('completes a prefix with the most used words', () => {
    expect(dictionary.completions('consist', 5)).toEqual(['consistency', 'consistent']);
    expect(dictionary.completions('kafka', 5)).toEqual([]);
  });

  it('round-trips through its entries', () => {
    const copy = TermDictionary.fromEntries(dictionary.entries());
    expect(copy.size).toBe(dictionary.size);
    expect(copy.corrections('kafak', false)).toEqual(dictionary.corrections('kafak', false));
  });
});
