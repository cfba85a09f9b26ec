import { describe, expect, it } from 'vitest';
import { createCatalogueSearch, type CatalogueSearch } from '@/src/search';
import type { Range, SearchHit } from '@/src/search/types';
import { read, SMALL_CATALOGUE } from './fixtures';

const catalogue = createCatalogueSearch(SMALL_CATALOGUE);

const ids = (search: CatalogueSearch, query: string, facets = [] as Parameters<CatalogueSearch['search']>[1]) =>
  search.search(query, facets).hits.map((hit) => hit.read.id);
const marked = (text: string, ranges: Range[]) => ranges.map(([start, end]) => text.slice(start, end));
const titleMarks = (hit: SearchHit) => marked(hit.read.title, hit.highlights.title);

describe('prefix search as you type', () => {
  it('finds a read from the first letters of a title word', () => {
    expect(ids(catalogue, 'consis')[0]).toBe('discord-hashing');
  });

  it('finds words in summaries from their first letters too', () => {
    expect(ids(catalogue, 'trilli')).toEqual(['linkedin-kafka']);
  });

  it('marks only the typed prefix of the word', () => {
    const [hit] = catalogue.search('consis', []).hits;
    expect(titleMarks(hit)).toEqual(['Consis']);
  });

  it('matches and marks accented words from plain typing, at their offsets in the original text', () => {
    const search = createCatalogueSearch([
      read('cafe', { title: 'Le café distribué', summary: 'Déploiement sans arrêt du café' }),
    ]);
    const [hit] = search.search('cafe deploi', []).hits;
    expect(titleMarks(hit)).toEqual(['café']);
    expect(marked(hit.read.summary!, hit.highlights.summary)).toEqual(['Déploi', 'café']);
  });

  it('ranks a whole-word title match above a longer word sharing the prefix', () => {
    expect(ids(catalogue, 'redis').slice(0, 2)).toEqual(['redis-twitter', 'redistribution']);
  });
});

describe('typo tolerance', () => {
  it.each([
    ['consistant hashing', 'discord-hashing'],
    ['kafak', 'linkedin-kafka'],
    ['elasticsaerch', 'es-netflix'],
    ['elasticsae', 'es-netflix'],
    ['sharidng', 'uber-sharding'],
  ])('"%s" finds %s first', (query, expected) => {
    expect(ids(catalogue, query)[0]).toBe(expected);
  });

  it('highlights the corrected word where it occurs', () => {
    const [hit] = catalogue.search('kafak', []).hits;
    expect(titleMarks(hit)).toEqual(['Kafka']);
    expect(marked(hit.read.summary!, hit.highlights.summary)).toEqual(['Kafka']);
  });

  it('scores a corrected match below the same match typed right', () => {
    const typedRight = catalogue.search('kafka', []).hits[0].score;
    const corrected = catalogue.search('kafak', []).hits[0].score;
    expect(corrected).toBeLessThan(typedRight);
  });

  it('leaves short unknown words alone rather than guessing', () => {
    expect(catalogue.search('zq', []).total).toBe(0);
  });
});

describe('vocabulary', () => {
  it('finds a concept by another of its names', () => {
    const search = createCatalogueSearch([
      read('k8s', { title: 'Running Kubernetes at scale' }),
      read('other', { title: 'Running Nomad at scale' }),
    ]);
    const [hit] = search.search('k8s', []).hits;
    expect(hit.read.id).toBe('k8s');
    expect(titleMarks(hit)).toEqual(['Kubernetes']);
  });
});

describe('several words', () => {
  it('requires every word when some read has them all', () => {
    expect(ids(catalogue, 'kafka linkedin')).toEqual(['linkedin-kafka']);
  });

  it('falls back to reads matching most words when none match all', () => {
    expect(ids(catalogue, 'kafka zebra').sort()).toEqual(['linkedin-kafka', 'summary-kafka']);
  });

  it('ranks all words in the title above the same words in the summary', () => {
    const search = createCatalogueSearch([
      read('in-summary', { title: 'Event pipelines', summary: 'Kafka partitioning explained' }),
      read('in-title', { title: 'Kafka partitioning', summary: 'Notes from production' }),
    ]);
    expect(ids(search, 'kafka partitioning')).toEqual(['in-title', 'in-summary']);
  });

  it('ignores filler words when the query has real ones', () => {
    expect(ids(catalogue, 'how to shard mysql')).toEqual(['uber-sharding']);
  });

  it('highlights every query word', () => {
    const [hit] = catalogue.search('kafka linkedin', []).hits;
    expect(titleMarks(hit)).toEqual(['Kafka', 'LinkedIn']);
  });
});

describe('facets', () => {
  it('filters by tag, whatever its case or punctuation', () => {
    expect(ids(catalogue, '', [{ kind: 'tag', value: 'consistent-hashing' }])).toEqual(['discord-hashing']);
  });

  it('filters by category, section, source and year', () => {
    expect(ids(catalogue, '', [{ kind: 'category', value: 'Data Engineering' }])).toEqual(['summary-kafka', 'linkedin-kafka']);
    expect(ids(catalogue, '', [{ kind: 'section', value: 'Scalability' }])).toEqual(['redis-twitter', 'uber-sharding']);
    expect(ids(catalogue, '', [{ kind: 'source', value: 'Netflix' }])).toEqual(['es-netflix']);
    expect(ids(catalogue, '', [{ kind: 'year', value: '2019' }])).toEqual(['linkedin-kafka']);
  });

  it('combines a facet with the query', () => {
    expect(ids(catalogue, 'kafka', [{ kind: 'category', value: 'Data Engineering' }]).sort()).toEqual([
      'linkedin-kafka',
      'summary-kafka',
    ]);
    expect(ids(catalogue, 'kafka', [{ kind: 'year', value: '2022' }])).toEqual(['summary-kafka']);
  });

  it('ANDs facets of different kinds and ORs values of one kind', () => {
    const backend = { kind: 'category', value: 'Backend Development' } as const;
    expect(ids(catalogue, '', [backend, { kind: 'source', value: 'Discord' }])).toEqual(['discord-hashing']);
    expect(ids(catalogue, '', [backend, { kind: 'source', value: 'Uber' }])).toEqual([]);
    expect(ids(catalogue, '', [{ kind: 'year', value: '2019' }, { kind: 'year', value: '2021' }])).toEqual([
      'discord-hashing',
      'linkedin-kafka',
    ]);
  });

  it('browses a facet newest first, undated reads last, then by title', () => {
    const result = catalogue.search('', [{ kind: 'section', value: 'Scalability' }]);
    expect(result.total).toBe(2);
    expect(result.hits.map((hit) => hit.read.id)).toEqual(['redis-twitter', 'uber-sharding']);
    expect(result.hits.every((hit) => hit.highlights.title.length === 0)).toBe(true);
  });

  it('browses the whole catalogue for an empty query without facets', () => {
    const result = catalogue.search('   ', []);
    expect(result.total).toBe(SMALL_CATALOGUE.length);
    expect(result.hits[0].read.id).toBe('summary-kafka');
  });

  it('rejects an unknown facet kind with a clear message', () => {
    expect(() => catalogue.search('', [{ kind: 'colour' as never, value: 'red' }])).toThrow(/Unknown facet kind "colour"/);
  });
});

describe('facetCounts', () => {
  it('counts tags by normalised form, shown as most commonly written, most frequent first', () => {
    const search = createCatalogueSearch([
      read('a', { title: 'A', tags: ['Event Sourcing', 'kafka'] }),
      read('b', { title: 'B', tags: ['event-sourcing'] }),
      read('c', { title: 'C', tags: ['Event Sourcing'] }),
    ]);
    expect(search.facetCounts('tag', { query: '', facets: [] })).toEqual([
      { facet: { kind: 'tag', value: 'Event Sourcing' }, count: 3 },
      { facet: { kind: 'tag', value: 'kafka' }, count: 1 },
    ]);
  });

  it('counts within the current query and the other kinds of facet', () => {
    expect(catalogue.facetCounts('category', { query: 'kafka', facets: [] })).toEqual([
      { facet: { kind: 'category', value: 'Data Engineering' }, count: 2 },
    ]);
    expect(catalogue.facetCounts('year', { query: '', facets: [{ kind: 'category', value: 'Backend Development' }] })).toEqual([
      { facet: { kind: 'year', value: '2020' }, count: 1 },
      { facet: { kind: 'year', value: '2021' }, count: 1 },
    ]);
  });

  it('keeps the other values of a kind countable while one of them is chosen', () => {
    const counts = catalogue.facetCounts('section', { query: '', facets: [{ kind: 'section', value: 'Scalability' }] });
    expect(counts).toEqual([
      { facet: { kind: 'section', value: 'Scalability' }, count: 2 },
      { facet: { kind: 'section', value: 'Availability' }, count: 1 },
    ]);
  });

  it('counts sources of all reads', () => {
    const counts = catalogue.facetCounts('source', { query: '', facets: [] });
    expect(counts.reduce((sum, { count }) => sum + count, 0)).toBe(SMALL_CATALOGUE.length);
  });
});

describe('lookup and limits', () => {
  it('gets a read by id and knows its size', () => {
    expect(catalogue.get('es-netflix')?.title).toBe('Elasticsearch at Netflix');
    expect(catalogue.get('missing')).toBeUndefined();
    expect(catalogue.size).toBe(SMALL_CATALOGUE.length);
  });

  it('limits hits but reports the total', () => {
    const result = catalogue.search('', [], 2);
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(SMALL_CATALOGUE.length);
  });

  it('rejects a negative or fractional limit', () => {
    expect(() => catalogue.search('kafka', [], -1)).toThrow(/limit/);
    expect(() => catalogue.search('kafka', [], 1.5)).toThrow(/limit/);
  });

  it('refuses a catalogue with duplicate ids', () => {
    expect(() => createCatalogueSearch([read('x', { title: 'One' }), read('x', { title: 'Two' })])).toThrow(/two reads with id "x"/);
  });
});

describe('snapshots', () => {
  it('loads an exported index that answers exactly like the built one', () => {
    const loaded = createCatalogueSearch(SMALL_CATALOGUE, { snapshot: catalogue.exportSnapshot() });
    for (const query of ['consis', 'kafak', 'kafka linkedin', 'redis', 'trilli']) {
      expect(loaded.search(query, [])).toEqual(catalogue.search(query, []));
    }
  });

  it('refuses a snapshot of a different catalogue', () => {
    const snapshot = catalogue.exportSnapshot();
    const changed = SMALL_CATALOGUE.map((r) => (r.id === 'es-netflix' ? { ...r, title: 'OpenSearch at Netflix' } : r));
    expect(() => createCatalogueSearch(changed, { snapshot })).toThrow(/different catalogue/);
  });
});
