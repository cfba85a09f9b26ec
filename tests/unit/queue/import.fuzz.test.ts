import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyImport, previewImport, type ImportPreview } from '@/src/queue/import';
import { exportJson } from '@/src/queue/formats/json';
import { exportMarkdown, parseMarkdown } from '@/src/queue/formats/markdown';
import { exportBookmarksHtml, parseBookmarksHtml } from '@/src/queue/formats/bookmarks-html';
import { parsePocketCsv } from '@/src/queue/formats/pocket-csv';
import type { ImportedLink, ParseResult } from '@/src/queue/formats/parsed';
import { acceptedUrl, normaliseUrl, pageId } from '@/src/queue/page-url';
import { cleanNote, cleanTitle, sortQueue } from '@/src/queue/rules';
import type { QueueItem } from '@/src/queue/types';
import { fuzz, lineText } from '../support/fuzz';
import { makeItem } from './fixtures';

const NOW = 1_800_000_000_000;
/** Up to 2100: bookmark files write seconds, and read anything above 1e11 as milliseconds. */
const TIME = fc.integer({ min: 0, max: 4_102_444_800_000 });

/** Web links as the queue stores them: already through acceptedUrl. */
const WEB_URL = fc.webUrl({ withQueryParameters: true, withFragments: true }).map((url) => acceptedUrl(url)).filter((checked) => checked.ok).map((checked) => (checked as { url: string }).url);

/** Notes are typed in a textarea: several lines, and whatever else a paste brings (a lone CR, Unicode line separators). */
const NOTE = fc
  .array(fc.oneof(lineText({ maxLength: 20 }), fc.constantFrom('\r', '\u2028', '\u2029', '\u0085')), { maxLength: 4 })
  .map((lines) => cleanNote(lines.join('\n')));

/**
 * A queue as the app keeps it: saved pages (id from the link) and catalogue reads (with or without
 * a link), unique ids and links, clean titles and notes, any text in them.
 */
const QUEUE = fc
  .uniqueArray(
    fc.record({
      kind: fc.constantFrom('page', 'read', 'title-only read'),
      readId: fc.stringMatching(/^[tu][0-9a-z]{1,13}$/),
      url: WEB_URL,
      title: lineText({ minLength: 1, maxLength: 40 }).map(cleanTitle).filter((title) => title !== ''),
      source: lineText({ maxLength: 20 }),
      tags: fc.array(lineText({ maxLength: 15 }), { maxLength: 4 }),
      readMinutes: fc.option(fc.nat(600), { nil: null }),
      addedAt: TIME,
      readAt: fc.option(TIME, { nil: null }),
      position: fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((position) => !Object.is(position, -0)),
      note: NOTE,
      edited: fc.nat(1_000_000),
    }),
    { maxLength: 8, selector: (record) => (record.kind === 'page' ? pageId(record.url) : record.readId) },
  )
  .map((records) =>
    records.map(({ kind, readId, url, readAt, edited, ...rest }): QueueItem => {
      const id = kind === 'page' ? pageId(url) : readId;
      return { ...rest, id, readId: kind === 'page' ? null : readId, url: kind === 'title-only read' ? null : url, state: readAt === null ? 'unread' : 'read', readAt, updatedAt: rest.addedAt + edited };
    }),
  )
  // One item per page: the queue never holds the same link twice (savePage refuses it).
  .filter((items) => new Set(items.flatMap((item) => (item.url === null ? [] : [normaliseUrl(item.url)]))).size === items.filter((item) => item.url !== null).length);

function expectPreview(result: ReturnType<typeof previewImport>): ImportPreview {
  if (!result.ok) throw new Error(`expected a preview, got: ${result.error}`);
  return result;
}

function expectLinks(result: ParseResult): ImportedLink[] {
  if (!result.ok) throw new Error(`expected links, got: ${result.error}`);
  expect(result.rejected).toEqual([]);
  return result.entries.map((entry) => {
    if (entry.kind !== 'link') throw new Error('expected a link');
    return entry.link;
  });
}

/** The order exports write: unread first, then read, each in the user's order. */
const exportOrder = (items: readonly QueueItem[]) => [
  ...sortQueue(items.filter((item) => item.state === 'unread'), 'manual'),
  ...sortQueue(items.filter((item) => item.state === 'read'), 'manual'),
];

describe('export → import round trips (property-based)', () => {
  it('JSON restores any queue exactly, into an empty queue, and finds nothing new in the queue it came from', () => {
    fuzz(
      fc.property(QUEUE, (items) => {
        const file = exportJson(items, NOW);
        const preview = expectPreview(previewImport([], file, 'queue.json', NOW));
        expect(preview.rejected).toEqual([]);
        expect(applyImport([], preview).queue).toEqual(sortQueue(items, 'manual'));
        const again = expectPreview(previewImport(items, file, 'queue.json', NOW));
        expect([again.toAdd, again.toUpdate, again.rejected]).toEqual([[], [], []]);
        expect(again.alreadyThere).toHaveLength(items.length);
      }),
    );
  });

  it('Markdown keeps the title, link, state and note (line breaks as LF) of every item with a link', () => {
    fuzz(
      fc.property(QUEUE, (items) => {
        const linked = exportOrder(items).filter((item) => item.url !== null);
        const result = parseMarkdown(exportMarkdown(items, NOW));
        if (linked.length === 0) return void expect(result.ok).toBe(false);
        const links = expectLinks(result);
        expect(links.map((link) => ({ ...link, url: normaliseUrl(link.url) }))).toEqual(
          linked.map((item) => ({ title: item.title, url: normaliseUrl(item.url!), state: item.state, addedAt: null, readAt: null, tags: [], note: item.note.replace(/\r\n/g, '\n') })),
        );
      }),
    );
  });

  it('bookmarks HTML keeps the title (spaces folded), link, state, tags, note (line breaks as LF) and day of saving of every item with a link', () => {
    fuzz(
      fc.property(QUEUE, (items) => {
        const linked = exportOrder(items).filter((item) => item.url !== null);
        const result = parseBookmarksHtml(exportBookmarksHtml(items, NOW));
        if (linked.length === 0) return void expect(result.ok).toBe(false);
        expect(expectLinks(result)).toEqual(
          linked.map((item) => ({
            title: item.title.replace(/\s+/g, ' '),
            url: item.url,
            state: item.state,
            addedAt: Math.floor(item.addedAt / 1000) * 1000,
            readAt: null,
            // Commas separate tags in the TAGS attribute, so a tag's own commas become spaces.
            tags: item.tags.map((tag) => tag.replace(/\s*,\s*/g, ' ').trim()).filter(Boolean),
            note: item.note.replace(/\r\n/g, '\n'),
          })),
        );
      }),
    );
  });

  it('Pocket CSV written by the RFC 4180 rules reads back to the same links', () => {
    const POCKET_LINK = fc.record({
      title: lineText({ minLength: 1, maxLength: 30 }).map((title) => title.trim()).filter((title) => title !== ''),
      url: WEB_URL,
      seconds: fc.nat(4_102_444_800),
      tags: fc.array(lineText({ minLength: 1, maxLength: 10 }).map((tag) => tag.replace(/\|/g, '/').trim()).filter((tag) => tag !== ''), { maxLength: 3 }),
      archived: fc.boolean(),
    });
    const field = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    fuzz(
      fc.property(fc.array(POCKET_LINK, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (links, lineBreak) => {
        const rows = links.map((link) =>
          [link.title, link.url, String(link.seconds), link.tags.join('|'), link.archived ? 'archive' : 'unread'].map(field).join(','),
        );
        const csv = ['title,url,time_added,tags,status', ...rows].join(lineBreak) + lineBreak;
        expect(expectLinks(parsePocketCsv(csv))).toEqual(
          links.map((link) => ({
            title: link.title,
            url: link.url,
            state: link.archived ? 'read' : 'unread',
            addedAt: link.seconds * 1000,
            readAt: null,
            tags: link.tags,
            note: '',
          })),
        );
      }),
    );
  });
});

// ---------- hostile and malformed files ----------

/** A small queue of catalogue reads to import into. */
const SMALL_QUEUE = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z]{1,6}$/),
      state: fc.constantFrom('unread' as const, 'read' as const),
      position: fc.integer({ min: -50, max: 50 }),
      updatedAt: fc.integer({ min: 0, max: 10_000 }),
      note: fc.string({ maxLength: 20 }),
    }),
    { selector: (item) => item.id, maxLength: 8 },
  )
  .map((records) => records.map((record) => makeItem(record.id, { ...record, note: record.note.trim() })));

const HOSTILE_URL = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=',
    'file:///C:/Windows/win.ini', 'vbscript:msgbox', 'about:blank', 'chrome://settings', 'http://', 'https://[::1', '//evil.example/',
    '\u0000https://x.example', 'https://x.example/\u202egnp.exe', 'HTTPS://X.EXAMPLE/%2e%2e/',
  ),
  lineText({ maxLength: 30 }),
  fc.webUrl(),
);

/** Fields a Docent JSON export item must have, with the type each must be. */
const ITEM_SCHEMA: Record<keyof QueueItem, (value: unknown) => boolean> = {
  id: (value) => typeof value === 'string' && value !== '',
  readId: (value) => value === null || typeof value === 'string',
  title: (value) => typeof value === 'string',
  url: (value) => value === null || (typeof value === 'string' && /^https?:$/.test(new URL(value).protocol)),
  source: (value) => typeof value === 'string',
  tags: (value) => Array.isArray(value) && value.every((tag) => typeof tag === 'string'),
  readMinutes: (value) => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0),
  addedAt: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0,
  state: (value) => value === 'unread' || value === 'read',
  readAt: (value) => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0),
  position: (value) => typeof value === 'number' && Number.isFinite(value),
  note: (value) => typeof value === 'string',
  updatedAt: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0,
};

/** What every import must keep, whatever the file: nothing deleted or made older, only web links, reasons for rejections. */
function checkImport(queue: QueueItem[], text: string, name: string): ImportPreview | null {
  const preview = previewImport(queue, text, name, NOW);
  const { queue: after, removed } = applyImport(queue, preview);
  expect(removed).toEqual([]);
  if (!preview.ok) {
    expect(preview.error).toMatch(/\S/);
    expect(after).toBe(queue);
    return null;
  }
  for (const item of queue) {
    const kept = after.find((candidate) => candidate.id === item.id);
    expect(kept, 'never deletes').toBeDefined();
    expect(kept!.updatedAt, 'never overwrites with older state').toBeGreaterThanOrEqual(item.updatedAt);
  }
  for (const item of [...preview.toAdd, ...preview.toUpdate]) {
    for (const [field, valid] of Object.entries(ITEM_SCHEMA)) expect(valid(item[field as keyof QueueItem]), `${field} of ${JSON.stringify(item)}`).toBe(true);
    expect(Object.keys(item).sort()).toEqual(Object.keys(ITEM_SCHEMA).sort());
  }
  for (const rejection of preview.rejected) expect(rejection.reason).toMatch(/\S/);
  return preview;
}

/** Splices `insertion` in at each cut, replacing a few characters. */
function mutate(text: string, cuts: number[], insertion: string): string {
  let result = text;
  for (const cut of cuts) {
    const at = cut % (result.length + 1);
    result = result.slice(0, at) + insertion + result.slice(at + (cut % 7));
  }
  return result;
}

describe('hostile and malformed imports (property-based)', () => {
  const sample = [
    makeItem('p', { position: 0, note: 'n' }),
    makeItem('q', { position: 1, url: 'https://q.example/?a=(1)', tags: ['a|b', 'c,d'], state: 'read', readAt: 3 }),
  ];
  const exports = [
    ['q.json', exportJson(sample, NOW)],
    ['q.md', exportMarkdown(sample, NOW)],
    ['q.html', exportBookmarksHtml(sample, NOW)],
    ['q.csv', 'title,url,time_added,tags,status\n"P",https://p.example/,1,a|b,unread\nQ,https://q.example/,2,,archive\n'],
  ] as const;
  const NAMES = fc.constantFrom('x.json', 'x.md', 'x.html', 'x.csv', 'x');

  it('random text under every format name', () => {
    fuzz(fc.property(SMALL_QUEUE, fc.oneof(fc.string({ maxLength: 400 }), lineText({ maxLength: 200 })), NAMES, (queue, text, name) => void checkImport(queue, text, name)), {
      scale: 4,
    });
  });

  it('random bytes decoded as text', () => {
    fuzz(
      fc.property(fc.uint8Array({ maxLength: 600 }), NAMES, (bytes, name) => void checkImport(sample, new TextDecoder().decode(bytes), name)),
      { scale: 2 },
    );
  });

  it('mutated valid exports of every format', () => {
    fuzz(
      fc.property(
        SMALL_QUEUE,
        fc.constantFrom(...exports),
        fc.array(fc.nat(5000), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '"', ',', '<', '>', '</A>', '<DL>', '</DL>', '\n', '\r', '{', '}', ']', '"javascript:alert(1)"', '\\', '&#0;', '&#xFFFFFF;', '\u2028'),
        (queue, [name, text], cuts, insertion) => void checkImport(queue, mutate(text, cuts, insertion), name),
      ),
      { scale: 4 },
    );
  });

  it('JSON exports whose fields hold values of any type: each item is imported whole and well-typed, or rejected with a reason', () => {
    const FIELD = fc.constantFrom(...(Object.keys(ITEM_SCHEMA) as (keyof QueueItem)[]));
    fuzz(
      fc.property(fc.array(fc.tuple(fc.nat(sample.length - 1), FIELD, fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const items: Record<string, unknown>[] = sample.map((item) => ({ ...item }));
        for (const [index, field, value] of edits) items[index]![field] = value;
        const preview = checkImport([], JSON.stringify({ format: 'docent-queue', version: 1, exportedAt: '', items }), 'q.json');
        expect(preview).not.toBeNull();
        expect(preview!.toAdd.length + preview!.rejected.length).toBe(sample.length);
      }),
      { scale: 2 },
    );
  });

  it('hostile URLs in every format are rejected or accepted as http(s) only', () => {
    fuzz(
      fc.property(HOSTILE_URL, lineText({ maxLength: 30 }), (url, title) => {
        const item = makeItem('h', { url, title });
        const files: [string, string][] = [
          ['h.json', JSON.stringify({ format: 'docent-queue', version: 1, exportedAt: '', items: [item] })],
          ['h.html', `<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><DT><A HREF="${url.replace(/"/g, '&quot;')}">${title}</A></DL>`],
          ['h.csv', `title,url\n"${title.replace(/"/g, '""')}","${url.replace(/"/g, '""')}"\n`],
          ['h.md', `- [t](${url})`],
        ];
        for (const [name, text] of files) checkImport(sample, text, name);
      }),
      { scale: 4 },
    );
  });
});
