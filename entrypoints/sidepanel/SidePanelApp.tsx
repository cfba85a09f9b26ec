/**
 * The side panel (Chrome) / sidebar (Firefox): the Related view for whichever tab is active
 * in this window, following the user as they switch tabs and navigate, with More like this on
 * every read (M on a focused read, Esc back).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Read } from '@/src/catalogue/types';
import { onMessage } from '@/src/platform/messaging';
import { searchEngineSetting } from '@/src/platform/settings';
import { useSetting } from '@/src/ui/use-setting';
import { t } from '@/src/platform/i18n';
import { targetTabId, openInNewTab, searchPageUrl } from '@/src/platform/tabs';
import { queueActions, relatedReadsFor, useQueue } from '@/src/ui/data';
import { RelatedView, type RelatedState } from '@/src/ui/views/RelatedView';
import { StorageNotice } from '@/src/ui/StorageNotice';
import { ThreadPanel, useThread } from '@/src/ui/thread';
import { cardKeyTarget, isTyping } from '@/src/ui/keyboard';

export function SidePanelApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [related, setRelated] = useState<RelatedState>({ kind: 'loading' });
  const engine = useSetting(searchEngineSetting)[0] ?? searchEngineSetting.fallback;
  const queue = useQueue();
  const savedIds = useMemo(() => new Set((queue ?? []).map((item) => item.id)), [queue]);
  const thread = useThread();
  const latestThread = useRef(thread);
  latestThread.current = thread;

  // Esc leaves a More-like-this step; S / M / E act on the focused read, as in the popup.
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape') {
        if (latestThread.current.back()) event.preventDefault();
        return;
      }
      const target = event.target instanceof HTMLElement ? event.target : null;
      const row = target?.closest('[data-row]');
      const control = row && !isTyping(target) ? cardKeyTarget(event.key) : null;
      const button = control ? row?.querySelector<HTMLElement>(control) : null;
      if (!button) return;
      event.preventDefault();
      button.click();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // Which tab to describe: the active one in this window, then every switch and navigation.
  useEffect(() => {
    let windowId: number | undefined;
    browser.windows.getCurrent().then((current) => (windowId = current.id));
    targetTabId().then(setTabId);
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  useEffect(() => {
    if (tabId === null) return;
    let current = true;
    const load = () =>
      relatedReadsFor(tabId)
        .then((tab) => current && setRelated({ kind: 'ready', tab }))
        .catch((error) => {
          console.error('Docent: related reads unavailable', error);
          if (current) setRelated({ kind: 'failed' });
        });
    setRelated({ kind: 'loading' });
    thread.clear(); // a thread belongs to the page it started from
    void load();
    const onUpdated = (updatedId: number, change: { url?: string; status?: string }) => {
      if (updatedId === tabId && (change.url !== undefined || change.status === 'complete')) void load();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    // The background announces new results as soon as the page's keywords arrive.
    onMessage('tab-related-changed', ({ related: fresh }) => {
      if (current && fresh.tabId === tabId) setRelated({ kind: 'ready', tab: fresh });
      return { ok: true };
    });
    return () => {
      current = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);

  const openTag = (tag: string) => void openInNewTab(searchPageUrl(tag));

  const toggleSave = (read: Read) => {
    const saved = queue?.find((item) => item.id === read.id);
    void (saved ? queueActions.remove(saved.id) : queueActions.save(read));
  };

  return (
    <div class="sidepanel">
      <header class="topbar">
        <span class="brand">{t('sidepanel_title')}</span>
      </header>
      <StorageNotice />
      <div class="panel" data-tab-id={tabId ?? undefined}>
        <ThreadPanel
          thread={thread}
          engine={engine}
          savedIds={savedIds}
          onToggleSave={toggleSave}
          onTag={openTag}
          onMoreLikeThis={(read, origin) => thread.open(read, origin)}
          base={
            <RelatedView
              state={related}
              engine={engine}
              savedIds={savedIds}
              onToggleSave={toggleSave}
              onTag={openTag}
              onSearch={() => void openInNewTab(searchPageUrl(''))}
              onMoreLikeThis={(read, origin) => thread.open(read, origin)}
            />
          }
        />
      </div>
    </div>
  );
}
