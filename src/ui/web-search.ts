/** Where "Search the web" goes for reads the catalogue has no URL for (listing entries). */
import type { Read } from '@/src/catalogue/types';
import type { SearchEngine } from '@/src/platform/settings';
import { acceptedUrl } from '@/src/queue/page-url';

const searchPageOf: Record<SearchEngine, string> = {
  duckduckgo: 'https://duckduckgo.com/',
  google: 'https://www.google.com/search',
  bing: 'https://www.bing.com/search',
  kagi: 'https://kagi.com/search',
  startpage: 'https://www.startpage.com/do/search',
};

/** The query that finds the article itself: its exact title in quotes, then its source. */
export function webSearchQuery(read: Pick<Read, 'title' | 'source'>): string {
  const title = read.title.replace(/"/g, '').trim();
  return read.source.trim() ? `"${title}" ${read.source.trim()}` : `"${title}"`;
}

export function webSearchUrl(read: Pick<Read, 'title' | 'source'>, engine: SearchEngine): string {
  const base = searchPageOf[engine];
  if (!base) throw new Error(`Unknown search engine "${engine}"`);
  const url = new URL(base);
  url.searchParams.set('q', webSearchQuery(read));
  return url.toString();
}

/**
 * A read's own link if it is a web (http/https) address, else null. Catalogue, user-source and
 * synced entries are data: a `javascript:`, `data:` or `file:` link must never become something to open.
 */
export function webUrlOf(read: Pick<Read, 'url'>): string | null {
  if (read.url === null) return null;
  const checked = acceptedUrl(read.url);
  return checked.ok ? checked.url : null;
}

/** Where opening a read goes: its own web link, or a web search for it. */
export function openUrlFor(read: Pick<Read, 'title' | 'source' | 'url'>, engine: SearchEngine): string {
  return webUrlOf(read) ?? webSearchUrl(read, engine);
}
