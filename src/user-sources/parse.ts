/**
 * Turns a file the user chose into catalogue reads of their own: credited, tagged with the shared
 * vocabulary and checked like the bundled ones, so search and suggestions treat them alike.
 * Pure (no database); comparing against what the catalogue already holds is ./store's job.
 */
import { creditOf, lowercaseWords } from '@/src/catalogue/awesome';
import { fnv1a64, idForUrl } from '@/src/catalogue/ids';
import type { Read } from '@/src/catalogue/types';
import type { UserSourceKind } from '@/src/db';
import type { Rejection } from '@/src/queue/formats/parsed';
import { importSizeError, importSizeOf } from '@/src/queue/import';
import { acceptedUrl, normaliseUrl } from '@/src/queue/page-url';
import { deriveTags, findConcepts } from '@/src/vocabulary';
import { linksOfBookmarks, linksOfMarkdown, type SourceLink } from './links';

export type { Rejection };

export type ParsedUserSource = {
  ok: true;
  kind: UserSourceKind;
  /** Derived from the file name, so importing the same file again replaces the same source. */
  sourceId: string;
  /** Suggested display name: the list's own title, else the file name without its extension. */
  name: string;
  reads: Read[];
  /** Links left out, with why (not a web address, repeated in the file…). */
  rejected: Rejection[];
};
export type UserSourceParseFailure = { ok: false; error: string };
export type UserSourceParseResult = ParsedUserSource | UserSourceParseFailure;

export const USER_SOURCE_FILE_TYPES = '.md,.markdown,.html,.htm';

/** The id of the user source imported from a file called `fileName`. */
export function userSourceIdFor(fileName: string): string {
  return `user:${fnv1a64(fileName.trim().toLowerCase())}`;
}

/** The extension decides; content decides only for files named otherwise. */
function kindOf(fileName: string, text: string): UserSourceKind | null {
  const extension = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'md' || extension === 'markdown') return 'awesome-markdown';
  if (extension === 'html' || extension === 'htm') return 'bookmarks-html';
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (/^<!doctype\s+netscape-bookmark-file-1>/i.test(head)) return 'bookmarks-html';
  if (/\]\(\s*https?:/i.test(head)) return 'awesome-markdown';
  return null;
}

/** The shared derivation, plus concepts a user's own section name states ("Message queues"). */
function tagsOf(title: string, section: string | null): string[] {
  const fromSection = section ? findConcepts(section).map((match) => match.canonical) : [];
  return [...new Set([...deriveTags(title, section), ...fromSection])];
}

function toRead(link: SourceLink, url: string, sourceId: string, commonWords: ReadonlySet<string>): Read {
  const { source, author } = creditOf(link.title, url, commonWords);
  return {
    id: idForUrl(url),
    title: link.title,
    url,
    source,
    author,
    published: null,
    category: null,
    section: link.section,
    summary: link.description,
    tags: tagsOf(link.title, link.section),
    readMinutes: null,
    origin: 'user',
    userSourceId: sourceId,
  };
}

function parse(fileName: string, text: string): UserSourceParseResult {
  const tooBig = importSizeError(importSizeOf(text));
  if (tooBig) return { ok: false, error: tooBig };
  const kind = kindOf(fileName, text);
  if (!kind) {
    return { ok: false, error: 'Docent adds sources from a Markdown link list (.md, awesome-list style) or a bookmarks file (.html).' };
  }
  const found = kind === 'awesome-markdown' ? linksOfMarkdown(text) : linksOfBookmarks(text);
  if (!found.ok) return found;

  const sourceId = userSourceIdFor(fileName);
  // Words the file writes in lowercase are ordinary words, so "… at Scale" is not credited to "Scale".
  const commonWords = lowercaseWords(found.links.map((link) => `${link.title} ${link.description ?? ''}`));
  const rejected = [...found.rejected];
  const reads: Read[] = [];
  const firstSeen = new Map<string, string>();
  for (const link of found.links) {
    const accepted = acceptedUrl(link.url);
    if (!accepted.ok) {
      rejected.push({ where: link.where, reason: accepted.reason });
      continue;
    }
    const key = normaliseUrl(accepted.url);
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      rejected.push({ where: link.where, reason: `same link as ${earlier}` });
      continue;
    }
    firstSeen.set(key, link.where);
    reads.push(toRead(link, accepted.url, sourceId, commonWords));
  }
  if (reads.length === 0) {
    return { ok: false, error: `No usable links in this file: ${rejected.length} rejected (${rejected[0]?.reason ?? 'none found'}).` };
  }
  const name = found.listTitle ?? fileName.trim().replace(/\.[a-z]+$/i, '');
  return { ok: true, kind, sourceId, name: name || 'Untitled source', reads, rejected };
}

/** Parse a chosen file. Never throws: anything unexpected becomes a failure with a message. */
export function parseUserSource(fileName: string, text: string): UserSourceParseResult {
  try {
    return parse(fileName, text);
  } catch (error) {
    return { ok: false, error: `This file could not be read as a source: ${error instanceof Error ? error.message : String(error)}` };
  }
}
