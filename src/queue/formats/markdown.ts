/**
 * Markdown export: a readable list grouped by state (Unread, then Read), each line a link with its
 * source, length, tags and the date it was read, and the note quoted underneath. The importer reads
 * this layout back (and any `- [title](url)` list, e.g. an awesome list) for title, link, state and note.
 */
import type { QueueItem, QueueState } from '../types';
import { sortQueue } from '../rules';
import type { ImportEntry, ParseResult, Rejection } from './parsed';

const HEADINGS: Record<QueueState, string> = { unread: 'Unread', read: 'Read' };

export function exportMarkdown(items: readonly QueueItem[], now: number): string {
  const lines = ['# Docent reading queue', '', `Exported ${isoDate(now)} · ${items.length} saved`];
  for (const state of ['unread', 'read'] as const) {
    const group = sortQueue(items.filter((item) => item.state === state), 'manual');
    lines.push('', `## ${HEADINGS[state]} (${group.length})`, '');
    if (group.length === 0) lines.push('_Nothing here._');
    for (const item of group) {
      lines.push(`- ${itemLink(item)}${itemDetails(item)}`);
      if (item.note) lines.push(...item.note.split(/\r?\n/).map((line) => `  > ${escapeText(line)}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

function itemLink(item: QueueItem): string {
  const title = escapeText(item.title);
  return item.url ? `[${title}](${escapeUrl(item.url)})` : `**${title}**`;
}

function itemDetails(item: QueueItem): string {
  const details = [
    item.source && escapeText(item.source),
    item.readMinutes ? `${item.readMinutes} min` : '',
    item.tags.length ? item.tags.map((tag) => `#${escapeText(tag.replace(/\s+/g, '-'))}`).join(' ') : '',
    item.readAt !== null ? `read ${isoDate(item.readAt)}` : '',
  ].filter(Boolean);
  return details.length ? ` — ${details.join(' · ')}` : '';
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Backslash-escapes the characters that would start emphasis, links, code or HTML in a line of text. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Link destinations cannot hold spaces or unbalanced parentheses; percent-encode them. */
function escapeUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const unescapeText = (text: string) => text.replace(/\\([\\`*_{}[\]()<>#+!|~-])/g, '$1');

const LINK_LINE = /^\s*[-*+]\s+\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/;
const HEADING = /^#{1,6}\s+(.*?)\s*(?:\(\d+\))?\s*$/;
/** A note line; `[\s\S]`, not `.`, so a note's lone CR or Unicode line separator stays in it. */
const NOTE_LINE = /^\s{2,}>\s?([\s\S]*)$/;
const LIST_ITEM = /^\s*[-*+]\s/;

export function parseMarkdown(text: string): ParseResult {
  const entries: ImportEntry[] = [];
  const rejected: Rejection[] = [];
  let state: QueueState = 'unread';
  /** The link the following quoted lines are the note of, and those lines so far. */
  let lastEntry: Extract<ImportEntry, { kind: 'link' }> | null = null;
  let noteLines: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const heading = HEADING.exec(line);
    if (heading) {
      const name = heading[1].toLowerCase();
      if (/^(read|done|archive|archived|read archive)$/.test(name)) state = 'read';
      else if (/^(unread|to read|reading list|queue)$/.test(name)) state = 'unread';
      lastEntry = null;
      return;
    }
    const note = NOTE_LINE.exec(line);
    if (note && lastEntry) {
      noteLines.push(unescapeText(note[1]));
      lastEntry.link.note = noteLines.join('\n');
      return;
    }
    const link = LINK_LINE.exec(line);
    if (!link) {
      // Another list item (a read without a link, "- **Title**") ends the previous link's note.
      if (LIST_ITEM.test(line)) lastEntry = null;
      return;
    }
    const title = unescapeText(link[1]).trim();
    const where = `line ${index + 1}`;
    if (link[2] === '') {
      rejected.push({ where, reason: 'link without a URL' });
      lastEntry = null;
      return;
    }
    noteLines = [];
    lastEntry = {
      kind: 'link',
      where,
      link: { title, url: link[2], state, addedAt: null, readAt: null, tags: [], note: '' },
    };
    entries.push(lastEntry);
  });
  if (entries.length === 0 && rejected.length === 0) {
    return { ok: false, error: 'No links found in this Markdown file (expected lines like "- [Title](https://…)").' };
  }
  return { ok: true, entries, rejected };
}
