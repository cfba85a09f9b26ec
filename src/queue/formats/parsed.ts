/** What every import parser returns: entries found in the file, and the parts it had to reject with a reason. */
import type { QueueItem, QueueState } from '../types';

/** Where in the file a problem or an entry is ("line 12", "item 3", a title), so the preview can point at it. */
export type Rejection = { where: string; reason: string };

/** A link from a format that carries less than a full queue item (bookmarks, Markdown, Pocket CSV). */
export type ImportedLink = {
  title: string;
  url: string;
  state: QueueState;
  addedAt: number | null;
  readAt: number | null;
  tags: string[];
  note: string;
};

export type ImportEntry =
  | { kind: 'item'; where: string; item: QueueItem }
  /** `folder`: the bookmark folder holding the link (bookmarks HTML only), used as a user source's section. */
  | { kind: 'link'; where: string; link: ImportedLink; folder?: string };

export type ParseResult = { ok: true; entries: ImportEntry[]; rejected: Rejection[] } | { ok: false; error: string };

/** Decodes the HTML entities bookmark files use (named basics and numeric references). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#')) {
      const value = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return Number.isFinite(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
