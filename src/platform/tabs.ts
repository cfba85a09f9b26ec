/** Tab helpers for the UI pages: which tab a view is about, and opening links. */
import { browser } from 'wxt/browser';

/**
 * The tab a popup or panel describes: `?tabId=N` in the page URL when present (the e2e
 * suite opens popup.html in a normal tab and points it at a fixture tab), else the
 * active tab of the current window.
 */
export async function targetTabId(pageUrl: string = location.href): Promise<number | null> {
  const fromQuery = new URL(pageUrl).searchParams.get('tabId');
  if (fromQuery !== null) {
    const tabId = Number(fromQuery);
    if (!Number.isInteger(tabId) || tabId < 0) throw new Error(`tabId must be a tab id, got "${fromQuery}"`);
    return tabId;
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/** The popup's search view, in a tab, with `query` filled in. */
export function searchPageUrl(query: string): string {
  return browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(query.trim())}`);
}

/** Open `url` in a new tab next to the current one, in the foreground. */
export async function openInNewTab(url: string): Promise<void> {
  await browser.tabs.create({ url, active: true });
}
