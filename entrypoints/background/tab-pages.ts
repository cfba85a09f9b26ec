/**
 * Per-tab page keywords and related reads. Keeps what each tab's content script reported (in
 * memory, mirrored to `storage.session` so a restarted service worker still knows; session
 * storage dies with the browser session and entries die with their tab or its navigation),
 * answers the popup's `tab-related` by ranking against the reads in IndexedDB, and reads a page
 * on demand (activeTab + scripting) when no content script has reported yet.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PageKeywords } from '@/src/keywords/types';
import type { TabRelated } from '@/src/platform/messages';
import { onMessage } from '@/src/platform/messaging';
import { sanitizePageKeywords } from '@/src/platform/message-guards';
import { emitTabRelatedChanged } from '@/src/platform/tab-events';
import { exposeHandlers } from '@/src/platform/background-hooks';
import { DOCS_CONTENT_SCRIPT_FILE } from '@/src/platform/permissions';
import { readDecisionFor } from './site-decisions';
import { mayReadWhenAsked } from '@/src/sites/site-policy';
import { db, fromStoredRead, readsRevision } from '@/src/db';
import { createCatalogueIndex, relatedForPage, type CatalogueIndex } from '@/src/relevance';
import { TabKeywordStore, unreadableReason } from '@/src/ranking/tab-pages';
import { catalogueReady } from './catalogue-loader';
import { isSampleDocsUrl } from '@/src/welcome/sample-docs';

/** How long to wait for an on-demand read to report before answering "unknown". */
const ON_DEMAND_TIMEOUT_MS = 3000;

const sessionPages = storage.defineItem<[number, PageKeywords][]>('session:tabPages', { fallback: [] });

let store: Promise<TabKeywordStore> | undefined;
/** The store, restored from session storage on the first use after the worker (re)started. */
function tabPages(): Promise<TabKeywordStore> {
  store ??= sessionPages.getValue().then(
    (entries) => new TabKeywordStore(entries),
    () => new TabKeywordStore(),
  );
  return store;
}

async function persist(pages: TabKeywordStore): Promise<void> {
  await sessionPages.setValue(pages.entries()).catch((error: unknown) => console.error('[docent] could not keep tab keywords', error));
}

/** Tab id → callbacks waiting for that tab's next page-keywords (on-demand reads). */
const waitingForKeywords = new Map<number, ((page: PageKeywords) => void)[]>();

let cachedIndex: { revision: string; index: Promise<CatalogueIndex> } | undefined;
/** The related-reads index, rebuilt only when the reads changed (catalogue update, user sources). */
export async function relatedIndex(): Promise<{ revision: string; index: CatalogueIndex }> {
  await catalogueReady();
  const revision = String(await readsRevision.current());
  if (cachedIndex?.revision !== revision) {
    const index = db.reads.toArray().then((stored) => createCatalogueIndex(stored.map(fromStoredRead)));
    cachedIndex = { revision, index };
    index.catch(() => {
      if (cachedIndex?.index === index) cachedIndex = undefined; // retry next time
    });
  }
  return { revision, index: await cachedIndex.index };
}

/**
 * Each tab's last answer, kept while the tab shows the same reported page and the reads are
 * unchanged: the page is ranked once when its content script reports (for the badge), and the
 * popup opened afterwards gets that answer without ranking again.
 */
const answers = new Map<number, { page: PageKeywords; revision: string; answer: TabRelated }>();

/**
 * Pages whose keywords Docent may keep: readable pages on sites it may read when asked (the popup),
 * and the extension's own sample documentation page (the welcome page's demo), which reads itself.
 */
async function mayKeep(url: string): Promise<boolean> {
  if (isSampleDocsUrl(url, browser.runtime.getURL('/'))) return true;
  return unreadableReason(url) === null && mayReadWhenAsked(await readDecisionFor(url));
}

async function rankTab(tabId: number, page: PageKeywords): Promise<TabRelated> {
  const { revision, index } = await relatedIndex();
  const known = answers.get(tabId);
  if (known?.page === page && known.revision === revision) return known.answer;
  const { keywords, related } = relatedForPage(page, index);
  const result: TabRelated = {
    tabId,
    url: page.url,
    title: page.title,
    status: related.length > 0 ? 'related' : 'unrelated',
    related,
    keywords,
  };
  answers.set(tabId, { page, revision, answer: result });
  emitTabRelatedChanged(tabId, result);
  return result;
}

function waitForKeywords(tabId: number): Promise<PageKeywords | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const waiting = waitingForKeywords.get(tabId)?.filter((callback) => callback !== onPage) ?? [];
      if (waiting.length > 0) waitingForKeywords.set(tabId, waiting);
      else waitingForKeywords.delete(tabId);
      resolve(undefined);
    }, ON_DEMAND_TIMEOUT_MS);
    const onPage = (page: PageKeywords) => {
      clearTimeout(timer);
      resolve(page);
    };
    waitingForKeywords.set(tabId, [...(waitingForKeywords.get(tabId) ?? []), onPage]);
  });
}

/** Inject the docs content script into the tab and wait for its report. Undefined when the browser refuses or it times out. */
async function readOnDemand(tabId: number): Promise<PageKeywords | undefined> {
  const reported = waitForKeywords(tabId);
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [`/${DOCS_CONTENT_SCRIPT_FILE}`] });
  } catch {
    return undefined; // no activeTab grant, or a page the browser protects
  }
  return reported;
}

const emptyAnswer = (tabId: number, url: string, title: string, status: TabRelated['status']): TabRelated => ({
  tabId,
  url,
  title,
  status,
  related: [],
  keywords: [],
});

/** The popup's question: what is related to the page in this tab? */
export async function tabRelated(tabId: number): Promise<TabRelated> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const title = tab.title ?? '';
  if (!(await mayKeep(url))) return emptyAnswer(tabId, url, title, 'unreadable');
  const known = (await tabPages()).get(tabId, url);
  const page = known ?? (await readOnDemand(tabId));
  if (!page) return emptyAnswer(tabId, url, title, 'unknown');
  return rankTab(tabId, page);
}

async function keepPageKeywords(tabId: number, page: PageKeywords): Promise<void> {
  if (!(await mayKeep(page.url))) return;
  const pages = await tabPages();
  pages.set(tabId, page);
  await persist(pages);
  const waiting = waitingForKeywords.get(tabId) ?? [];
  waitingForKeywords.delete(tabId);
  // An on-demand read is ranked by the popup's pending `tab-related`; otherwise rank now for the badge.
  if (waiting.length > 0) for (const resolve of waiting) resolve(page);
  else await rankTab(tabId, page);
}

export function registerTabPages(): void {
  onMessage('page-keywords', async ({ page: reported }, sender) => {
    const tabId = sender.tab?.id;
    const page = sanitizePageKeywords(reported);
    if (tabId !== undefined && page) {
      // The tab's own URL wins over what the page claims (a page cannot speak for another).
      const url = sender.tab?.url ?? page.url;
      await keepPageKeywords(tabId, { ...page, url }).catch((error: unknown) =>
        console.error('[docent] could not rank the page', error),
      );
    }
    return { ok: true };
  });
  onMessage('tab-related', ({ tabId }) => tabRelated(tabId));
  // For the e2e suite and the worker console: what the background holds for a tab, without re-reading it.
  exposeHandlers({ tabRelated, tabKeywords: async (tabId: number) => (await tabPages()).entries().find(([id]) => id === tabId)?.[1] });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url === undefined) return;
    const url = change.url;
    if (answers.get(tabId)?.answer.url !== url) answers.delete(tabId);
    void tabPages().then((pages) => (pages.navigated(tabId, url) ? persist(pages) : undefined));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    waitingForKeywords.delete(tabId);
    answers.delete(tabId);
    void tabPages().then((pages) => (pages.closed(tabId) ? persist(pages) : undefined));
  });
}
