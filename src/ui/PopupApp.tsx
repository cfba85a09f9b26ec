/**
 * The toolbar popup: Related / Search / Saved tabs over one target tab.
 * Related paints first from the background's answer; the search index is built after that paint.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';
import type { Facet } from '@/src/search/types';
import type { TabRelated } from '@/src/platform/messages';
import { searchEngineSetting } from '@/src/platform/settings';
import { useSetting } from './use-setting';
import { targetTabId } from '@/src/platform/tabs';
import { t, type MessageKey } from '@/src/platform/i18n';
import { loadCatalogueSearch, queueActions, relatedReadsFor, useQueue, type CatalogueSearch } from './data';
import { adjacentView, cardKeyTarget, escapeAction, isTyping, nextRowIndex, viewForKey, views, type View } from './keyboard';
import { findByUrl, unreadSummary } from '@/src/queue/rules';
import { RelatedView, type RelatedState } from './views/RelatedView';
import { SearchView, sameFacet } from './views/SearchView';
import { useLazyModule } from './use-lazy-module';
import { SkeletonList } from './ReadCard';
import { Snackbar, type SnackbarMessage } from './Snackbar';
import type { CardRead } from './ReadCard';
import { StorageNotice } from './StorageNotice';
import { WhatsNewNotice } from './WhatsNewNotice';
import { ThreadPanel, useThread } from './thread';

const viewLabel: Record<View, MessageKey> = { related: 'tabRelated', search: 'tabSearch', saved: 'tabSaved' };

/** An off-topic page goes straight to search; unreadable or not-yet-read pages keep their explanation in Related. */
function isOffTopic(tab: TabRelated): boolean {
  return tab.status === 'unrelated' || (tab.status === 'related' && tab.related.length === 0);
}

function focusRow(row: Element | undefined) {
  const primary = row?.querySelector<HTMLElement>('[data-primary]');
  primary?.focus();
  primary?.scrollIntoView({ block: 'nearest' });
}

/** The Saved view's code (notes, filters, export) is not needed for the first paint: it loads when Saved is opened, or once Related has painted. */
const loadSavedView = () => import('./views/SavedView');

/** `popup.html?q=…` (omnibox, selection menu, side panel tags) opens straight into Search with that query. */
const linkedQuery = new URLSearchParams(location.search).get('q')?.trim() || null;

export function PopupApp() {
  const [view, setView] = useState<View>(linkedQuery ? 'search' : 'related');
  const [related, setRelated] = useState<RelatedState>({ kind: 'loading' });
  const engine = useSetting(searchEngineSetting)[0] ?? searchEngineSetting.fallback;
  const [catalogue, setCatalogue] = useState<CatalogueSearch | null>(null);
  const [catalogueFailed, setCatalogueFailed] = useState(false);
  const [query, setQuery] = useState(linkedQuery ?? '');
  const [facets, setFacets] = useState<Facet[]>([]);
  const [snackbar, setSnackbar] = useState<SnackbarMessage | null>(null);
  const queue = useQueue();
  const savedIds = useMemo(() => new Set((queue ?? []).map((item) => item.id)), [queue]);
  const unread = unreadSummary(queue ?? []).count;
  const userPickedView = useRef(linkedQuery !== null);
  const panelRef = useRef<HTMLDivElement>(null);
  const thread = useThread();
  const saved = useLazyModule(loadSavedView, view === 'saved' || related.kind !== 'loading');

  useEffect(() => {
    targetTabId()
      .then((tabId) => {
        if (tabId === null) throw new Error('No tab to describe');
        return relatedReadsFor(tabId);
      })
      .then((tab) => {
        setRelated({ kind: 'ready', tab });
        if (isOffTopic(tab) && !userPickedView.current) setView('search');
      })
      .catch((error) => {
        console.error('Docent: related reads unavailable', error);
        setRelated({ kind: 'failed' });
      });
  }, []);

  // The search index (tens of ms at the bundled size, seconds at 100k reads) is built as soon as
  // Search is wanted, or ahead of need once Related has painted when the catalogue is small: it
  // never delays the first related read.
  const wantsSearchIndex = view === 'search' ? 'now' : related.kind !== 'loading' ? 'if-small' : null;
  const latestWant = useRef(wantsSearchIndex);
  latestWant.current = wantsSearchIndex;
  const searchIndexLoading = useRef(false);
  useEffect(() => {
    if (!wantsSearchIndex || searchIndexLoading.current) return;
    searchIndexLoading.current = true;
    const load = (onlyIfSmall: boolean): Promise<void> =>
      loadCatalogueSearch({ onlyIfSmall }).then((search) => {
        if (search) return setCatalogue(search);
        // Too large to build ahead of need: now if Search was opened meanwhile, else when it opens.
        if (latestWant.current === 'now') return load(false);
        searchIndexLoading.current = false;
      });
    const start = () =>
      load(wantsSearchIndex === 'if-small').catch((error) => {
        console.error('Docent: search index failed', error);
        setCatalogueFailed(true);
      });
    // Wanted now: right after this frame. Ahead of need: when the popup is idle, so a key pressed
    // just after Related painted is not kept waiting behind the build.
    if (wantsSearchIndex === 'now') requestAnimationFrame(() => setTimeout(start));
    else requestIdleCallback(start, { timeout: 1000 });
  }, [wantsSearchIndex]);

  const switchView = (next: View) => {
    userPickedView.current = true;
    thread.clear();
    setView(next);
  };

  const showTag = (tag: string) => {
    const facet: Facet = { kind: 'tag', value: tag };
    if (!facets.some((existing) => sameFacet(existing, facet))) setFacets([...facets, facet]);
    switchView('search');
  };

  const remove = async (item: QueueItem) => {
    const removed = await queueActions.remove(item.id);
    if (removed) setSnackbar({ text: t('removedSnack', item.title), undo: () => queueActions.restore(removed) });
  };

  // The tab's own page, saveable like a read (the Pocket gesture); its queue id is derived from its URL.
  // Memoised: looking it up parses every queued link, and a keystroke in Search re-renders the popup.
  const tabPage = useMemo(() => {
    if (related.kind !== 'ready' || !/^https?:/.test(related.tab.url)) return undefined;
    const { url, title } = related.tab;
    // Saved as this page, or as the catalogue read with the same link: either way the page is in the queue.
    const saved = queue ? findByUrl(queue, url) : undefined;
    return {
      saved: saved !== undefined,
      onToggleSave: () => void (saved ? remove(saved) : queueActions.savePage({ url, title })),
    };
  }, [related, queue]);

  const openThread = (read: CardRead, origin: HTMLElement | null) => thread.open(read, origin);

  const toggleSave = (read: Read) => {
    const saved = queue?.find((item) => item.id === read.id);
    if (saved) void remove(saved);
    else void queueActions.save(read);
  };

  // One document-level listener, reading the latest state through a ref. Attached as the first
  // render commits (a layout effect), not after the first frame: a key pressed the moment the
  // popup opens (Alt+Shift+D, then 3) must not be lost.
  const latest = useRef({ view, query, facets, thread });
  latest.current = { view, query, facets, thread };
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const { view: current, query: currentQuery, facets: currentFacets, thread: currentThread } = latest.current;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
      const searchInput = () => panelRef.current?.querySelector<HTMLInputElement>('[data-search-input]');
      // The list the keys move through: the top step of a More-like-this thread, else the view.
      const scope = panelRef.current?.querySelector('[data-thread-top]') ?? panelRef.current;
      const listInput = () =>
        scope?.querySelector<HTMLElement>('[data-thread-back]') ?? scope?.querySelector<HTMLElement>('[data-search-input], [data-list-input]');

      if (event.key === 'Escape') {
        // Esc leaves a More-like-this step before it clears anything in the view underneath.
        if (currentThread.back()) {
          event.preventDefault();
          return;
        }
        if (current !== 'search') return;
        const action = escapeAction(currentQuery, currentFacets.length);
        if (!action) return;
        event.preventDefault();
        if (action === 'clear-query') setQuery('');
        else setFacets([]);
        searchInput()?.focus();
        return;
      }
      if (plain && !isTyping(target)) {
        const picked = viewForKey(event.key) ?? (event.key === '/' ? 'search' : null);
        if (picked) {
          event.preventDefault();
          switchView(picked);
          if (picked === 'search') requestAnimationFrame(() => searchInput()?.focus());
          else document.getElementById(`tab-${picked}`)?.focus();
          return;
        }
      }
      if (!plain) return;
      const rows = Array.from(scope?.querySelectorAll('[data-row]') ?? []);
      if (target?.getAttribute('role') === 'tab') {
        const next = adjacentView(current, event.key);
        if (next) {
          event.preventDefault();
          switchView(next);
          document.getElementById(`tab-${next}`)?.focus();
        } else if (event.key === 'ArrowDown' && rows.length) {
          event.preventDefault();
          focusRow(rows[0]);
        }
        return;
      }
      const row = target?.closest('[data-row]');
      // A note being written keeps its keys (arrows move the caret, letters are text).
      if (row && isTyping(target)) return;
      const control = row ? cardKeyTarget(event.key) : null;
      if (row && control) {
        const button = row.querySelector<HTMLElement>(control);
        if (button) {
          event.preventDefault();
          button.click();
        }
        return;
      }
      const fromInput = target?.matches('[data-search-input], [data-list-input], [data-thread-back]') && event.key === 'ArrowDown';
      if (!row && !fromInput) return;
      const next = nextRowIndex(row ? rows.indexOf(row) : -1, event.key, rows.length);
      if (next === null) return;
      event.preventDefault();
      if (next === -1) listInput()?.focus();
      else focusRow(rows[next]);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const notice = related.kind === 'ready' && isOffTopic(related.tab) ? t('pageUnrelated') : undefined;

  return (
    <div class="popup">
      <header class="topbar">
        <h1 class="brand">
          <svg class="brand-mark" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <rect x="2" y="2" width="20" height="20" rx="6" fill="currentColor" />
            <path d="M8 7h4.5a5 5 0 0 1 0 10H8z" fill="none" stroke="var(--c-on-accent)" stroke-width="2.2" />
          </svg>
          {t('extName')}
        </h1>
        <div class="tabs" role="tablist" aria-label={t('viewsLabel')}>
          {views.map((name, index) => (
            <button
              key={name}
              id={`tab-${name}`}
              type="button"
              role="tab"
              class="tab"
              aria-selected={view === name}
              aria-controls="panel"
              tabIndex={view === name ? 0 : -1}
              title={t('tabShortcut', index + 1)}
              onClick={() => switchView(name)}
            >
              {t(viewLabel[name])}
              {name === 'saved' && unread > 0 ? <span class="tab-count">{unread}</span> : null}
            </button>
          ))}
        </div>
      </header>

      <StorageNotice />
      <WhatsNewNotice />

      <main class="main">
        <div id="panel" class="panel" role="tabpanel" aria-labelledby={`tab-${view}`} ref={panelRef}>
          <ThreadPanel
            thread={thread}
            engine={engine}
            savedIds={savedIds}
            onToggleSave={toggleSave}
            onTag={showTag}
            onMoreLikeThis={openThread}
            base={view === 'related' ? (
            <RelatedView
              state={related}
              engine={engine}
              savedIds={savedIds}
              onToggleSave={toggleSave}
              onTag={showTag}
              page={tabPage}
              onSearch={() => switchView('search')}
              onMoreLikeThis={openThread}
            />
          ) : view === 'search' ? (
            <SearchView
              catalogue={catalogue}
              catalogueFailed={catalogueFailed}
              query={query}
              facets={facets}
              onQuery={setQuery}
              onFacets={setFacets}
              engine={engine}
              savedIds={savedIds}
              onToggleSave={toggleSave}
              onMoreLikeThis={openThread}
              notice={notice}
            />
          ) : !saved ? (
            <SkeletonList rows={3} />
          ) : (
            <saved.SavedView
              items={queue}
              engine={engine}
              onTag={showTag}
              onRemove={(item) => void remove(item)}
              onSetState={(item, state) => void queueActions.setState(item.id, state)}
              onMove={(id, target) =>
                void ('beforeId' in target
                  ? queueActions.moveBefore(id, target.beforeId)
                  : queueActions.moveAfter(id, target.afterId))
              }
              onSetNote={(item, note) => void queueActions.setNote(item.id, note)}
              onMoreLikeThis={openThread}
            />
          )}
          />
        </div>

        {snackbar ? <Snackbar message={snackbar} onDone={() => setSnackbar(null)} /> : null}
      </main>

      <footer class="hints" aria-label={t('keyboardHints')}>
        <span><kbd>↑↓</kbd> {t('hintMove')}</span>
        <span><kbd>↵</kbd> {t('hintOpen')}</span>
        <span><kbd>S</kbd> {t('hintSave')}</span>
        <span><kbd>M</kbd> {t('hintMore')}</span>
        {thread.steps.length > 0 ? (
          <span><kbd>Esc</kbd> {t('hintBack')}</span>
        ) : view === 'saved' ? (
          <span><kbd>Alt</kbd><kbd>↑↓</kbd> {t('hintReorder')}</span>
        ) : (
          <span><kbd>Esc</kbd> {t('hintClear')}</span>
        )}
      </footer>
    </div>
  );
}
