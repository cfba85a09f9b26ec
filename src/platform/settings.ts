/**
 * User settings, persisted with wxt storage. Preferences live in the sync area so they follow
 * the user; site grants live in the local area because permissions belong to one browser.
 * Each item carries a version; a format change bumps it and adds a migration beside it.
 * The items are marked pure: WXT reads an item's value as it is defined, so a bundle that never
 * uses an item (the content script needs only the site lists) must not define it at all.
 */
import { storage } from 'wxt/utils/storage';
import { normaliseHostEntry, type SiteLists } from '@/src/sites/site-policy';

export type SearchEngine = 'duckduckgo' | 'google' | 'bing' | 'kagi' | 'startpage';

export const searchEngineSetting = /* @__PURE__ */ storage.defineItem<SearchEngine>('sync:searchEngine', {
  fallback: 'duckduckgo',
  version: 1,
});

/** Entries that still normalise to a host, deduplicated, in their original order. */
export function normaliseExcludedHosts(entries: readonly unknown[]): string[] {
  const hosts = new Set<string>();
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    try {
      hosts.add(normaliseHostEntry(entry));
    } catch {
      // An entry that was never a host name cannot exclude anything; dropping it is safe.
    }
  }
  return [...hosts];
}

/**
 * Hosts the user never wants read (a host also covers its subdomains).
 * v1 stored the entries as typed ("https://Mail.Example.com/inbox"); v2 stores bare,
 * lower-case host names so the background and content script can compare them directly.
 */
export const excludedHostsSetting = /* @__PURE__ */ storage.defineItem<string[]>('sync:excludedHosts', {
  fallback: [],
  version: 2,
  migrations: {
    2: (typedEntries: unknown) => (Array.isArray(typedEntries) ? normaliseExcludedHosts(typedEntries) : []),
  },
});

/** Match patterns the user granted through optional host permissions (beyond the doc sites). */
export const grantedSitesSetting = /* @__PURE__ */ storage.defineItem<string[]>('local:grantedSites', {
  fallback: [],
  version: 1,
});

/** Whether Docent adds its entries to the page's context menu. */
export const contextMenusSetting = /* @__PURE__ */ storage.defineItem<boolean>('sync:contextMenus', {
  fallback: true,
  version: 1,
});

/**
 * Whether this browser's queue goes through the browser's sync storage. Local, not synced:
 * consent to put the queue in the browser account's sync is each browser's own.
 */
export const queueSyncSetting = /* @__PURE__ */ storage.defineItem<boolean>('local:queueSync', {
  fallback: true,
  version: 1,
});

export type Theme = 'system' | 'light' | 'dark';

export const themeSetting = /* @__PURE__ */ storage.defineItem<Theme>('sync:theme', {
  fallback: 'system',
  version: 1,
});

/** The exclude and grant lists as the site policy needs them. */
export async function readSiteLists(): Promise<SiteLists> {
  const [excluded, granted] = await Promise.all([excludedHostsSetting.getValue(), grantedSitesSetting.getValue()]);
  return { excluded, granted };
}

/** The extension version that ran last in this profile (src/welcome/first-run.ts); null before the first run. */
export const lastRunVersionSetting = /* @__PURE__ */ storage.defineItem<string | null>('local:lastRunVersion', {
  fallback: null,
  version: 1,
});

/**
 * The version whose one-line "what's new" the popup shows until the user dismisses it; null when
 * there is nothing to tell. Set by an update (src/welcome/first-run.ts), local to this browser.
 */
export const whatsNewSetting = /* @__PURE__ */ storage.defineItem<string | null>('local:whatsNew', {
  fallback: null,
  version: 1,
});
