import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseTag, splitCorpusTags, splitRunTogetherTags, wordsOf } from '@/src/catalogue/tags';
import type { Read } from '@/src/catalogue/types';
import { fuzz, lineText } from '../support/fuzz';

const catalogue = JSON.parse(readFileSync(new URL('../../../assets/catalogue.json', import.meta.url), 'utf8')) as Read[];
/** Every tag of the bundled listing reads, as written ("Apache Pulsar", "push-pull", "WeChat"). */
const CORPUS_TAGS = [...new Set(catalogue.filter((read) => read.origin === 'listing').flatMap((read) => read.tags))].sort();
const KNOWN = new Set(CORPUS_TAGS.map(normaliseTag));
/** The corpus's words, as splitCorpusTags passes them: product names written with a hump ("WeChat") are words. */
const WORDS = new Set(CORPUS_TAGS.flatMap(wordsOf).filter((word) => word.length > 1));

/** Every way to cut `line` into at most three pieces that are all known tags in strictly increasing order. */
function knownSplits(line: string): string[][] {
  const splits: string[][] = [];
  const extend = (start: number, pieces: string[]) => {
    if (start === line.length) return void splits.push(pieces);
    if (pieces.length === 3) return;
    for (let end = start + 1; end <= line.length; end++) {
      const piece = line.slice(start, end);
      if (KNOWN.has(normaliseTag(piece)) && (pieces.length === 0 || pieces.at(-1)! < piece)) extend(end, [...pieces, piece]);
    }
  };
  extend(0, []);
  return splits;
}

/** Tags are only cut where a piece could stand alone: no space at either end, no leading joiner. */
const isWellFormedPiece = (piece: string) => piece !== '' && piece === piece.replace(/^\s+|\s+$/g, '') && !/^[-/&.]/.test(piece);

describe('splitRunTogetherTags (property-based)', () => {
  it('splits the run-together line of 1–3 known tags, sorted as the listing sorts them, back into those tags', () => {
    fuzz(
      fc.property(fc.uniqueArray(fc.constantFrom(...CORPUS_TAGS), { minLength: 1, maxLength: 3 }), (picked) => {
        const tags = [...picked].sort();
        const line = tags.join('');
        // Only lines the known tags spell one way are decidable: "CacheConsistency" could not also be "Cache"+"Con"+"sistency" here.
        fc.pre(knownSplits(line).length === 1);
        expect(splitRunTogetherTags(line, KNOWN, { words: WORDS })).toEqual(tags);
      }),
      { scale: 2 },
    );
  });

  it('any text: at most three well-formed pieces in increasing order that rebuild the trimmed line', () => {
    fuzz(
      fc.property(lineText({ maxLength: 40 }), fc.subarray(CORPUS_TAGS.slice(0, 40)), (text, known) => {
        const line = text.trim();
        const pieces = splitRunTogetherTags(text, new Set(known.map(normaliseTag)), { context: text, words: WORDS });
        expect(pieces.join('')).toBe(line);
        expect(pieces.length).toBeLessThanOrEqual(3);
        if (pieces.length > 1) {
          for (const piece of pieces) expect(isWellFormedPiece(piece), piece).toBe(true);
          for (let i = 1; i < pieces.length; i++) expect(pieces[i - 1]! < pieces[i]!).toBe(true);
        }
      }),
    );
  });

  it('refuses lines over 200 characters with its own error, whatever they hold', () => {
    fuzz(
      fc.property(lineText({ minLength: 201, maxLength: 260 }).filter((text) => text.trim().length > 200), (text) => {
        expect(() => splitRunTogetherTags(text, KNOWN)).toThrow(/^Tag line too long to split \(\d+ chars\)/);
      }),
      { scale: 0.5 },
    );
  });

  it('a corpus of random tag lines splits line by line into pieces that rebuild each line', () => {
    const ENTRY = fc.record({
      line: fc.oneof(
        fc.uniqueArray(fc.constantFrom(...CORPUS_TAGS), { minLength: 1, maxLength: 3 }).map((tags) => tags.sort().join('')),
        lineText({ maxLength: 30 }),
      ),
      context: lineText({ maxLength: 60 }),
    });
    fuzz(
      fc.property(fc.array(ENTRY, { maxLength: 12 }), (entries) => {
        const splits = splitCorpusTags(entries);
        expect(splits).toHaveLength(entries.length);
        splits.forEach((pieces, index) => expect(pieces.join('')).toBe(entries[index]!.line.trim()));
      }),
      { scale: 0.5 },
    );
  });
});

describe('normaliseTag (property-based)', () => {
  it('is idempotent and leaves no case, odd dash, curly quote or run of spaces behind', () => {
    fuzz(
      fc.property(lineText({ maxLength: 40 }), (text) => {
        const once = normaliseTag(text);
        expect(normaliseTag(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s{2}|[\u2010-\u2015\u2212\u2018\u2019\u201b\u201c\u201d]/);
      }),
      { scale: 2 },
    );
  });
});
