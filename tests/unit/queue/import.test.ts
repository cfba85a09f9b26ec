import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, applyImport, detectFormat, previewImport, type ImportPreview } from '@/src/queue/import';
import { exportJson } from '@/src/queue/formats/json';
import { exportMarkdown } from '@/src/queue/formats/markdown';
import { exportBookmarksHtml } from '@/src/queue/formats/bookmarks-html';
import { pageId } from '@/src/queue/page-url';
import { makeItem } from './fixtures';

const NOW = 1_800_000_000_000;
const existing = [
  makeItem('a', { position: 0, updatedAt: 1_000 }),
  makeItem('b', { position: 1, updatedAt: 5_000, state: 'read', readAt: 5_000 }),
];

function expectPreview(result: ReturnType<typeof previewImport>): ImportPreview {
  if (!result.ok) throw new Error(`expected a preview, got: ${result.error}`);
  return result;
}

describe('detectFormat', () => {
  it.each([
    ['queue.json', '{"format":"docent-queue"}', 'json'],
    ['export.txt', '{ "format": "docent-queue", "version": 1 }', 'json'],
    ['bookmarks.html', '<html>', 'bookmarks-html'],
    ['whatever', '\uFEFF<!DOCTYPE NETSCAPE-Bookmark-file-1>', 'bookmarks-html'],
    ['ril_export.csv', 'x', 'pocket-csv'],
    ['noname', 'title,url,time_added\n', 'pocket-csv'],
    ['list.md', '', 'markdown'],
    ['noname', '- [x](https://x.example)', 'markdown'],
    ['photo.png', '\u0089PNG', null],
  ])('%s → %s', (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
  });
});

describe('previewImport', () => {
  it('splits a Pocket file into new, already there and rejected with reasons', () => {
    const csv = [
      'title,url,time_added,tags,status',
      'Already,https://example.com/a/,1600000000,,unread',
      'New one,https://new.example/post,1600000000,x|y,archive',
      'Script,javascript:alert(document.cookie),1,,unread',
      'Data,"data:text/html,<script>alert(1)</script>",1,,unread',
      'Local,file:///etc/passwd,1,,unread',
      'Again,https://NEW.example/post#top,1,,unread',
    ].join('\n');
    const preview = expectPreview(previewImport(existing, csv, 'pocket.csv', NOW));
    expect(preview.format).toBe('pocket-csv');
    expect(preview.alreadyThere.map((item) => item.id)).toEqual(['a']);
    expect(preview.toAdd).toEqual([
      expect.objectContaining({
        id: pageId('https://new.example/post'),
        title: 'New one',
        state: 'read',
        readAt: 1_600_000_000_000,
        addedAt: 1_600_000_000_000,
        tags: ['x', 'y'],
        position: 2,
        updatedAt: NOW,
      }),
    ]);
    expect(preview.toUpdate).toEqual([]);
    expect(preview.rejected).toEqual([
      { where: 'line 4', reason: 'only http: and https: links are accepted, not javascript:' },
      { where: 'line 5', reason: 'only http: and https: links are accepted, not data:' },
      { where: 'line 6', reason: 'only http: and https: links are accepted, not file:' },
      { where: 'line 7', reason: 'same link as line 3' },
    ]);
  });

  it('updates from JSON only when the file holds a newer version', () => {
    const file = exportJson(
      [
        { ...existing[0], state: 'read', readAt: 2_000, updatedAt: 2_000 }, // newer: update
        { ...existing[1], state: 'unread', readAt: null, updatedAt: 4_000 }, // older: keep ours
      ],
      NOW,
    );
    const preview = expectPreview(previewImport(existing, file, 'queue.json', NOW));
    expect(preview.toUpdate).toEqual([{ ...existing[0], state: 'read', readAt: 2_000, updatedAt: 2_000 }]);
    expect(preview.alreadyThere).toEqual([existing[1]]);
    const { queue } = applyImport(existing, preview);
    expect(queue.find((item) => item.id === 'b')).toEqual(existing[1]);
    expect(queue.find((item) => item.id === 'a')?.state).toBe('read');
  });

  it('re-checks at apply time, so an edit made after the preview is not overwritten', () => {
    const file = exportJson([{ ...existing[0], note: 'from file', updatedAt: 2_000 }], NOW);
    const preview = expectPreview(previewImport(existing, file, 'queue.json', NOW));
    const editedMeanwhile = [{ ...existing[0], note: 'typed just now', updatedAt: 3_000 }, existing[1]];
    expect(applyImport(editedMeanwhile, preview).changed).toEqual([]);
  });

  it('refuses files over 20 MB and malformed files with a message', () => {
    const huge = 'x'.repeat(MAX_IMPORT_BYTES + 1);
    expect(previewImport(existing, huge, 'big.md', NOW)).toEqual({ ok: false, error: expect.stringContaining('up to 20 MB') });
    // Multi-byte characters count as bytes, not characters.
    expect(previewImport(existing, 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1), 'big.md', NOW).ok).toBe(false);
    expect(previewImport(existing, '{"format":"docent-queue"', 'q.json', NOW)).toEqual({ ok: false, error: expect.stringContaining('not valid JSON') });
    expect(previewImport(existing, 'title,url\n"open', 'p.csv', NOW)).toEqual({ ok: false, error: expect.stringContaining('never closed') });
    expect(previewImport(existing, 'just some words', 'notes.txt', NOW)).toEqual({ ok: false, error: expect.stringContaining('Unrecognised file') });
  });

  it('imports each export format back to the same links', () => {
    const items = [
      makeItem('x', { position: 0, url: 'https://x.example/a?b=1' }),
      makeItem('y', { position: 1, url: 'https://y.example/', state: 'read', readAt: 9 }),
    ];
    for (const [name, text] of [
      ['q.md', exportMarkdown(items, NOW)],
      ['q.html', exportBookmarksHtml(items, NOW)],
    ] as const) {
      const preview = expectPreview(previewImport([], text, name, NOW));
      expect(preview.toAdd.map((item) => [item.url, item.state])).toEqual([
        ['https://x.example/a?b=1', 'unread'],
        ['https://y.example/', 'read'],
      ]);
      // Into the queue they came from, nothing is new.
      expect(expectPreview(previewImport(items, text, name, NOW)).toAdd).toEqual([]);
    }
  });
});

describe('hostile and malformed imports', () => {
  // Regular expressions over unclosed tags, quotes or brackets can take quadratic time; a hostile
  // file near the 20 MB limit must still be answered in seconds, not hang the options page.
  it.each([
    ['unclosed tags', 'b.html', `<!DOCTYPE NETSCAPE-Bookmark-file-1>${'<a '.repeat(1_000_000)}`],
    ['an endless attribute name', 'b.html', `<!DOCTYPE NETSCAPE-Bookmark-file-1><A ${'a'.repeat(3_000_000)}>x</A>`],
    ['an endless unquoted title', 'b.html', `<!DOCTYPE NETSCAPE-Bookmark-file-1><A HREF="https://x.example/">${'x<'.repeat(1_000_000)}`],
    ['an unclosed Markdown link', 'l.md', `- [a](${'x'.repeat(3_000_000)}`],
    ['a link title followed by spaces', 'l.md', `- [a](https://x.example${' '.repeat(100_000)}"${'y'.repeat(1_000_000)}`],
    ['a long heading', 'l.md', `# ${' '.repeat(3_000_000)}x\n- [a](https://x.example)`],
    ['an unclosed CSV quote', 'p.csv', `title,url\n${'"'.repeat(3_000_001)}`],
    ['many short CSV rows', 'p.csv', `title,url\n${'a,b\n'.repeat(500_000)}`],
  ])('answers quickly for %s', { timeout: 5_000 }, (_label, name, text) => {
    const preview = previewImport(existing, text, name, NOW);
    expect(applyImport(existing, preview).removed).toEqual([]);
  });
});
