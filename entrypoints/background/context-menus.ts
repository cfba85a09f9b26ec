/**
 * Context menu entries, flat (no submenu), removable in options:
 * "Docent: reads about “<selection>”" on selected text, "Save link to Docent queue" on
 * links, "Save page to Docent queue" on pages. Try them on any web page.
 */
import { browser, type Browser } from 'wxt/browser';
import { contextMenusSetting } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { exposeHandlers } from '@/src/platform/background-hooks';
import { searchPageUrl } from '@/src/platform/tabs';
import { reportingSaveProblems } from './badge';
import { db } from '@/src/db';
import { savePage } from '@/src/queue/repository';

export const MENU_IDS = {
  searchSelection: 'docent-search-selection',
  saveLink: 'docent-save-link',
  savePage: 'docent-save-page',
} as const;

/** Recreate the entries from scratch so a toggle or an update never leaves duplicates. */
export async function syncContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  if (!(await contextMenusSetting.getValue())) return;
  browser.contextMenus.create({ id: MENU_IDS.searchSelection, title: t('menu_search_selection'), contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_IDS.saveLink, title: t('menu_save_link'), contexts: ['link'] });
  browser.contextMenus.create({ id: MENU_IDS.savePage, title: t('menu_save_page'), contexts: ['page'] });
}

export type MenuClick = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'selectionText' | 'linkUrl' | 'pageUrl'> & {
  /** The link's text, when the browser reports it (Firefox does; Chrome does not). */
  linkText?: string;
};

export async function handleContextMenuClick(info: MenuClick, tab?: { id?: number; title?: string; url?: string }): Promise<void> {
  switch (info.menuItemId) {
    case MENU_IDS.searchSelection:
      await browser.tabs.create({ url: searchPageUrl(info.selectionText ?? '') });
      return;
    case MENU_IDS.saveLink:
      if (!info.linkUrl) throw new Error('The context menu reported no link to save');
      const { linkUrl, linkText } = info;
      await reportingSaveProblems(tab?.id, () => savePage(db, { url: linkUrl, title: linkText?.trim() || linkUrl }));
      return;
    case MENU_IDS.savePage: {
      const url = tab?.url ?? info.pageUrl;
      if (!url) throw new Error('The context menu reported no page to save');
      await reportingSaveProblems(tab?.id, () => savePage(db, { url, title: tab?.title || url }));
      return;
    }
  }
}

export function registerContextMenus(): void {
  browser.runtime.onInstalled.addListener(() => void syncContextMenus());
  browser.runtime.onStartup.addListener(() => void syncContextMenus());
  contextMenusSetting.watch(() => void syncContextMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    handleContextMenuClick(info as MenuClick, tab).catch((error) => console.error('Docent: context menu action failed', error));
  });

  exposeHandlers({ handleContextMenuClick, syncContextMenus });
}
