/**
 * Toolbar badge: how many related reads the active tab has (blank when none is related
 * enough, or the site may not be read), and a queued variant of the icon when the page
 * itself is in the reading queue. A save from the context menu or the keyboard that failed
 * shows "!" and the reason in the title, since those have no page of their own to say it in.
 * Try it on https://kafka.apache.org/documentation/.
 */
import { browser } from 'wxt/browser';
import { liveQuery } from 'dexie';
import { db } from '@/src/db';
import { pageId } from '@/src/queue/page-url';
import type { TabRelated } from '@/src/platform/messages';
import { onTabRelatedChanged } from '@/src/platform/tab-events';
import { readDecisionFor } from './site-decisions';
import { mayReadWhenAsked } from '@/src/sites/site-policy';
import { excludedHostsSetting, grantedSitesSetting } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { isQuotaError } from '@/src/db';
import { QueueInputError } from '@/src/queue/rules';
import { isSampleDocsUrl } from '@/src/welcome/sample-docs';

// Firefox builds are MV2, where the toolbar button is `browserAction`.
// The badge/title/icon calls used here have the same shape in both.
const toolbarButton = () =>
  (import.meta.env.MANIFEST_VERSION === 2 ? browser.browserAction : browser.action) as typeof browser.action;
const BADGE_COLOR = '#2f5d50';
const PROBLEM_BADGE_COLOR = '#b3261e';
const ICON_SIZES = [16, 32, 48, 128] as const;
const iconPaths = (variant: 'icon' | 'icon-queued') =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `/icon/${variant === 'icon' ? '' : 'queued-'}${size}.png`]));

/**
 * The last related reads each tab announced; null after the tab navigated (nothing known
 * about the new page yet). A tab missing here was drawn by an earlier service worker, whose
 * per-tab badge the browser still shows, so it is left as it is.
 */
const relatedByTab = new Map<number, TabRelated | null>();
/** The icon each tab shows (the default one unless set); a tab missing here was never set by this worker. */
const iconByTab = new Map<number, 'icon' | 'icon-queued'>();
/** Why the last save from the menu or keyboard failed in a tab; cleared by its next navigation or when the queue gains or loses an item. */
const saveProblemByTab = new Map<number, string>();

function describeSaveProblem(error: unknown): string {
  if (isQuotaError(error)) return t('ext_badge_save_failed_full');
  // The rules' own sentence, e.g. "Cannot save this page: only http: and https: links are accepted, not ftp:".
  if (error instanceof QueueInputError) return error.message;
  return t('ext_badge_save_failed', (error instanceof Error ? error.message : String(error)).replace(/\.$/, ''));
}

/**
 * Runs a save started in the background (context menu, keyboard command) for `tabId`; when it
 * fails, the tab's badge shows "!" with the reason until the tab navigates or the queue gains or loses an item.
 * Rethrows, so the caller's log keeps the details.
 */
export async function reportingSaveProblems<T>(tabId: number | undefined, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (tabId !== undefined) {
      saveProblemByTab.set(tabId, describeSaveProblem(error));
      await renderTab(tabId);
    }
    throw error;
  }
}

function badgeTextFor(related: TabRelated | null, url: string): string {
  if (!related || related.url !== url || related.status !== 'related') return '';
  const count = related.related.length;
  if (count === 0) return '';
  return count > 99 ? '99+' : String(count);
}

async function isQueued(url: string): Promise<boolean> {
  if (!/^https?:/.test(url)) return false;
  const [savedPage, savedRead] = await Promise.all([db.queue.get(pageId(url)), db.queue.where('url').equals(url).first()]);
  return savedPage !== undefined || savedRead !== undefined;
}

/** Redraw the badge, icon and title of one tab from what is known about it now. */
async function renderTab(tabId: number): Promise<void> {
  let url: string;
  try {
    url = (await browser.tabs.get(tabId)).url ?? '';
  } catch {
    relatedByTab.delete(tabId); // the tab closed meanwhile
    return;
  }
  const [decision, queued] = await Promise.all([readDecisionFor(url), isQueued(url)]);
  // A page outside the automatic sites still gets a count once the user opened Docent on it
  // (read on demand); excluded and never-read sites never do.
  // The welcome page's sample documentation page counts like a documentation site.
  const countable = mayReadWhenAsked(decision) || isSampleDocsUrl(url, browser.runtime.getURL('/'));
  const known = relatedByTab.get(tabId);
  let text: string;
  try {
    text = !countable ? '' : known !== undefined ? badgeTextFor(known, url) : await toolbarButton().getBadgeText({ tabId });
  } catch {
    return; // the tab closed meanwhile
  }
  const problem = saveProblemByTab.get(tabId);
  const title = [t('extName'), problem ?? '', text ? t('ext_badge_related', text) : '', queued ? t('ext_badge_queued') : '']
    .filter(Boolean)
    .join(' — ');
  const icon = queued ? 'icon-queued' : 'icon';
  try {
    await Promise.all([
      toolbarButton().setBadgeText({ tabId, text: problem ? '!' : text }),
      toolbarButton().setBadgeBackgroundColor({ tabId, color: problem ? PROBLEM_BADGE_COLOR : BADGE_COLOR }),
      toolbarButton().setTitle({ tabId, title }),
      // Drawing an icon costs the worker tens of milliseconds: only when it changes.
      iconByTab.get(tabId) === icon ? undefined : toolbarButton().setIcon({ tabId, path: iconPaths(icon) }),
    ]);
    iconByTab.set(tabId, icon);
  } catch {
    // The tab closed between the lookup and the update; nothing left to draw.
  }
}

/** Active tabs only: every other tab is redrawn when it is switched to. */
async function renderActiveTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ active: true });
  await Promise.all(tabs.flatMap((tab) => (tab.id === undefined ? [] : [renderTab(tab.id)])));
}

/** Wire the badge to tab changes, setting changes and queue changes. */
export function registerBadge(): void {
  onTabRelatedChanged((tabId, related) => {
    relatedByTab.set(tabId, related);
    void renderTab(tabId);
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) {
      relatedByTab.set(tabId, null);
      saveProblemByTab.delete(tabId);
      iconByTab.delete(tabId); // whether the browser kept it across navigation is not ours to assume
    }
    if (change.url !== undefined || change.status === 'complete') void renderTab(tabId);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void renderTab(tabId));
  browser.tabs.onRemoved.addListener((tabId) => {
    relatedByTab.delete(tabId);
    iconByTab.delete(tabId);
    saveProblemByTab.delete(tabId);
  });

  // Excluding a site or changing grants takes effect on open tabs at once.
  excludedHostsSetting.watch(() => void renderActiveTabs());
  grantedSitesSetting.watch(() => void renderActiveTabs());

  // Saving or removing anywhere (popup, side panel, context menu) flips the queued icon.
  let firstQueueSnapshot = true;
  liveQuery(() => db.queue.count()).subscribe({
    next: () => {
      if (firstQueueSnapshot) firstQueueSnapshot = false;
      else {
        // An item was saved or removed (space was freed, or a write from another page got through): earlier failures are history.
        const hadProblems = [...saveProblemByTab.keys()];
        saveProblemByTab.clear();
        void renderActiveTabs();
        for (const tabId of hadProblems) void renderTab(tabId);
      }
    },
    error: (error) => console.error('Docent: queue watch failed', error),
  });
}
