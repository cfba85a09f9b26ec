import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueSearch, type CatalogueSearch } from '@/src/search';
import { syntheticReads } from '@/src/search/synthetic';
import type { SearchHit } from '@/src/search/types';

const folded = (text: string | null) => (text ?? '').toLowerCase();
const mentions = (hit: SearchHit, word: string) =>
  [hit.read.title, hit.read.summary, ...hit.read.tags].some((text) => folded(text).includes(word));
const markedTitleWords = (hit: SearchHit) =>
  hit.highlights.title.map(([start, end]) => hit.read.title.slice(start, end).toLowerCase());

/** Checks that hold for any catalogue with Kafka, Elasticsearch and consistent-hashing reads. */
function searchBehaviour(name: string, catalogue: () => CatalogueSearch) {
  describe(name, () => {
    it.each([
      ['kafak', 'kafka'],
      ['elasticsaerch', 'elasticsearch'],
      ['consistant hashing', 'consistent hashing'],
    ])('"%s" finds reads about %s first, highlighted', (query, meant) => {
      const { hits } = catalogue().search(query, [], 5);
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(mentions(hit, meant)).toBe(true);
      expect(markedTitleWords(hits[0]).join(' ')).toContain(meant.split(' ')[0]);
    });

    it('finds "consistency" and "consistent" from "consis"', () => {
      const { hits } = catalogue().search('consis', [], 10);
      expect(hits.length).toBe(10);
      for (const hit of hits) {
        const summaryMarks = hit.highlights.summary.map(([start, end]) => hit.read.summary!.slice(start, end).toLowerCase());
        expect([...markedTitleWords(hit), ...summaryMarks]).toContain('consis');
      }
    });

    it('browses the most common tag newest first, all of its reads', () => {
      const search = catalogue();
      const [top] = search.facetCounts('tag', { query: '', facets: [] });
      const browsed = search.search('', [top.facet], search.size);
      expect(browsed.total).toBe(top.count);
      const dates = browsed.hits.map((hit) => hit.read.published).filter((date) => date !== null);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('narrows a query by a facet to reads having both', () => {
      const search = catalogue();
      const [year] = search.facetCounts('year', { query: 'kafka', facets: [] });
      const result = search.search('kafka', [year.facet], search.size);
      expect(result.total).toBe(year.count);
      for (const hit of result.hits) expect(hit.read.published?.startsWith(year.facet.value)).toBe(true);
    });
  });
}

const synthetic = syntheticReads(5000, 42);
const syntheticSearch = createCatalogueSearch(synthetic);
searchBehaviour('on a synthetic catalogue of 5,000 reads', () => syntheticSearch);

describe('syntheticReads', () => {
  it('is repeatable for a seed and differs between seeds', () => {
    expect(syntheticReads(50, 42)).toEqual(synthetic.slice(0, 50));
    expect(syntheticReads(50, 43).map((r) => r.title)).not.toEqual(synthetic.slice(0, 50).map((r) => r.title));
  });

  it('makes unique ids and a mix of listing and awesome-list reads', () => {
    expect(new Set(synthetic.map((r) => r.id)).size).toBe(synthetic.length);
    const listing = synthetic.filter((r) => r.origin === 'listing');
    expect(listing.length / synthetic.length).toBeGreaterThan(0.25);
    expect(listing.every((r) => r.category && r.summary && r.url === null)).toBe(true);
    expect(synthetic.filter((r) => r.origin === 'awesome-scalability').every((r) => r.section && r.url)).toBe(true);
  });

  it('rejects a bad size', () => {
    expect(() => syntheticReads(-1)).toThrow(/whole number/);
  });
});

describe('deterministic ordering', () => {
  it('ranks the same whatever order the catalogue comes in', () => {
    const reversed = createCatalogueSearch([...synthetic].reverse());
    for (const query of ['kafka', 'consistant hashing', 'netflix sharding', 'c', '']) {
      const ids = (search: CatalogueSearch) => search.search(query, [], 30).hits.map((hit) => hit.read.id);
      expect(ids(reversed)).toEqual(ids(syntheticSearch));
    }
  });

  it('picks the same best hits from many matches as a full sort would', () => {
    const everything = syntheticSearch.search('c', [], synthetic.length);
    expect(everything.total).toBeGreaterThan(30 * 4);
    const top = syntheticSearch.search('c', [], 30);
    expect(top.hits.map((hit) => hit.read.id)).toEqual(everything.hits.slice(0, 30).map((hit) => hit.read.id));
  });

  it('a snapshot of a large index answers like the built index', () => {
    const loaded = createCatalogueSearch(synthetic, { snapshot: syntheticSearch.exportSnapshot() });
    for (const query of ['kaf', 'elasticsae', 'uber replication']) {
      expect(loaded.search(query, [], 20)).toEqual(syntheticSearch.search(query, [], 20));
    }
  });
});

const cataloguePath = resolve(__dirname, '../../../assets/catalogue.json');
const realReads: Read[] = existsSync(cataloguePath) ? JSON.parse(readFileSync(cataloguePath, 'utf8')) : [];
const realSearch = realReads.length > 0 ? createCatalogueSearch(realReads) : null;

describe.skipIf(!realSearch)('on the bundled catalogue', () => {
  searchBehaviour('search', () => realSearch!);

  it('counts sections and categories exactly as the catalogue has them', () => {
    const tally = (values: (string | null)[]) => {
      const counts = new Map<string, number>();
      for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
      return counts;
    };
    for (const [kind, values] of [
      ['section', realReads.map((r) => r.section)],
      ['category', realReads.map((r) => r.category)],
    ] as const) {
      const counted = realSearch!.facetCounts(kind, { query: '', facets: [] });
      expect(new Map(counted.map(({ facet, count }) => [facet.value, count]))).toEqual(tally(values));
    }
  });
});
