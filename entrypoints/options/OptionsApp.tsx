/** The options page: one section per thing the user can decide, each saved as soon as it changes. */
import { contextMenusSetting, searchEngineSetting, themeSetting, type SearchEngine, type Theme } from '@/src/platform/settings';
import { t, type MessageKey } from '@/src/platform/i18n';
import { useSetting } from '@/src/ui/use-setting';
import { CatalogueSection } from './CatalogueSection';
import { SiteAccessSection } from './SiteAccessSection';
import { ExcludeListSection } from './ExcludeListSection';
import { ShortcutsSection } from './ShortcutsSection';
import { QueueFilesSection } from './QueueFilesSection';
import { UserSourcesSection } from './UserSourcesSection';
import { SyncSection } from './SyncSection';
import { StorageNotice } from '@/src/ui/StorageNotice';
import { WELCOME_PAGE_PATH } from '@/src/welcome/first-run';
import { openInNewTab } from '@/src/platform/tabs';
import { browser } from 'wxt/browser';

const SEARCH_ENGINES: Record<SearchEngine, string> = {
  duckduckgo: 'DuckDuckGo',
  google: 'Google',
  bing: 'Bing',
  kagi: 'Kagi',
  startpage: 'Startpage',
};

const THEMES: Record<Theme, MessageKey> = {
  system: 'options_theme_system',
  light: 'options_theme_light',
  dark: 'options_theme_dark',
};

function PreferencesSection() {
  const [engine, setEngine] = useSetting(searchEngineSetting);
  const [menusOn, setMenusOn] = useSetting(contextMenusSetting);
  const [theme, setTheme] = useSetting(themeSetting);
  return (
    <section class="options-section" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t('options_preferences_title')}</h2>
      <label class="options-row">
        <span>
          {t('options_search_engine')}
          <span class="options-hint">{t('options_search_engine_hint')}</span>
        </span>
        <select
          data-setting="search-engine"
          value={engine ?? undefined}
          onChange={(event) => void setEngine(event.currentTarget.value as SearchEngine)}
        >
          {Object.entries(SEARCH_ENGINES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label class="options-row">
        <span>
          {t('options_context_menus')}
          <span class="options-hint">{t('options_context_menus_hint')}</span>
        </span>
        <input
          type="checkbox"
          data-setting="context-menus"
          checked={menusOn ?? false}
          onChange={(event) => void setMenusOn(event.currentTarget.checked)}
        />
      </label>
      <fieldset class="options-row">
        <legend>{t('options_theme')}</legend>
        <div class="segmented" role="radiogroup">
          {(Object.keys(THEMES) as Theme[]).map((value) => (
            <label key={value} class="segment">
              <input
                type="radio"
                name="theme"
                value={value}
                checked={theme === value}
                onChange={() => void setTheme(value)}
              />
              {t(THEMES[value])}
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}

export function OptionsApp() {
  return (
    <main class="options">
      <header class="options-header">
        <h1>{t('options_page_title')}</h1>
        <button type="button" class="link-button" onClick={() => void openInNewTab(browser.runtime.getURL(WELCOME_PAGE_PATH))}>
          {t('options_welcome_link')}
        </button>
      </header>
      <StorageNotice />
      <PreferencesSection />
      <SiteAccessSection />
      <ExcludeListSection />
      <ShortcutsSection />
      <QueueFilesSection />
      <SyncSection />
      <UserSourcesSection />
      <CatalogueSection />
    </main>
  );
}
