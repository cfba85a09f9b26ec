import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalOf, canonicalTerms, findConcepts, normaliseTerm, variantsOf } from '@/src/vocabulary';
import { AWKWARD_CHARS, fuzz, lineText } from '../support/fuzz';

const CANONICALS = canonicalTerms();
const FORMS = CANONICALS.flatMap((canonical) => variantsOf(canonical).map((form) => ({ canonical, form })));

/** Punctuation, spaces, marks and emoji: phrases match across them, as across a line break in a page. */
const NON_WORD = fc
  .array(fc.constantFrom(' ', '.', ', ', '; ', '(', ')', '—', '/', '🚀', '\u200f', '\u200d', '\u00a0', '\t', '"', '…'), { maxLength: 4 })
  .map((parts) => ` ${parts.join('')} `);
/** Words in no concept: between two forms, one stops them from reading as one longer phrase ("redis" "cluster management"). */
const FILLER_WORDS = ['lorem', 'zqxv', 'ipsum'];
const GAP = fc.tuple(NON_WORD, fc.constantFrom(...FILLER_WORDS), NON_WORD).map((parts) => parts.join(''));

/** Writes a form the way pages do: any case, and its spaces as hyphens or odd spaces. */
const WRITTEN_FORM = fc
  .tuple(fc.constantFrom(...FORMS), fc.constantFrom('lower', 'upper', 'title'), fc.constantFrom(' ', '-', '\u00a0'))
  .map(([{ canonical, form }, casing, space]) => {
    const spaced = form.replace(/ /g, space);
    const written = casing === 'upper' ? spaced.toUpperCase() : casing === 'title' ? spaced.replace(/(^|[\s-])(\p{Ll})/gu, (_, before, letter: string) => before + letter.toUpperCase()) : spaced;
    return { canonical, written };
  });

describe('findConcepts (property-based)', () => {
  it('has filler words that are in no concept', () => {
    expect(findConcepts(FILLER_WORDS.join(' '))).toEqual([]);
  });

  it('finds every concept form written between non-words, once per occurrence, however it is cased or joined', () => {
    fuzz(
      fc.property(fc.array(fc.tuple(GAP, WRITTEN_FORM), { minLength: 1, maxLength: 5 }), GAP, (pieces, end) => {
        const text = pieces.map(([gap, { written }]) => gap + written).join('') + end;
        const expected = new Map<string, number>();
        for (const [, { canonical }] of pieces) expected.set(canonical, (expected.get(canonical) ?? 0) + 1);
        const found = findConcepts(text);
        expect(new Map(found.map((match) => [match.canonical, match.count]))).toEqual(expected);
      }),
    );
  });

  it('on any text: known concepts, counts that fit the words, most frequent first, and a surface that is the concept as written', () => {
    const TEXT = fc.array(fc.oneof(lineText({ maxLength: 12 }), WRITTEN_FORM.map(({ written }) => written), fc.constantFrom(...AWKWARD_CHARS)), { maxLength: 12 });
    fuzz(
      fc.property(TEXT, (parts) => {
        const text = parts.join(' ');
        const found = findConcepts(text);
        const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
        expect(found.reduce((sum, match) => sum + match.count, 0)).toBeLessThanOrEqual(words);
        found.forEach((match, index) => {
          expect(CANONICALS).toContain(match.canonical);
          expect(match.count).toBeGreaterThan(0);
          if (index > 0) expect(match.count).toBeLessThanOrEqual(found[index - 1]!.count);
          expect(canonicalOf(match.surface), `surface ${JSON.stringify(match.surface)} of ${match.canonical}`).toBe(match.canonical);
        });
      }),
      { scale: 2 },
    );
  });
});

describe('normaliseTerm (property-based)', () => {
  it('is idempotent and yields lowercase words joined by single spaces', () => {
    fuzz(
      fc.property(lineText({ maxLength: 30 }), (text) => {
        const once = normaliseTerm(text);
        expect(normaliseTerm(once)).toBe(once);
        expect(once).toBe(once.toLowerCase());
        expect(once).not.toMatch(/^ | $| {2}/);
      }),
      { scale: 2 },
    );
  });
});
