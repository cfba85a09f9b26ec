/**
 * The import pipeline: recognise the file, parse it, check every link, and compare against the
 * queue to preview what would be added, what is already there, what would be updated (only to a
 * newer state) and what was rejected and why. Applying a preview never deletes and never
 * overwrites newer state; a rejected file changes nothing.
 */
import type { QueueItem } from './types';
import { cleanNote, cleanTitle, itemFromPage, positionAtBottom, type QueueEdit } from './rules';
import { acceptedUrl, normaliseUrl } from './page-url';
import type { ImportEntry, ImportedLink, ParseResult, Rejection } from './formats/parsed';
import { JSON_FORMAT, parseJsonExport } from './formats/json';
import { parseMarkdown } from './formats/markdown';
import { parseBookmarksHtml } from './formats/bookmarks-html';
import { parsePocketCsv } from './formats/pocket-csv';

export type { Rejection } from './formats/parsed';

export type ImportFormat = 'json' | 'markdown' | 'bookmarks-html' | 'pocket-csv';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportPreview = {
  ok: true;
  format: ImportFormat;
  toAdd: QueueItem[];
  /** Existing items the file also holds, left as they are. */
  alreadyThere: QueueItem[];
  /** Newer versions (by updatedAt, JSON only) of existing items. */
  toUpdate: QueueItem[];
  rejected: Rejection[];
};
export type ImportFailure = { ok: false; error: string };

const PARSERS: Record<ImportFormat, (text: string) => ParseResult> = {
  json: parseJsonExport,
  markdown: parseMarkdown,
  'bookmarks-html': parseBookmarksHtml,
  'pocket-csv': parsePocketCsv,
};

/** The file names {@link detectFormat} knows, for the file picker. */
export const QUEUE_IMPORT_FILE_TYPES = '.json,.md,.markdown,.html,.htm,.csv';

/** Unambiguous content wins over the file name; the name wins over weaker content hints. */
export function detectFormat(name: string, text: string): ImportFormat | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (/^<!doctype\s+netscape-bookmark-file-1>/i.test(head)) return 'bookmarks-html';
  if (head.startsWith('{') && head.includes(`"${JSON_FORMAT}"`)) return 'json';
  const extension = /\.([a-z]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'csv') return 'pocket-csv';
  if (extension === 'html' || extension === 'htm') return 'bookmarks-html';
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (head.startsWith('{')) return 'json';
  if (/^[^\n]*\burl\b[^\n]*,/i.test(head)) return 'pocket-csv';
  if (/<a\s[^>]*href/i.test(head)) return 'bookmarks-html';
  if (/\]\(\s*https?:/i.test(head)) return 'markdown';
  return null;
}

/**
 * A text's UTF-8 size as the import limit needs it: exact near the limit; for texts clearly under
 * or over it (a UTF-16 unit is 1 to 3 bytes) the length in units, which is on the same side.
 */
export function importSizeOf(text: string): number {
  if (text.length * 3 <= MAX_IMPORT_BYTES || text.length > MAX_IMPORT_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

export function importSizeError(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES
    ? `This file is ${(bytes / 1024 / 1024).toFixed(1)} MB; Docent imports files up to 20 MB.`
    : null;
}

export function previewImport(
  existing: readonly QueueItem[],
  text: string,
  name: string,
  now: number,
): ImportPreview | ImportFailure {
  try {
    if (importSizeOf(text) > MAX_IMPORT_BYTES) return { ok: false, error: importSizeError(MAX_IMPORT_BYTES + 1)! };
    const format = detectFormat(name, text);
    if (!format) {
      return {
        ok: false,
        error: 'Unrecognised file. Docent imports its JSON export, Markdown link lists, bookmarks HTML and Pocket CSV.',
      };
    }
    const parsed = PARSERS[format](text);
    if (!parsed.ok) return parsed;
    return { ok: true, format, ...compare(existing, parsed.entries, parsed.rejected, now) };
  } catch (error) {
    // Parsers are written not to throw; this is the last guard so a hostile file only ever yields a message.
    return { ok: false, error: `This file could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

function compare(existing: readonly QueueItem[], entries: ImportEntry[], rejected: Rejection[], now: number) {
  const byId = new Map(existing.map((item) => [item.id, item]));
  const byUrl = new Map<string, QueueItem>();
  for (const item of existing) {
    if (item.url !== null && acceptedUrl(item.url).ok) byUrl.set(normaliseUrl(item.url), item);
  }
  const toAdd: QueueItem[] = [];
  const alreadyThere: QueueItem[] = [];
  const toUpdate: QueueItem[] = [];
  const rejections = [...rejected];
  const seenInFile = new Map<string, string>();
  let nextPosition = positionAtBottom(existing);

  for (const entry of entries) {
    const candidate = entry.kind === 'item' ? checkItem(entry.item) : linkToItem(entry.link, now);
    if (typeof candidate === 'string') {
      rejections.push({ where: entry.where, reason: candidate });
      continue;
    }
    const urlKey = candidate.url !== null ? normaliseUrl(candidate.url) : null;
    const duplicateOf = seenInFile.get(candidate.id) ?? (urlKey !== null ? seenInFile.get(urlKey) : undefined);
    if (duplicateOf) {
      rejections.push({ where: entry.where, reason: `same link as ${duplicateOf}` });
      continue;
    }
    seenInFile.set(candidate.id, entry.where);
    if (urlKey !== null) seenInFile.set(urlKey, entry.where);

    const current = byId.get(candidate.id) ?? (urlKey !== null ? byUrl.get(urlKey) : undefined);
    if (!current) {
      toAdd.push(entry.kind === 'item' ? candidate : { ...candidate, position: nextPosition++ });
    } else if (entry.kind === 'item' && current.id === candidate.id && isNewerVersion(candidate, current)) {
      toUpdate.push(candidate);
    } else {
      alreadyThere.push(current);
    }
  }
  return { toAdd, alreadyThere, toUpdate, rejected: rejections };
}

function isNewerVersion(incoming: QueueItem, current: QueueItem): boolean {
  return incoming.updatedAt > current.updatedAt && JSON.stringify(incoming) !== JSON.stringify(current);
}

/** A JSON item with its link checked and its free text bounded, or the reason it is rejected. */
function checkItem(item: QueueItem): QueueItem | string {
  if (item.url !== null) {
    const checked = acceptedUrl(item.url);
    if (!checked.ok) return checked.reason;
  }
  return { ...item, title: cleanTitle(item.title), note: cleanNote(item.note) };
}

function linkToItem(link: ImportedLink, now: number): QueueItem | string {
  const checked = acceptedUrl(link.url);
  if (!checked.ok) return checked.reason;
  const addedAt = link.addedAt ?? now;
  // Saved like a page (updatedAt now: the import is a local change now; a later edit on another
  // device still wins, an older one does not), with what the file says about it.
  return {
    ...itemFromPage({ url: checked.url, title: link.title }, 0, now),
    tags: [...new Set(link.tags.map((tag) => tag.slice(0, 100)))].slice(0, 50),
    addedAt,
    state: link.state,
    readAt: link.state === 'read' ? (link.readAt ?? addedAt) : null,
    note: cleanNote(link.note),
  };
}

/**
 * Merges a preview into the queue as it is now (it may have changed since the preview): adds items
 * still missing, updates items only if the file's version is still newer, deletes nothing.
 */
export function applyImport(queue: QueueItem[], preview: ImportPreview | ImportFailure): QueueEdit {
  if (!preview.ok) return { queue, changed: [], removed: [] };
  const byId = new Map(queue.map((item) => [item.id, item]));
  const changed: QueueItem[] = [];
  for (const item of preview.toAdd) {
    if (!byId.has(item.id)) changed.push(item);
  }
  for (const item of preview.toUpdate) {
    const current = byId.get(item.id);
    if (current && isNewerVersion(item, current)) changed.push(item);
  }
  const changedIds = new Set(changed.map((item) => item.id));
  return { queue: [...queue.filter((item) => !changedIds.has(item.id)), ...changed], changed, removed: [] };
}
