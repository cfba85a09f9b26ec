import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idForUrl } from '@/src/catalogue/ids';
import { escapeHtml } from '@/src/queue/formats/parsed';
import { acceptedUrl, normaliseUrl } from '@/src/queue/page-url';
import { parseUserSource, userSourceIdFor, type ParsedUserSource } from '@/src/user-sources';
import { fuzz, lineText } from '../support/fuzz';

/** Web links as a list writes them, including Wikipedia's parentheses; kept only if they are their own normal form. */
const WEB_URL = fc
  .oneof(
    fc.webUrl({ withQueryParameters: true }),
    fc.tuple(fc.webUrl(), fc.stringMatching(/^[A-Za-z_]{1,10}$/)).map(([url, word]) => `${url.replace(/[?#].*$/, '').replace(/\/?$/, '/')}Topic_(${word})`),
  )
  .filter((url) => !/[\s()]/.test(url.replace(/Topic_\([A-Za-z_]+\)$/, '')))
  .filter((url) => acceptedUrl(url).ok && (acceptedUrl(url) as { url: string }).url === url);

/** Backslash-escapes what Markdown would read as syntax, as a careful author (or Docent's own export) does. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()<>#+!|~-]/g, '\\$&');

/** Text as a reader sees it: one line, single spaces, no blank ends; any characters, Markdown's own included. */
const PLAIN = (maxLength: number) =>
  lineText({ minLength: 1, maxLength })
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');

const SECTION_NAME = PLAIN(20);
const LINK = fc.record({
  title: PLAIN(40),
  url: WEB_URL,
  description: fc.option(PLAIN(40), { nil: null }),
  bullet: fc.constantFrom('* ', '- ', '+ ', '1. ', '  * '),
  bold: fc.boolean(),
  /** Emphasis around the description: its marks go, its text stays. */
  emphasis: fc.constantFrom('', '*', '**', '_'),
});
const SECTIONS = fc.array(fc.record({ name: SECTION_NAME, links: fc.array(LINK, { maxLength: 4 }) }), { minLength: 1, maxLength: 4 });

/** Distinct pages only: a link repeated in a file is rejected as a repeat, which another property covers. */
const distinctLinks = (sections: readonly { links: readonly { url: string }[] }[]) => {
  const urls = sections.flatMap((section) => section.links.map((link) => normaliseUrl(link.url)));
  return urls.length > 0 && new Set(urls).size === urls.length;
};

function parsedOk(fileName: string, text: string): ParsedUserSource {
  const result = parseUserSource(fileName, text);
  if (!result.ok) throw new Error(`expected a parsed source, got: ${result.error}`);
  return result;
}

describe('parseUserSource (property-based)', () => {
  it('an awesome-list Markdown file gives one read per link, with its title, section and description as written', () => {
    fuzz(
      fc.property(fc.option(PLAIN(30), { nil: null }), SECTIONS.filter(distinctLinks), (listTitle, sections) => {
        const lines = listTitle === null ? [] : [`# ${escapeMarkdown(listTitle)}`, '', '> A list.', ''];
        for (const section of sections) {
          lines.push(`## ${escapeMarkdown(section.name)}`, '');
          for (const link of section.links) {
            const anchor = `[${escapeMarkdown(link.title)}](${link.url})`;
            const description = link.description === null ? '' : ` - ${link.emphasis}${escapeMarkdown(link.description)}${link.emphasis}`;
            lines.push(`${link.bullet}${link.bold ? `**${anchor}**` : anchor}${description}`);
          }
        }
        const parsed = parsedOk('my-list.md', lines.join('\n'));
        expect(parsed.name).toBe(listTitle ?? 'my-list');
        expect(parsed.rejected).toEqual([]);
        expect(parsed.reads.map((read) => ({ id: read.id, title: read.title, url: read.url, section: read.section, summary: read.summary }))).toEqual(
          sections.flatMap((section) =>
            section.links.map((link) => ({ id: idForUrl(link.url), title: link.title, url: link.url, section: section.name, summary: link.description })),
          ),
        );
        for (const read of parsed.reads) expect(read).toMatchObject({ origin: 'user', userSourceId: userSourceIdFor('my-list.md') });
      }),
    );
  });

  it('a bookmarks file gives one read per bookmark, titled as shown, under its folder', () => {
    fuzz(
      fc.property(SECTIONS.filter(distinctLinks), (folders) => {
        const lines = ['<!DOCTYPE NETSCAPE-Bookmark-file-1>', '<TITLE>Bookmarks</TITLE>', '<DL><p>', '<DT><H3>Bookmarks bar</H3>', '<DL><p>'];
        for (const folder of folders) {
          lines.push(`<DT><H3 ADD_DATE="1700000000">${escapeHtml(folder.name)}</H3>`, '<DL><p>');
          for (const link of folder.links) {
            lines.push(`<DT><A HREF="${escapeHtml(link.url)}" ADD_DATE="1700000001">${escapeHtml(link.title)}</A>`);
            if (link.description !== null) lines.push(`<DD>${escapeHtml(link.description)}`);
          }
          lines.push('</DL><p>');
        }
        lines.push('</DL><p>', '</DL><p>');
        const parsed = parsedOk('bookmarks.html', lines.join('\n'));
        expect(parsed.reads.map((read) => ({ title: read.title, url: read.url, section: read.section, summary: read.summary }))).toEqual(
          folders.flatMap((folder) => folder.links.map((link) => ({ title: link.title, url: link.url, section: folder.name, summary: link.description }))),
        );
      }),
    );
  });

  it('never throws on random text, Markdown-ish or HTML-ish; reads have web links and titles, rejections a reason', () => {
    const markdownish = fc.array(
      fc.oneof(
        lineText({ maxLength: 20 }),
        fc.constantFrom('## ', '### ', '# ', '- ', '* ', '1. ', '[', '](', ')', '**', '```', '\n', 'https://', 'javascript:', '#', '\\', '_', '`'),
      ),
      { maxLength: 40 },
    );
    const htmlish = fc.array(
      fc.oneof(lineText({ maxLength: 20 }), fc.constantFrom('<DL><p>', '</DL>', '<DT><H3>', '</H3>', '<A HREF="', '">', '</A>', '<DD>', '&amp;', '<', '>', '"', 'https://a.b/')),
      { maxLength: 40 },
    );
    fuzz(
      fc.property(
        fc.constantFrom('list.md', 'bookmarks.html', 'file', '.md', ''),
        fc.oneof(fc.string(), markdownish.map((parts) => parts.join('')), htmlish.map((parts) => `<!DOCTYPE NETSCAPE-Bookmark-file-1>${parts.join('')}`)),
        (fileName, text) => {
          const result = parseUserSource(fileName, text);
          if (!result.ok) return void expect(result.error).toMatch(/\S/);
          expect(result.reads.length).toBeGreaterThan(0);
          for (const read of result.reads) {
            expect(new URL(read.url!).protocol).toMatch(/^https?:$/);
            expect(read.title).toMatch(/\S/);
          }
          expect(new Set(result.reads.map((read) => normaliseUrl(read.url!))).size).toBe(result.reads.length);
          for (const rejection of result.rejected) expect(rejection.reason).toMatch(/\S/);
        },
      ),
      { scale: 4 },
    );
  });
});
