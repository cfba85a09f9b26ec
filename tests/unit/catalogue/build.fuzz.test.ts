import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAwesomeList } from '@/src/catalogue/awesome';
import { buildCatalogue, type CatalogueBuild } from '@/src/catalogue/build';
import { normaliseTag } from '@/src/catalogue/tags';
import { fuzz, lineText } from '../support/fuzz';
import { awesomeSource, listingSources } from './real-sources';

const STATS_LINE = /^\d+ likes · \d+ min read$/;

/** A real listing page as header lines plus one block of lines per entry, with where its title, summary and tag line are. */
const PAGES = listingSources().map((source) => {
  const lines = source.text.split('\n');
  const statsLines = lines.flatMap((line, index) => (STATS_LINE.test(line) ? [index] : []));
  const starts = [3, ...statsLines.slice(0, -1).map((index) => index + 2)];
  const blocks = statsLines.map((stats, entry) => {
    const block = lines.slice(starts[entry], stats + 2);
    const statsAt = block.length - 2;
    return { block, fields: { title: statsAt - 5, summary: statsAt - 3, tags: statsAt - 1 } };
  });
  return { header: lines.slice(0, 3), blocks };
});
const AWESOME_LINKS = parseAwesomeList(awesomeSource().text);

/** Text spliced into a field: anything on one line, minus what would end a Markdown link title. */
const INSERTION = lineText({ minLength: 1, maxLength: 12 }).map((text) => text.replace(/[[\]]/g, ''));
const FIELD_EDIT = fc.record({ field: fc.constantFrom('title', 'summary', 'tags'), at: fc.nat(), insertion: INSERTION });

const splice = (text: string, at: number, insertion: string) => {
  const offset = at % (text.length + 1);
  return text.slice(0, offset) + insertion + text.slice(offset);
};

const SOURCES = fc.record({
  page: fc.nat(PAGES.length - 1),
  entries: fc.array(fc.tuple(fc.nat(), fc.array(FIELD_EDIT, { maxLength: 2 })), { minLength: 1, maxLength: 12 }),
  links: fc.array(fc.tuple(fc.nat(AWESOME_LINKS.length - 1), fc.constantFrom('Principles', 'Scalability', 'Books'), fc.option(INSERTION)), {
    maxLength: 12,
  }),
});
type Sources = typeof SOURCES extends fc.Arbitrary<infer T> ? T : never;

/** A listing page of real entries with some fields edited, and a flattened awesome list of real links with some titles edited. */
function sourceFiles({ page: pageIndex, entries, links }: Sources) {
  const page = PAGES[pageIndex]!;
  const lines = [...page.header];
  for (const [pick, edits] of entries) {
    const { block, fields } = page.blocks[pick % page.blocks.length]!;
    const edited = [...block];
    for (const edit of edits) edited[fields[edit.field]] = splice(edited[fields[edit.field]]!, edit.at, edit.insertion);
    lines.push(...edited);
  }
  const bySection = (name: string) =>
    links
      .filter(([, section]) => section === name)
      .map(([pick, , insertion]) => {
        const link = AWESOME_LINKS[pick]!;
        return `* [${insertion ? splice(link.title, pick, insertion) : link.title}](${link.url})`;
      })
      .join(' ');
  const awesome = ['Principles', 'Scalability', 'Books'].map((name) => `## ${name} ${bySection(name)}`).join(' ');
  return [
    { name: 'listing.txt', text: lines.join('\n') },
    { name: 'awesome.md', text: `# Awesome ${awesome} ## License done` },
  ];
}

function expectWellFormed(build: CatalogueBuild): void {
  const { reads, sourceCounts, dropped } = build;
  expect(dropped).toEqual([]);
  expect(reads.filter((read) => read.origin === 'listing')).toHaveLength(sourceCounts.listingTitles);
  expect(reads.filter((read) => read.origin === 'awesome-scalability')).toHaveLength(sourceCounts.awesomeUrls);
  expect(new Set(reads.map((read) => read.id)).size).toBe(reads.length);
  for (const read of reads) {
    expect(read.id).toMatch(/^[tu][0-9a-z]{1,13}$/);
    expect(read.title).not.toBe('');
    expect(read.title).toBe(read.title.trim());
    if (read.origin === 'listing') {
      expect(read.url).toBeNull();
    } else {
      expect(URL.canParse(read.url!)).toBe(true);
      expect(new URL(read.url!).protocol).toMatch(/^https?:$/);
      expect(read.source).not.toBe('');
    }
    for (const tag of read.tags) {
      expect(tag).not.toBe('');
      expect(tag).toBe(tag.trim());
    }
    expect(new Set(read.tags.map(normaliseTag)).size).toBe(read.tags.length);
    if (read.published !== null) expect(read.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

describe('buildCatalogue (property-based)', () => {
  it('real entries with edited titles, summaries and tag lines build well-formed reads and drop none', () => {
    fuzz(
      fc.property(SOURCES, (sources) => {
        let build: CatalogueBuild;
        try {
          build = buildCatalogue(sourceFiles(sources));
        } catch (error) {
          // The one refusal an edit can cause: a tag line grown past what the splitter accepts.
          expect((error as Error).message).toMatch(/^Tag line too long to split/);
          return;
        }
        expectWellFormed(build);
      }),
      { scale: 0.2 },
    );
  });
});
