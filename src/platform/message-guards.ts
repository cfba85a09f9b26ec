/**
 * Checks on what arrives over runtime messaging. A content script lives inside a page Docent does
 * not trust, so the background accepts page data only from tabs, only in the shape and size the
 * content script produces, and UI requests only from Docent's own pages.
 */
import type { PageKeywords } from '@/src/keywords/types';
import { MAX_PAGE_TERMS, PAGE_FIELDS, type PageTerm } from '@/src/relevance/page-fields';
import type { QueueEditRequest, Request } from './messages';
import type { QueueItem } from '@/src/queue/types';
import type { ReadAsPage } from '@/src/ranking/more-like-this';

/** Requests a content script sends; every other request comes from an extension page or the worker. */
const CONTENT_SCRIPT_REQUESTS: ReadonlySet<Request['type']> = new Set(['page-keywords']);

/** The parts of `runtime.MessageSender` the checks read. */
export type MessageSender = { id?: string; url?: string; tab?: { id?: number; url?: string } };

/**
 * Whether `sender` may make a request of this type: it must be this extension; page data must
 * come from a tab's content script; everything else from a page under the extension's origin.
 */
export function isAllowedSender(type: Request['type'], sender: MessageSender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  if (CONTENT_SCRIPT_REQUESTS.has(type)) return sender.tab?.id !== undefined;
  return sender.url?.startsWith(extensionOrigin) === true;
}

/** Bounds a page report never exceeds when it comes from the real extractor. */
export const PAGE_REPORT_LIMITS = { terms: MAX_PAGE_TERMS, termLength: 120, count: 100_000, titleLength: 1000, urlLength: 4096 } as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isShortText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= PAGE_REPORT_LIMITS.termLength;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= PAGE_REPORT_LIMITS.count;

function sanitizeTerm(value: unknown): PageTerm | null {
  if (!isRecord(value)) return null;
  const { key, surface, counts } = value;
  if (!isShortText(key) || !isShortText(surface)) return null;
  if (!Array.isArray(counts) || counts.length !== PAGE_FIELDS.length || !counts.every(isCount) || !counts.some((c) => c > 0)) return null;
  return { key, surface, counts: [...counts] };
}

/**
 * The page report as the ranking may use it, or null when it is not one: unknown fields dropped,
 * malformed terms skipped (and a key reported twice kept once), lists and strings cut to the
 * extractor's own bounds.
 */
export function sanitizePageKeywords(value: unknown): PageKeywords | null {
  if (!isRecord(value)) return null;
  const { url, title, terms, extractMs } = value;
  if (typeof url !== 'string' || url.length > PAGE_REPORT_LIMITS.urlLength) return null;
  if (typeof title !== 'string' || !Array.isArray(terms)) return null;
  const seen = new Set<string>();
  const kept: PageTerm[] = [];
  for (const raw of terms.slice(0, PAGE_REPORT_LIMITS.terms)) {
    const term = sanitizeTerm(raw);
    if (term === null || seen.has(term.key)) continue;
    seen.add(term.key);
    kept.push(term);
  }
  return {
    url,
    title: title.slice(0, PAGE_REPORT_LIMITS.titleLength),
    terms: kept,
    extractMs: typeof extractMs === 'number' && Number.isFinite(extractMs) ? extractMs : 0,
  };
}

/** Bounds of a read sent for "More like this": a catalogue read's own sizes with room to spare. */
export const READ_AS_PAGE_LIMITS = { idLength: 200, titleLength: 1000, tags: 50, tagLength: 100, summaryLength: 4000 } as const;

/** The read as the ranking may use it, or null when it is not one (extension pages only send these, but a bug must not cost the worker). */
export function sanitizeReadAsPage(value: unknown): ReadAsPage | null {
  if (!isRecord(value)) return null;
  const { id, title, tags, summary } = value;
  if (typeof id !== 'string' || typeof title !== 'string' || !Array.isArray(tags)) return null;
  if (id.length > READ_AS_PAGE_LIMITS.idLength) return null;
  return {
    id,
    title: title.slice(0, READ_AS_PAGE_LIMITS.titleLength),
    tags: tags
      .filter((tag): tag is string => typeof tag === 'string')
      .slice(0, READ_AS_PAGE_LIMITS.tags)
      .map((tag) => tag.slice(0, READ_AS_PAGE_LIMITS.tagLength)),
    summary: typeof summary === 'string' ? summary.slice(0, READ_AS_PAGE_LIMITS.summaryLength) : null,
  };
}

const isString = (value: unknown, maxLength = 4096): value is string => typeof value === 'string' && value.length <= maxLength;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A queue item as `remove` handed it out (Undo sends it back), with exactly the item's fields. */
function sanitizeQueueItem(value: unknown): QueueItem | null {
  if (!isRecord(value)) return null;
  const { id, readId, title, url, source, tags, readMinutes, addedAt, state, readAt, position, note, updatedAt } = value;
  const valid =
    isString(id, 200) &&
    (readId === null || isString(readId, 200)) &&
    isString(title, 10_000) &&
    (url === null || isString(url)) &&
    isString(source, 1000) &&
    Array.isArray(tags) &&
    tags.every((tag) => isString(tag, 200)) &&
    (readMinutes === null || isFiniteNumber(readMinutes)) &&
    isFiniteNumber(addedAt) &&
    (state === 'read' || state === 'unread') &&
    (readAt === null || isFiniteNumber(readAt)) &&
    isFiniteNumber(position) &&
    isString(note, 10_000) &&
    isFiniteNumber(updatedAt);
  if (!valid) return null;
  return { id, readId, title, url, source, tags: [...tags] as string[], readMinutes, addedAt, state, readAt, position, note, updatedAt };
}

/**
 * The queue edit as the repository may run it, or null when it is not one. Only Docent's own pages
 * send these; the check keeps a page's bug from reaching the queue as a malformed row. The queue
 * rules still clean and cap what they store (titles, notes, links).
 */
export function sanitizeQueueEdit(value: unknown): QueueEditRequest | null {
  if (!isRecord(value)) return null;
  switch (value.op) {
    case 'save':
      return isString(value.readId, 200) ? { op: 'save', readId: value.readId } : null;
    case 'save-page': {
      const page = value.page;
      return isRecord(page) && isString(page.url) && isString(page.title, 10_000) ? { op: 'save-page', page: { url: page.url, title: page.title } } : null;
    }
    case 'remove':
      return isString(value.id, 200) ? { op: 'remove', id: value.id } : null;
    case 'restore': {
      const item = sanitizeQueueItem(value.item);
      return item ? { op: 'restore', item } : null;
    }
    case 'set-state':
      return isString(value.id, 200) && (value.state === 'read' || value.state === 'unread') ? { op: 'set-state', id: value.id, state: value.state } : null;
    case 'move': {
      const target = value.target;
      if (!isString(value.id, 200) || !isRecord(target)) return null;
      if (isString(target.beforeId, 200)) return { op: 'move', id: value.id, target: { beforeId: target.beforeId } };
      if (isString(target.afterId, 200)) return { op: 'move', id: value.id, target: { afterId: target.afterId } };
      return null;
    }
    case 'set-note':
      return isString(value.id, 200) && isString(value.note, 10_000) ? { op: 'set-note', id: value.id, note: value.note } : null;
    default:
      return null;
  }
}
