/** User settings, persisted with wxt storage (sync area, so they follow the user). */
import { storage } from 'wxt/utils/storage';

export type SearchEngine = 'duckduckgo' | 'google' | 'bing' | 'kagi' | 'startpage';

export const searchEngineSetting = storage.defineItem<SearchEngine>('sync:searchEngine', {
  fallback: 'duckduckgo',
  version: 1,
});
