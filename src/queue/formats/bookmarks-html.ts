/**
 * Netscape bookmark file export/import, the format every browser, Raindrop, Linkwarden and
 * Karakeep import. Export: a "Docent" folder holding "Unread" and "Read" folders; each bookmark
 * has ADD_DATE (seconds), TAGS (comma-separated) and the note as its <DD> description. Items
 * without a link are left out, since a bookmark needs one. Import uses a tolerant tokenizer (no
 * DOM), so it runs in Node and the service worker and survives files other tools wrote.
 */
import type { QueueItem, QueueState } from '../types';
import { sortQueue } from '../rules';
import { decodeEntities, escapeHtml, type ImportEntry, type ParseResult } from './parsed';

export const BOOKMARKS_DOCTYPE = '<!DOCTYPE NETSCAPE-Bookmark-file-1>';
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

const ATTRIBUTE = /([a-z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    attributes.set(match[1].toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** Text from `from` up to the next match of `closing`, line breaks kept and other markup removed. */
function textUntil(html: string, from: number, closing: RegExp): { text: string; closeStart: number; closeEnd: number } {
  closing.lastIndex = from;
  const close = closing.exec(html);
  const closeStart = close ? close.index : html.length;
  const inner = html.slice(from, closeStart).replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');
  return { text: decodeEntities(inner).trim(), closeStart, closeEnd: close ? closing.lastIndex : closeStart };
}

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
  if (!/<a\b[^>]*\bhref\s*=/i.test(html) && !/<!doctype\s+netscape-bookmark-file-1>/i.test(html)) {
    return { ok: false, error: 'This is not a bookmarks file (no <!DOCTYPE NETSCAPE-Bookmark-file-1> and no links).' };
  }
  const entries: ImportEntry[] = [];
  const folders: string[] = [];
  let pendingFolder: string | null = null;
  let lastLink: Extract<ImportEntry, { kind: 'link' }> | null = null;
  const TAG = /<(\/?)(dl|h3|a|dd|dt)\b([^>]*)>/gi;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [, closing, rawName, attributeText] = match;
    const name = rawName.toLowerCase();
    const after = TAG.lastIndex;
    if (name === 'dl') {
      if (closing) folders.pop();
      else folders.push(pendingFolder ?? '');
      pendingFolder = null;
    } else if (name === 'h3' && !closing) {
      const { text, closeEnd } = textUntil(html, after, /<\/h3\s*>/gi);
      pendingFolder = text.replace(/\s+/g, ' ');
      TAG.lastIndex = closeEnd;
      lastLink = null;
    } else if (name === 'a' && !closing) {
      const attributes = attributesOf(attributeText);
      const found = textUntil(html, after, /<\/a\s*>/gi);
      const text = found.text.replace(/\s+/g, ' ');
      TAG.lastIndex = found.closeEnd;
      const url = attributes.get('href') ?? '';
      const addedAt = parseAddDate(attributes.get('add_date'));
      lastLink = {
        kind: 'link',
        where: `bookmark ${entries.length + 1}${text ? ` (${text.slice(0, 80)})` : ''}`,
        link: {
          title: text || url,
          url,
          state: stateFromFolders(folders),
          addedAt,
          readAt: null,
          tags: (attributes.get('tags') ?? '').split(',').map((tag) => tag.trim()).filter(Boolean),
          note: '',
        },
      };
      entries.push(lastLink);
    } else if (name === 'dd' && !closing && lastLink) {
      // A description runs until the next bookmark-list tag.
      const { text, closeStart } = textUntil(html, after, /<(?:dt|dl|\/dl|dd)\b/gi);
      lastLink.link.note = text;
      TAG.lastIndex = closeStart;
      lastLink = null;
    }
  }
  if (entries.length === 0) return { ok: false, error: 'No bookmarks found in this file.' };
  return { ok: true, entries, rejected: [] };
}
