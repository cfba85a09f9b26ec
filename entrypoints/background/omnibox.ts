/**
 * Omnibox keyword `dc`: "dc consistent hashing" suggests the best catalogue matches;
 * Enter opens the chosen read, or the search view with the query when none was chosen.
 */
import { browser } from 'wxt/browser';
import { db, readsRevision } from '@/src/db';
import { createCatalogueSearch, type CatalogueSearch } from '@/src/search';
import { searchEngineSetting } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { openUrlFor } from '@/src/ui/web-search';
import { exposeHandlers } from '@/src/platform/background-hooks';
import { catalogueReady } from './catalogue-loader';
import { searchPageUrl } from '@/src/platform/tabs';

const SUGGESTION_LIMIT = 6;

export type OmniboxSuggestion = { content: string; description: string };
export type OmniboxDisposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

let catalogueSearch: Promise<CatalogueSearch> | null = null;

/** The index is built on first use and rebuilt after the catalogue changes (update, import). */
function getCatalogueSearch(): Promise<CatalogueSearch> {
  catalogueSearch ??= catalogueReady()
    .then(() => db.reads.toArray())
    .then(createCatalogueSearch)
    .catch((error: unknown) => {
      catalogueSearch = null; // e.g. the catalogue could not be stored yet: the next search loads it again
      throw error;
    });
  return catalogueSearch;
}

/** Chrome renders descriptions as XML (so text must be escaped); Firefox shows plain text. */
function descriptionText(text: string): string {
  if (import.meta.env.FIREFOX) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export async function omniboxSuggestions(text: string): Promise<OmniboxSuggestion[]> {
  const query = text.trim();
  if (!query) return [];
  const [search, engine] = await Promise.all([getCatalogueSearch(), searchEngineSetting.getValue()]);
  return search.search(query, [], SUGGESTION_LIMIT).hits.map(({ read }) => ({
    content: openUrlFor(read, engine),
    description: descriptionText(`${read.title} — ${read.source}`),
  }));
}

/** Where Enter goes: a chosen suggestion is a read's URL; anything else is a query. */
export function omniboxTarget(text: string): string {
  return /^https?:\/\//.test(text) ? text : searchPageUrl(text);
}

export async function openOmniboxEntry(text: string, disposition: OmniboxDisposition): Promise<void> {
  const url = omniboxTarget(text);
  if (disposition === 'currentTab') await browser.tabs.update({ url });
  else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
}

export function registerOmnibox(): void {
  readsRevision.onChange(() => {
    catalogueSearch = null;
  });
  browser.omnibox.setDefaultSuggestion({ description: descriptionText(t('omnibox_default')) });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    omniboxSuggestions(text)
      .then(suggest)
      .catch((error) => console.error('Docent: omnibox search failed', error));
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    openOmniboxEntry(text, disposition).catch((error) => console.error('Docent: could not open omnibox entry', error));
  });

  exposeHandlers({ omniboxSuggestions, openOmniboxEntry });
}
