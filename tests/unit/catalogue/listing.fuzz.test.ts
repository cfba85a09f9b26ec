import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listingTitlesByStatsLine, parseListingPage, type ListingEntry } from '@/src/catalogue/listing';
import { fuzz, lineText } from '../support/fuzz';
import { listingSources } from './real-sources';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A line as the parser reads it back: trimmed, and (for the title) not empty. */
const trimmedLine = (minLength: number) =>
  lineText({ minLength, maxLength: 60 })
    .map((text) => text.trim())
    .filter((text) => text.length >= minLength);

const GENERATED_ENTRY = fc.record({
  title: trimmedLine(1),
  summary: trimmedLine(0),
  tagLine: trimmedLine(0),
  dated: fc.option(
    fc.record({
      publisher: fc.option(trimmedLine(1), { nil: null }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      year: fc.integer({ min: 1990, max: 2099 }),
      category: trimmedLine(1),
    }),
    { nil: null },
  ),
  likes: fc.nat(99_999),
  readMinutes: fc.nat(999),
});
type GeneratedEntry = typeof GENERATED_ENTRY extends fc.Arbitrary<infer T> ? T : never;

/**
 * A page in the documented layout: a three-line header, then per entry
 * [Publisher, Publisher,] [Mon D, YYYY · Category,] "", Title, "", Summary, "", Tags, stats, Title again.
 * Returns the page and the entries the parser must find in it.
 */
function listingPage(entries: readonly GeneratedEntry[], lineBreak: string): { text: string; expected: ListingEntry[] } {
  const lines = ['Tagged articles', `${entries.length} articles`, 'Page 1 of 1'];
  const expected: ListingEntry[] = [];
  for (const entry of entries) {
    if (entry.dated?.publisher) lines.push(entry.dated.publisher, entry.dated.publisher);
    if (entry.dated) lines.push(`${MONTHS[entry.dated.month - 1]} ${entry.dated.day}, ${entry.dated.year} · ${entry.dated.category}`);
    lines.push('', entry.title, '', entry.summary, '', entry.tagLine, `${entry.likes} likes · ${entry.readMinutes} min read`);
    expected.push({
      title: entry.title,
      summary: entry.summary,
      tagLine: entry.tagLine,
      publisher: entry.dated?.publisher ?? null,
      published: entry.dated
        ? `${entry.dated.year}-${String(entry.dated.month).padStart(2, '0')}-${String(entry.dated.day).padStart(2, '0')}`
        : null,
      category: entry.dated?.category ?? null,
      readMinutes: entry.readMinutes,
      line: lines.length,
    });
    lines.push(entry.title);
  }
  return { text: lines.join(lineBreak), expected };
}

/** A real page cut into its header and one block of lines per entry (from the line after the previous entry to its own repeated title). */
function entryBlocks(text: string): { header: string[]; blocks: string[][] } {
  const lines = text.split('\n');
  const statsLines = lines.flatMap((line, index) => (/^\d+ likes · \d+ min read$/.test(line) ? [index] : []));
  const starts = [3, ...statsLines.slice(0, -1).map((index) => index + 2)];
  return {
    header: lines.slice(0, 3),
    blocks: statsLines.map((stats, entry) => lines.slice(starts[entry], stats + 2)),
  };
}

const PAGES = listingSources().map((source) => ({ name: source.name, ...entryBlocks(source.text) }));
const withoutLine = ({ line: _line, ...entry }: ListingEntry) => entry;

const JUNK_LINE = fc.oneof(
  lineText({ maxLength: 80 }),
  fc.constantFrom('', ' ', '0 likes · 3 min read', '12 likes · 0 min read', 'Jan 1, 2020 · Backend', 'Foo 31, 2020 · X', '\r', 'Tagged articles'),
);

/** One edit of a page's lines: delete, duplicate or replace a run of lines, or insert junk. */
const LINE_EDIT = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'replace', 'insert'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 12 }),
  junk: JUNK_LINE,
});

describe('parseListingPage (property-based)', () => {
  it('finds exactly the entries of a generated page in the documented layout', () => {
    fuzz(
      fc.property(fc.array(GENERATED_ENTRY, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (entries, lineBreak) => {
        const { text, expected } = listingPage(entries, lineBreak);
        expect(parseListingPage(text)).toEqual(expected);
        expect(listingTitlesByStatsLine(text)).toEqual(expected.map((entry) => entry.title));
      }),
    );
  });

  it('real pages with entries dropped, repeated and shuffled yield exactly those entries', () => {
    const original = PAGES.map((page) => parseListingPage([...page.header, ...page.blocks.flat()].join('\n')).map(withoutLine));
    fuzz(
      fc.property(
        fc.nat(PAGES.length - 1).chain((pageIndex) =>
          fc.tuple(fc.constant(pageIndex), fc.array(fc.nat(PAGES[pageIndex]!.blocks.length - 1), { maxLength: 40 })),
        ),
        ([pageIndex, picks]) => {
          const page = PAGES[pageIndex]!;
          const text = [...page.header, ...picks.flatMap((pick) => page.blocks[pick]!)].join('\n');
          expect(parseListingPage(text).map(withoutLine)).toEqual(picks.map((pick) => original[pageIndex]![pick]));
        },
      ),
    );
  });

  it('mutated real pages either fail with the layout error at a broken entry or yield well-formed entries, one per stats line', () => {
    fuzz(
      fc.property(fc.nat(PAGES.length - 1), fc.array(LINE_EDIT, { minLength: 1, maxLength: 6 }), (pageIndex, edits) => {
        const page = PAGES[pageIndex]!;
        const lines = [...page.header, ...page.blocks.flat()];
        for (const edit of edits) {
          const at = edit.at % (lines.length + 1);
          if (edit.kind === 'delete') lines.splice(at, edit.length);
          else if (edit.kind === 'duplicate') lines.splice(at, 0, ...lines.slice(at, at + edit.length));
          else if (edit.kind === 'replace') lines.splice(at, 1, edit.junk);
          else lines.splice(at, 0, edit.junk);
        }
        const text = lines.join('\n');
        let entries: ListingEntry[];
        try {
          entries = parseListingPage(text, 'page.txt');
        } catch (error) {
          const match = /^page\.txt:(\d+): entry does not have the expected title\/summary\/tags layout$/.exec((error as Error).message);
          expect(match, String(error)).not.toBeNull();
          // The line named is a stats line whose entry really is broken.
          const stats = Number(match![1]) - 1;
          const at = (offset: number) => (lines[stats - offset] ?? '').replace(/\r$/, '');
          expect(lines[stats]).toMatch(/^\d+ likes · \d+ min read\r?$/);
          expect(at(5).trim() === '' || at(4) !== '' || at(2) !== '').toBe(true);
          return;
        }
        expect(entries.map((entry) => entry.title)).toEqual(listingTitlesByStatsLine(text));
        for (const entry of entries) {
          expect(entry.title).not.toBe('');
          for (const field of [entry.title, entry.summary, entry.tagLine, entry.publisher ?? '', entry.category ?? '']) {
            expect(field).toBe(field.trim());
            expect(field).not.toMatch(/\n/);
          }
          expect(Number.isInteger(entry.readMinutes) && entry.readMinutes >= 0).toBe(true);
          if (entry.published !== null) expect(entry.published).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
          expect(lines[entry.line - 1]).toMatch(/^\d+ likes · \d+ min read\r?$/);
        }
      }),
    );
  });
});
