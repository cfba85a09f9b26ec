import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIRST_CONTENT_SECTION, LAST_CONTENT_SECTION, awesomeUrlsByPlainScan, parseAwesomeList, type AwesomeLink } from '@/src/catalogue/awesome';
import { fuzz, lineText } from '../support/fuzz';
import { awesomeSource } from './real-sources';

/** A heading name as the README writes them: words of letters, digits, "&" and "-". */
const SECTION_NAME = fc
  .array(fc.stringMatching(/^[A-Z][A-Za-z0-9&-]{0,11}$/), { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '))
  .filter((name) => name !== FIRST_CONTENT_SECTION && name !== LAST_CONTENT_SECTION);

/** A link title as the README can hold it: one line, no "]", no heading marks, not blank. */
const LINK_TITLE = lineText({ minLength: 1, maxLength: 60 })
  .map((title) => title.replace(/\]/g, ')').replace(/#{2,}/g, '#').trim())
  .filter((title) => title !== '');

/** Web addresses, some with balanced parentheses as Wikipedia writes them ("Raft_(algorithm)"). */
const PLAIN_URL = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((url) => !/[()\s]/.test(url));
const ARTICLE_URL = fc.oneof(
  PLAIN_URL,
  fc.tuple(PLAIN_URL, fc.stringMatching(/^[A-Za-z_]{1,12}$/)).map(([url, word]) => `${url}${url.includes('?') || url.includes('#') ? '' : '/'}Topic_(${word})`),
);

const GENERATED_SECTION = fc.record({
  name: SECTION_NAME,
  links: fc.array(fc.record({ title: LINK_TITLE, url: ARTICLE_URL }), { maxLength: 6 }),
});

const sectionText = (name: string, links: readonly { title: string; url: string }[]) =>
  `## ${name} ${links.map((link) => `* [${link.title}](${link.url})`).join(' ')}`;

/** A flattened README: intro, contents, the content sections Principles … Books, thanks and license. */
function readme(sections: readonly { name: string; links: { title: string; url: string }[] }[]): string {
  const contents = sections.map((section) => `- [${section.name}](#${section.name.toLowerCase().replace(/\s+/g, '-')})`).join(' ');
  return [
    '# Awesome Things An intro with a [shared link](https://share.example/x) and a badge [![b](https://img.example/b.svg)](https://badge.example/)',
    `## Contents ${contents}`,
    ...sections.map((section) => sectionText(section.name, section.links)),
    '## Special Thanks * Someone, for the [inspiration](https://thanks.example/)',
    '## License [![CC-BY](https://img.example/by.svg)](https://creativecommons.org/licenses/by/4.0/) Thank you',
  ].join(' ');
}

const REAL = awesomeSource().text;

/** Pieces of README syntax, broken links and hostile text to splice into the real README. */
const JUNK = fc.oneof(
  lineText({ maxLength: 30 }),
  fc.constantFrom(
    '[', ']', '(', ')', '](', '* ', '## ', '#', '## Books', '## Principles', '## Extra Section',
    '[ ](https://blank.example/)', '[\u200b](https://zero-width.example/)', '![img](https://img.example/i.png)',
    '[x](http://)', '[x](https://)', '[t](javascript:alert(1))', '[t](#anchor)', '[a](https://a.example/(b)c)',
  ),
);

/** One edit of the flattened text: cut or duplicate a slice, or splice junk in. */
const TEXT_EDIT = fc.record({ kind: fc.constantFrom('cut', 'duplicate', 'insert'), at: fc.nat(), length: fc.nat(400), junk: JUNK });

function edited(text: string, edits: readonly { kind: string; at: number; length: number; junk: string }[]): string {
  let result = text;
  for (const edit of edits) {
    const at = edit.at % (result.length + 1);
    if (edit.kind === 'cut') result = result.slice(0, at) + result.slice(at + edit.length);
    else if (edit.kind === 'duplicate') result = result.slice(0, at + edit.length) + result.slice(at);
    else result = `${result.slice(0, at)} ${edit.junk} ${result.slice(at)}`;
  }
  return result;
}

describe('parseAwesomeList (property-based)', () => {
  it('finds exactly the links of the content sections of a generated README, each under its section', () => {
    fuzz(
      fc.property(
        fc.array(GENERATED_SECTION, { maxLength: 4 }),
        fc.array(fc.record({ title: LINK_TITLE, url: ARTICLE_URL }), { maxLength: 4 }),
        fc.array(fc.record({ title: LINK_TITLE, url: ARTICLE_URL }), { maxLength: 4 }),
        (middle, principles, books) => {
          const content = [{ name: FIRST_CONTENT_SECTION, links: principles }, ...middle, { name: LAST_CONTENT_SECTION, links: books }];
          const text = readme(content);
          const expected: AwesomeLink[] = content.flatMap((section) => section.links.map((link) => ({ ...link, section: section.name })));
          expect(parseAwesomeList(text)).toEqual(expected);
          expect(awesomeUrlsByPlainScan(text)).toEqual(expected.map((link) => link.url));
        },
      ),
    );
  });

  it('mutated real README: fails only for missing content sections, else every link is a well-formed article link', () => {
    fuzz(
      fc.property(fc.array(TEXT_EDIT, { minLength: 1, maxLength: 5 }), (edits) => {
        const text = edited(REAL, edits);
        let links: AwesomeLink[];
        try {
          links = parseAwesomeList(text, 'readme.md');
        } catch (error) {
          expect((error as Error).message).toMatch(/^readme\.md: expected content sections "Principles" … "Books", found: /);
          return;
        }
        for (const link of links) {
          expect(link.title).not.toBe('');
          expect(link.title).toBe(link.title.trim());
          expect(link.url).toMatch(/^https?:\/\/\S+$/);
          expect(link.section).toMatch(/^[^#*[\]\s](?:[^#*[\]]*[^#*[\]\s])?$/);
        }
      }),
      { scale: 0.25 },
    );
  });
});
