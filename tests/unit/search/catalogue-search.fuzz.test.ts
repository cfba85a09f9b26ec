import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCatalogueSearch } from '@/src/search';
import { QUERY_STOPWORDS, tokensOf } from '@/src/search/text';
import { makeRead } from '../support/reads';
import { fuzz, lineText } from '../support/fuzz';

/** Words of any script and shape, as titles and summaries from listings, awesome lists and user files have them. */
const WORD = fc.oneof(
  fc.stringMatching(/^[A-Za-z][a-z]{2,9}$/),
  fc.constantFrom('café', 'déploiement', 'Kubernetes', 'k8s', 'Pub/Sub', 'C++', 'node.js', 'İstanbul', '日本語', 'שלום', '𝐀PI', 'ﬁle'),
  lineText({ minLength: 1, maxLength: 8 }),
);
const TEXT = fc.array(WORD, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));

const CATALOGUE = fc
  .array(fc.record({ title: TEXT, summary: fc.option(TEXT, { nil: null }), tags: fc.array(WORD, { maxLength: 3 }) }), { minLength: 1, maxLength: 10 })
  .map((records) => records.map((record, index) => makeRead(`r${index}`, record)));

describe('catalogue search (property-based)', () => {
  it('any query over any catalogue: no throw, hits from the catalogue, highlights inside their field', () => {
    fuzz(
      fc.property(CATALOGUE, fc.oneof(lineText({ maxLength: 30 }), TEXT), (reads, query) => {
        const search = createCatalogueSearch(reads);
        const { hits, total } = search.search(query, [], 50);
        expect(total).toBeGreaterThanOrEqual(hits.length);
        expect(new Set(hits.map((hit) => hit.read.id)).size).toBe(hits.length);
        for (const hit of hits) {
          expect(reads).toContain(hit.read);
          for (const [field, text] of [['title', hit.read.title], ['summary', hit.read.summary ?? '']] as const) {
            for (const [start, end] of hit.highlights[field]) {
              expect(0 <= start && start < end && end <= text.length, `${field} range [${start}, ${end}) in ${JSON.stringify(text)}`).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('a word of a title, typed whole or by its first letters, finds that read and marks it in the title', () => {
    fuzz(
      fc.property(CATALOGUE, fc.nat(), fc.nat(), fc.integer({ min: 3, max: 12 }), (reads, readPick, wordPick, typed) => {
        const target = reads[readPick % reads.length]!;
        const words = tokensOf(target.title).filter((token) => token.end - token.start >= 3 && !QUERY_STOPWORDS.has(token.term));
        fc.pre(words.length > 0);
        const word = words[wordPick % words.length]!;
        const query = target.title.slice(word.start, Math.min(word.end, word.start + typed));
        const hit = createCatalogueSearch(reads).search(query, [], reads.length).hits.find((candidate) => candidate.read.id === target.id);
        expect(hit, `"${query}" finds ${JSON.stringify(target.title)}`).toBeDefined();
        expect(hit!.highlights.title.some(([start, end]) => start <= word.start && word.start < end)).toBe(true);
      }),
    );
  });
});
