/**
 * Netscape bookmark file export/import, the format every browser, Raindrop, Linkwarden and
 * Karakeep import. Export: a "Docent" folder holding "Unread" and "Read" folders; each bookmark
 * has ADD_DATE (seconds), TAGS (comma-separated) and the note as its <DD> description. Items
 * without a link are left out, since a bookmark needs one. Import uses a tolerant tokenizer (no
 * DOM), so it runs in Node and the service worker and survives files other tools wrote.
 */
import type { QueueItem, QueueState } from '../types';
import { sortQueue } from '../rules';
import { decodeEntities, escapeHtml, type ImportEntry, type ImportedLink, type ParseResult } from './parsed';

const BOOKMARKS_DOCTYPE = '<!DOCTYPE NETSCAPE-Bookmark-file-1>';
const FOLDER_NAMES: Record<QueueState, string> = { unread: 'Unread', read: 'Read' };

const seconds = (time: number) => Math.floor(time / 1000);

export function exportBookmarksHtml(items: readonly QueueItem[], now: number): string {
  const lines = [
    BOOKMARKS_DOCTYPE,
    '<!-- This is an automatically generated file.',
    '     It will be read and overwritten.',
    '     DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    `    <DT><H3 ADD_DATE="${seconds(now)}" LAST_MODIFIED="${seconds(now)}">Docent</H3>`,
    '    <DL><p>',
  ];
  for (const state of ['unread', 'read'] as const) {
    const group = sortQueue(items.filter((item) => item.state === state && item.url !== null), 'manual');
    lines.push(`        <DT><H3 ADD_DATE="${seconds(now)}" LAST_MODIFIED="${seconds(now)}">${FOLDER_NAMES[state]}</H3>`, '        <DL><p>');
    for (const item of group) {
      const tags = item.tags.map((tag) => tag.replace(/\s*,\s*/g, ' ').trim()).filter(Boolean).join(',');
      const attributes = [
        `HREF="${escapeHtml(item.url!)}"`,
        `ADD_DATE="${seconds(item.addedAt)}"`,
        `LAST_MODIFIED="${seconds(item.updatedAt)}"`,
        ...(tags ? [`TAGS="${escapeHtml(tags)}"`] : []),
      ];
      lines.push(`            <DT><A ${attributes.join(' ')}>${escapeHtml(item.title)}</A>`);
      if (item.note) lines.push(`            <DD>${escapeHtml(item.note).replace(/\r?\n/g, '<br>')}`);
    }
    lines.push('        </DL><p>');
  }
  lines.push('    </DL><p>', '</DL><p>');
  return `${lines.join('\n')}\n`;
}

type Tag = { name: string; closing: boolean; attributes: string; start: number; end: number };

/**
 * The tags of an HTML text in order, in one linear pass: a `<` followed by another `<` before any
 * `>` is text, not a tag. (Regular expressions over unclosed tags go quadratic on hostile files.)
 */
function* tagsOf(html: string): Generator<Tag> {
  let nextClose = -1;
  for (let open = html.indexOf('<'); open !== -1; ) {
    if (nextClose < open) nextClose = html.indexOf('>', open);
    if (nextClose === -1) return;
    const nextOpen = html.indexOf('<', open + 1);
    if (nextOpen !== -1 && nextOpen < nextClose) {
      open = nextOpen;
      continue;
    }
    const inner = html.slice(open + 1, nextClose);
    const closing = inner.startsWith('/');
    const name = /^[a-z0-9!]+/i.exec(closing ? inner.slice(1) : inner)?.[0].toLowerCase() ?? '';
    yield { name, closing, attributes: inner.slice((closing ? 1 : 0) + name.length), start: open, end: nextClose + 1 };
    open = html.indexOf('<', nextClose + 1);
  }
}

/** name=value pairs of a tag, scanned by hand for the same reason as {@link tagsOf}. */
function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let index = 0;
  const skipSpace = () => {
    while (index < text.length && /\s/.test(text[index])) index++;
  };
  while (index < text.length) {
    skipSpace();
    const nameStart = index;
    while (index < text.length && !/[\s=]/.test(text[index])) index++;
    const name = text.slice(nameStart, index).toLowerCase();
    skipSpace();
    if (text[index] !== '=') {
      if (index === nameStart) index++;
      continue;
    }
    index++;
    skipSpace();
    let value: string;
    const quote = text[index];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, index + 1);
      value = text.slice(index + 1, close === -1 ? text.length : close);
      index = close === -1 ? text.length : close + 1;
    } else {
      const valueStart = index;
      while (index < text.length && !/\s/.test(text[index])) index++;
      value = text.slice(valueStart, index);
    }
    if (name && !attributes.has(name)) attributes.set(name, decodeEntities(value));
  }
  return attributes;
}

const LIST_TAGS = new Set(['dl', 'dt', 'h3', 'a', 'dd']);

/** Seconds since 1970 (what browsers write); also accepts milliseconds some tools write. */
function parseAddDate(value: string | undefined): number | null {
  if (!value || !/^\d{1,16}$/.test(value)) return null;
  const number = Number(value);
  return number > 1e11 ? number : number * 1000;
}

function stateFromFolders(folders: readonly string[]): QueueState {
  return folders.some((name) => /^(read|read archive|archive|archived)$/i.test(name)) ? 'read' : 'unread';
}

export function parseBookmarksHtml(html: string): ParseResult {
  if (!/^\s*<!doctype\s+netscape-bookmark-file-1>/i.test(html.replace(/^\uFEFF/, '').slice(0, 200)) && !/<a\s[^<>]{0,200}href/i.test(html)) {
    return { ok: false, error: 'This is not a bookmarks file (no <!DOCTYPE NETSCAPE-Bookmark-file-1> and no links).' };
  }
  const entries: ImportEntry[] = [];
  const folders: string[] = [];
  let pendingFolder: string | null = null;
  let lastLink: ImportedLink | null = null;
  // What the text since `textStart` belongs to: a link's title, a folder name, or a link's description.
  let collecting: { kind: 'a'; link: ImportedLink } | { kind: 'h3' } | { kind: 'dd'; link: ImportedLink } | null = null;
  let textStart = 0;
  let text = '';

  const finish = () => {
    if (!collecting) return;
    const content = decodeEntities(text).trim();
    if (collecting.kind === 'a') {
      collecting.link.title = content.replace(/\s+/g, ' ') || collecting.link.url;
      entries.push({ kind: 'link', where: `bookmark ${entries.length + 1} (${collecting.link.title.slice(0, 80)})`, link: collecting.link, folder: folders.at(-1) || undefined });
      lastLink = collecting.link;
    } else if (collecting.kind === 'h3') {
      pendingFolder = content.replace(/\s+/g, ' ');
    } else {
      collecting.link.note = content;
    }
    collecting = null;
  };

  for (const tag of tagsOf(html)) {
    if (collecting) text += html.slice(textStart, tag.start);
    textStart = tag.end;
    if (tag.name === 'br' && collecting?.kind === 'dd') {
      text += '\n';
      continue;
    }
    // Any list tag, opening or closing, ends the text being collected (bookmark files rarely close <DT>/<DD>).
    if (LIST_TAGS.has(tag.name)) finish();
    if (tag.closing) {
      if (tag.name === 'dl') folders.pop();
      continue;
    }
    if (tag.name === 'dl') {
      folders.push(pendingFolder ?? '');
      pendingFolder = null;
      lastLink = null;
    } else if (tag.name === 'h3') {
      collecting = { kind: 'h3' };
      text = '';
      lastLink = null;
    } else if (tag.name === 'a') {
      const attributes = attributesOf(tag.attributes);
      const link: ImportedLink = {
        title: '',
        url: attributes.get('href') ?? '',
        state: stateFromFolders(folders),
        addedAt: parseAddDate(attributes.get('add_date')),
        readAt: null,
        tags: (attributes.get('tags') ?? '').split(',').map((tagName) => tagName.trim()).filter(Boolean),
        note: '',
      };
      collecting = { kind: 'a', link };
      text = '';
    } else if (tag.name === 'dd' && lastLink) {
      collecting = { kind: 'dd', link: lastLink };
      text = '';
      lastLink = null;
    }
  }
  if (collecting) text += html.slice(textStart);
  finish();
  if (entries.length === 0) return { ok: false, error: 'No bookmarks found in this file.' };
  return { ok: true, entries, rejected: [] };
}
