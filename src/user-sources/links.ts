/**
 * The links of a user-source file, before they become reads: an awesome-list style Markdown file
 * (list items starting with a link, grouped under headings) or a Netscape bookmarks file (links
 * grouped in folders). The heading or folder a link sits under becomes its section.
 */
import { parseBookmarksHtml } from '@/src/queue/formats/bookmarks-html';
import type { Rejection } from '@/src/queue/formats/parsed';
import { clip } from '@/src/queue/page-url';

/** One link as written in the file; `url` is unchecked. */
export type SourceLink = { title: string; url: string; section: string | null; description: string | null; where: string };

/** `listTitle`: the file's own name for the list (a Markdown "# Title"), if it has one. */
export type SourceLinks = { ok: true; listTitle: string | null; links: SourceLink[]; rejected: Rejection[] } | { ok: false; error: string };

const FENCE = /^\s{0,3}(?:```|~~~)/;
/** A closing run of "#" only counts after a space, as in CommonMark: "## C#" is the section "C#". */
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
/** A list item ("-", "*", "+" or "1."), with the rest of the line. */
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;
/**
 * A link opening the list item, optionally in bold: "[Title](url)", "**[Title](url)**". Lengths are
 * bounded and the match is anchored so a hostile line costs linear time; one level of parentheses
 * is allowed in the URL (Wikipedia-style "Raft_(algorithm)").
 */
const LEADING_LINK =
  /^(?:\*\*|__)?\[((?:\\.|[^\]\\]){0,500})\]\(\s*<?([^()\s<>]{0,4096}(?:\([^()\s<>]{0,512}\)[^()\s<>]{0,4096}){0,4})>?(?:\s+"[^"\n]{0,500}")?\s*\)(?:\*\*|__)?(.*)$/;
/** An image (a badge) or a link anywhere in a heading: images go, links keep their text. */
const INLINE_IMAGE = /!\[[^\]]{0,500}\]\([^)]{0,4096}\)/g;
const INLINE_LINK = /\[([^\]]{0,500})\]\([^)]{0,4096}\)/g;

/**
 * An escaped character, a code span, or a run of emphasis ("*a*", "**a**", "_a_") whose marks go
 * and text stays. Escaped characters are literal ("\\_" is "_"), and underscores inside a word
 * ("max_retries") or a lone asterisk ("A* search") are not marks.
 */
const INLINE_MARKUP =
  /\\([\\`*_{}[\]()<>#+!|~-])|(`+)([^`]+?)\2|(\*{1,3})(?=[^\s*])((?:\\.|[^*\\])*?(?:\\.|[^\s*\\]))\4|(?<![\p{L}\p{N}])(_{1,3})(?=[^\s_])((?:\\.|[^_\\])*?(?:\\.|[^\s_\\]))\6(?![\p{L}\p{N}])/gu;

function inlineText(markdown: string): string {
  return markdown.replace(
    INLINE_MARKUP,
    (_whole, escaped?: string, _ticks?: string, code?: string, _stars?: string, starred?: string, _underscores?: string, underlined?: string) =>
      escaped ?? code ?? inlineText(starred ?? underlined ?? ''),
  );
}

/** Plain text of a Markdown fragment: link text kept; images dropped; emphasis, code marks and escapes resolved. */
function plainText(markdown: string): string {
  return inlineText(markdown.replace(INLINE_IMAGE, '').replace(INLINE_LINK, '$1'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** "… - A description." after the link, without its separator; null when there is none. */
function descriptionAfterLink(rest: string): string | null {
  const text = plainText(rest.replace(/^\s*[-–—:|]\s*/, ''));
  return text === '' ? null : text;
}

export function linksOfMarkdown(text: string): SourceLinks {
  const links: SourceLink[] = [];
  const rejected: Rejection[] = [];
  let listTitle: string | null = null;
  let section: string | null = null;
  let inCodeBlock = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (FENCE.test(line)) {
        inCodeBlock = !inCodeBlock;
        return;
      }
      if (inCodeBlock) return;
      const heading = HEADING.exec(line);
      if (heading) {
        const name = plainText(heading[2]!);
        // The first top-level heading names the list; every other heading starts a section.
        if (heading[1] === '#' && listTitle === null && links.length === 0) listTitle = name || null;
        else section = name || null;
        return;
      }
      const item = LIST_ITEM.exec(line);
      const link = item && LEADING_LINK.exec(item[1]!);
      if (!link) return;
      const url = link[2]!.trim();
      const where = `line ${index + 1}`;
      // In-page anchors are the table of contents, not articles.
      if (url.startsWith('#')) return;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        rejected.push({ where, reason: url === '' ? 'link without a URL' : `relative link, not a web address: ${clip(url)}` });
        return;
      }
      links.push({ title: plainText(link[1]!) || url, url, section, description: descriptionAfterLink(link[3]!), where });
    });
  if (links.length === 0 && rejected.length === 0) {
    return { ok: false, error: 'No links found in this Markdown file (expected list items like "* [Title](https://…)" under "## Section" headings).' };
  }
  return { ok: true, listTitle, links, rejected };
}

/** The folders a browser puts every bookmark in; as a section they say nothing about the topic. */
const BROWSER_ROOT_FOLDERS = /^(bookmarks|bookmarks bar|bookmarks toolbar|bookmarks menu|other bookmarks|mobile bookmarks|favorites bar|favourites bar|unsorted bookmarks)$/i;

export function linksOfBookmarks(html: string): SourceLinks {
  const parsed = parseBookmarksHtml(html);
  if (!parsed.ok) return parsed;
  const links = parsed.entries.flatMap((entry): SourceLink[] => {
    if (entry.kind !== 'link') return [];
    const folder = entry.folder && !BROWSER_ROOT_FOLDERS.test(entry.folder) ? entry.folder : null;
    return [{ title: entry.link.title, url: entry.link.url, section: folder, description: entry.link.note || null, where: entry.where }];
  });
  return { ok: true, listTitle: null, links, rejected: parsed.rejected };
}
