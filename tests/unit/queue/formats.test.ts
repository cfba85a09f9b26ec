import { describe, expect, it } from 'vitest';
import { exportJson, parseJsonExport } from '@/src/queue/formats/json';
import { exportMarkdown, parseMarkdown } from '@/src/queue/formats/markdown';
import { exportBookmarksHtml, parseBookmarksHtml } from '@/src/queue/formats/bookmarks-html';
import { parseCsv, parsePocketCsv } from '@/src/queue/formats/pocket-csv';
import { exportQueue } from '@/src/queue/export';
import type { ImportEntry } from '@/src/queue/formats/parsed';
import { makeItem } from './fixtures';

const NOW = Date.UTC(2026, 10, 25, 12);

const queue = [
  makeItem('kafka-log', { title: 'The Log: what every engineer should know', position: 0, note: 'Re-read the part on <compaction> & "tables"' }),
  makeItem('page:0123456789abcdef', {
    readId: null,
    title: 'Weird [title] *with* markdown_chars & <html>',
    url: 'https://blog.example.org/a_(b)?q=1&r=2',
    source: 'blog.example.org',
    tags: ['raft, paxos', 'consensus'],
    readMinutes: null,
    position: -1,
  }),
  makeItem('ddia', { title: 'Designing data-intensive apps', url: null, state: 'read', readAt: Date.UTC(2026, 10, 20), position: 3 }),
];

const links = (entries: ImportEntry[]) => entries.map((entry) => (entry.kind === 'link' ? entry.link : null));

describe('JSON export', () => {
  it('writes the versioned schema and reads every item back unchanged', () => {
    const text = exportJson(queue, NOW);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'docent-queue', version: 1, exportedAt: '2026-11-25T12:00:00.000Z' });
    const parsed = parseJsonExport(text);
    expect(parsed.ok && parsed.rejected).toEqual([]);
    expect(parsed.ok && parsed.entries.map((entry) => entry.kind === 'item' && entry.item)).toEqual([queue[1], queue[0], queue[2]]);
  });

  it('rejects invalid items with a reason and keeps the valid ones', () => {
    const text = JSON.stringify({ format: 'docent-queue', version: 1, exportedAt: '', items: [queue[0], { ...queue[1], state: 'maybe' }, 42, queue[0]] });
    const parsed = parseJsonExport(text);
    expect(parsed.ok && parsed.entries).toHaveLength(1);
    expect(parsed.ok && parsed.rejected.map((rejection) => rejection.reason)).toEqual([
      '"state" must be "unread" or "read"',
      'not an object',
      'duplicate id kafka-log',
    ]);
  });

  it('gives clear messages for other JSON and newer versions', () => {
    expect(parseJsonExport('{"a":1}')).toEqual({ ok: false, error: expect.stringContaining('not a Docent queue export') });
    expect(parseJsonExport('{"format":"docent-queue","version":2,"items":[]}')).toEqual({ ok: false, error: expect.stringContaining('newer Docent') });
    expect(parseJsonExport('{"format":')).toEqual({ ok: false, error: expect.stringContaining('not valid JSON') });
  });
});

describe('Markdown export', () => {
  const text = exportMarkdown(queue, NOW);

  it('groups by state with links, source, tags, read date and notes', () => {
    expect(text).toBe(
      [
        '# Docent reading queue',
        '',
        'Exported 2026-11-25 · 3 saved',
        '',
        '## Unread (2)',
        '',
        '- [Weird \\[title\\] \\*with\\* markdown\\_chars & \\<html\\>](https://blog.example.org/a_%28b%29?q=1&r=2) — blog.example.org · #raft,-paxos #consensus',
        '- [The Log: what every engineer should know](https://example.com/kafka-log) — Example · 5 min · #kafka #consensus',
        '  > Re-read the part on \\<compaction\\> & "tables"',
        '',
        '## Read (1)',
        '',
        '- **Designing data-intensive apps** — Example · 5 min · #kafka #consensus · read 2026-11-20',
        '',
      ].join('\n'),
    );
  });

  it('reads its own export back: titles, links, state and notes', () => {
    const parsed = parseMarkdown(text);
    expect(parsed.ok && links(parsed.entries)).toEqual([
      expect.objectContaining({ title: queue[1].title, url: 'https://blog.example.org/a_%28b%29?q=1&r=2', state: 'unread' }),
      expect.objectContaining({ title: queue[0].title, url: 'https://example.com/kafka-log', note: queue[0].note }),
    ]);
  });

  // Both found by import.fuzz.test.ts.
  it('does not hand the note of a read without a link to the link above it', () => {
    const items = [makeItem('a', { position: 0 }), makeItem('b', { position: 1, url: null, note: 'about b' })];
    const parsed = parseMarkdown(exportMarkdown(items, NOW));
    expect(parsed.ok && links(parsed.entries)).toEqual([expect.objectContaining({ url: 'https://example.com/a', note: '' })]);
  });

  it('keeps note lines holding a lone CR or a Unicode line separator', () => {
    const note = 'first\rsame line\nsecond\u2028still second';
    const parsed = parseMarkdown(exportMarkdown([makeItem('a', { note })], NOW));
    expect(parsed.ok && links(parsed.entries)[0]?.note).toBe(note);
  });
});

describe('bookmarks HTML', () => {
  const html = exportBookmarksHtml(queue, NOW);

  it('is a Netscape bookmark file with a Docent folder, seconds, tags and escaped text', () => {
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n')).toBe(true);
    expect(html).toContain('<DT><H3 ADD_DATE="1795608000" LAST_MODIFIED="1795608000">Docent</H3>');
    expect(html).toContain(
      '<DT><A HREF="https://blog.example.org/a_(b)?q=1&amp;r=2" ADD_DATE="1700000000" LAST_MODIFIED="1700000000" TAGS="raft paxos,consensus">Weird [title] *with* markdown_chars &amp; &lt;html&gt;</A>',
    );
    expect(html).toContain('<DD>Re-read the part on &lt;compaction&gt; &amp; &quot;tables&quot;');
    expect(html).not.toContain('Designing data-intensive apps'); // no link, no bookmark
  });

  it('re-imports to the same links, titles, tags, dates and notes', () => {
    const parsed = parseBookmarksHtml(html);
    expect(parsed.ok && links(parsed.entries)).toEqual([
      { title: queue[1].title, url: queue[1].url, state: 'unread', addedAt: queue[1].addedAt, readAt: null, tags: ['raft paxos', 'consensus'], note: '' },
      { title: queue[0].title, url: queue[0].url, state: 'unread', addedAt: queue[0].addedAt, readAt: null, tags: queue[0].tags, note: queue[0].note },
    ]);
  });

  it('reads browser exports: nested folders, Read folders, lowercase tags, missing attributes', () => {
    const browserFile = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>
<DL><p>
  <DT><H3>Toolbar</H3>
  <DL><p>
    <dt><a href='https://a.example/x' add_date=1600000000>A &amp; B</a>
    <DD>multi<br>line
    <DT><H3>Read Archive</H3>
    <DL><p><DT><A HREF="https://b.example/">B</A></DL><p>
    <DT><A HREF="javascript:alert(1)">bad</A>
  </DL><p>
</DL>`;
    const parsed = parseBookmarksHtml(browserFile);
    expect(parsed.ok && links(parsed.entries)).toEqual([
      expect.objectContaining({ title: 'A & B', url: 'https://a.example/x', addedAt: 1_600_000_000_000, note: 'multi\nline', state: 'unread' }),
      expect.objectContaining({ title: 'B', url: 'https://b.example/', state: 'read' }),
      expect.objectContaining({ title: 'bad', url: 'javascript:alert(1)', state: 'unread' }),
    ]);
  });

  it('says so when a file has no bookmarks', () => {
    expect(parseBookmarksHtml('<html><body>hello</body></html>')).toEqual({ ok: false, error: expect.stringContaining('not a bookmarks file') });
  });
});

describe('Pocket CSV', () => {
  it('parses quoting, embedded commas, quotes and newlines', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\n\r\nx,y,,z\n')).toEqual([
      { fields: ['a', 'b,c', 'say "hi"', 'two\nlines'], line: 1 },
      { fields: ['x', 'y', '', 'z'], line: 4 },
    ]);
    expect(parseCsv('a,"never closed\n')).toBeNull();
  });

  it("reads Pocket's export: tags, status, time added", () => {
    const csv = [
      'title,url,time_added,tags,status',
      '"Scaling Kafka, part 1",https://eng.example.com/kafka,1700000000,kafka|scaling,unread',
      'Old read,https://example.com/old,1600000000,,archive',
      'Broken row,https://example.com/broken',
    ].join('\n');
    const parsed = parsePocketCsv(csv);
    expect(parsed.ok && links(parsed.entries)).toEqual([
      { title: 'Scaling Kafka, part 1', url: 'https://eng.example.com/kafka', addedAt: 1_700_000_000_000, tags: ['kafka', 'scaling'], state: 'unread', readAt: null, note: '' },
      { title: 'Old read', url: 'https://example.com/old', addedAt: 1_600_000_000_000, tags: [], state: 'read', readAt: null, note: '' },
    ]);
    expect(parsed.ok && parsed.rejected).toEqual([{ where: 'line 4', reason: 'expected 5 columns, found 2' }]);
  });

  it('finds columns by name and explains a missing url column', () => {
    const parsed = parsePocketCsv('url,title,cursor,status\nhttps://x.example/,X,9,archive\n');
    expect(parsed.ok && links(parsed.entries)).toEqual([expect.objectContaining({ title: 'X', url: 'https://x.example/', state: 'read' })]);
    expect(parsePocketCsv('name,link\na,b')).toEqual({ ok: false, error: expect.stringContaining('no "url" column') });
  });
});

describe('exportQueue', () => {
  it('names the file by date and format and picks the writer', () => {
    expect(exportQueue(queue, 'json', NOW)).toEqual({ filename: 'docent-queue-2026-11-25.json', mimeType: 'application/json;charset=utf-8', text: exportJson(queue, NOW) });
    expect(exportQueue(queue, 'markdown', NOW).filename).toBe('docent-queue-2026-11-25.md');
    expect(exportQueue(queue, 'bookmarks-html', NOW)).toMatchObject({ filename: 'docent-queue-2026-11-25.html', text: exportBookmarksHtml(queue, NOW) });
  });
});
