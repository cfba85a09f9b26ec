/**
 * What the background knows about each tab's page, without browser APIs (the background's
 * tab-pages manager wires this to tab events and to session storage). A tab's keywords live only
 * as long as the tab shows that page: navigating elsewhere or closing the tab forgets them.
 */
import type { PageKeywords } from '@/src/keywords/types';

/** The page a URL shows: the same document whatever its #fragment (in-page anchors do not re-read). */
export function pageKeyOf(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

const WEB_STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/**
 * Why no script can read `url`, or null when it is an ordinary web page: browser pages and
 * anything not http(s), the extension stores (browsers forbid scripts there), PDFs (rendered by
 * the browser's viewer, not a DOM of the document).
 */
export function unreadableReason(url: string): 'not-web' | 'web-store' | 'pdf' | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not-web';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not-web';
  const host = parsed.hostname.toLowerCase();
  if (WEB_STORE_HOSTS.includes(host) && (host !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))) return 'web-store';
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return null;
}

/** Tab id → the keywords its current page reported. Serialisable, for session storage. */
export class TabKeywordStore {
  private readonly pages = new Map<number, PageKeywords>();

  constructor(entries: Iterable<readonly [number, PageKeywords]> = []) {
    for (const [tabId, page] of entries) this.pages.set(tabId, page);
  }

  /** The tab's keywords, only if they were read from the page `url` shows. */
  get(tabId: number, url: string): PageKeywords | undefined {
    const page = this.pages.get(tabId);
    return page && pageKeyOf(page.url) === pageKeyOf(url) ? page : undefined;
  }

  set(tabId: number, page: PageKeywords): void {
    this.pages.set(tabId, page);
  }

  /** The tab now shows `url`: forget its keywords unless it is still the same page. Returns whether anything was forgotten. */
  navigated(tabId: number, url: string): boolean {
    const page = this.pages.get(tabId);
    if (!page || pageKeyOf(page.url) === pageKeyOf(url)) return false;
    this.pages.delete(tabId);
    return true;
  }

  /** The tab closed. Returns whether anything was forgotten. */
  closed(tabId: number): boolean {
    return this.pages.delete(tabId);
  }

  entries(): [number, PageKeywords][] {
    return [...this.pages];
  }
}
