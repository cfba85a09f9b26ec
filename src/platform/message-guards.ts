/**
 * Checks on what arrives over runtime messaging. A content script lives inside a page Docent does
 * not trust, so the background accepts page data only from tabs, only in the shape and size the
 * content script produces, and UI requests only from Docent's own pages.
 */
import type { PageKeywords } from '@/src/keywords/types';
import { MAX_PAGE_TERMS, PAGE_FIELDS, type PageTerm } from '@/src/relevance/page-terms';
import type { Request } from './messages';

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
