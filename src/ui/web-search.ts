/** Where "Search the web" goes for reads the catalogue has no URL for (listing entries). */
import type { Read } from '@/src/catalogue/types';
import type { SearchEngine } from '@/src/platform/settings';

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

/** Where opening a read goes: its own URL, or a web search for it. */
export function openUrlFor(read: Pick<Read, 'title' | 'source' | 'url'>, engine: SearchEngine): string {
  return read.url ?? webSearchUrl(read, engine);
}
