/**
 * The first-run page (opened once on install, and from the options page): what Docent reads and
 * never sends, where it reads (the built-in documentation sites, or every site once the user
 * allows it with the browser's own prompt), a live demo on the bundled sample documentation page,
 * and the keyboard shortcuts. Layout and controls are the options page's.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES_PATTERN } from '@/src/sites/site-policy';
import { grantedSitesSetting } from '@/src/platform/settings';
import { requestSiteAccess, revokeSiteAccess } from '@/src/platform/permissions';
import { openInNewTab } from '@/src/platform/tabs';
import { t } from '@/src/platform/i18n';
import { useSetting } from '@/src/ui/use-setting';
import { docSiteEntries, type DocSiteEntry } from '@/src/welcome/site-list';
import { SAMPLE_DOCS_PATH } from '@/src/welcome/sample-docs';
import { ShortcutsSection } from '../options/ShortcutsSection';

const DOC_SITES = docSiteEntries();

function siteDetail(site: DocSiteEntry): string {
  if (site.paths.length > 0) return site.paths.join(', ');
  return site.subdomains ? t('welcome_sites_subdomains') : '';
}

function ReadingSection() {
  return (
    <section class="options-section" aria-labelledby="reads-title">
      <h2 id="reads-title">{t('welcome_reads_title')}</h2>
      <ul class="welcome-points">
        <li>{t('welcome_reads_what')}</li>
        <li>{t('welcome_reads_terms')}</li>
        <li>
          <strong>{t('welcome_reads_never_lead')}</strong> {t('welcome_reads_never')}
        </li>
      </ul>
    </section>
  );
}

function SitesSection() {
  const [granted] = useSetting(grantedSitesSetting);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const allSites = granted?.includes(ALL_SITES_PATTERN) ?? false;

  // The browser shows its prompt only inside the click's user gesture: request before any await.
  const allowAllSites = () => {
    requestSiteAccess([ALL_SITES_PATTERN])
      .then((allowed) => setOutcome(allowed ? { text: t('welcome_sites_granted'), error: false } : { text: t('welcome_sites_denied'), error: true }))
      .catch((error: Error) => setOutcome({ text: error.message, error: true }));
  };
  const keepDocSitesOnly = () => {
    revokeSiteAccess([ALL_SITES_PATTERN])
      .then(() => setOutcome({ text: t('welcome_sites_kept'), error: false }))
      .catch((error: Error) => setOutcome({ text: error.message, error: true }));
  };

  return (
    <section class="options-section" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('welcome_sites_title')}</h2>
      <p>{t('welcome_sites_intro', DOC_SITES.length)}</p>
      <p class="welcome-now" data-site-access={allSites ? 'all-sites' : 'doc-sites'}>
        <strong>{t('welcome_sites_now')}</strong> {allSites ? t('welcome_sites_now_all') : t('welcome_sites_now_docs')}
      </p>
      <div class="welcome-actions">
        {allSites ? (
          <button type="button" class="button" onClick={keepDocSitesOnly}>
            {t('welcome_sites_keep')}
          </button>
        ) : (
          <button type="button" class="button button-primary" onClick={allowAllSites}>
            {t('welcome_sites_allow_all')}
          </button>
        )}
      </div>
      {outcome ? (
        <p class={outcome.error ? 'options-message options-error' : 'options-message'} role="status">
          {outcome.text}
        </p>
      ) : null}
      <p class="options-hint">{t('welcome_sites_prompt_hint')}</p>
      <h3 id="doc-sites-title">{t('welcome_sites_list_title', DOC_SITES.length)}</h3>
      <ul class="welcome-sites" aria-labelledby="doc-sites-title">
        {DOC_SITES.map((site) => (
          <li key={`${site.domain}${site.subdomains ? '*' : ''}`}>
            <span>{site.domain}</span>
            {siteDetail(site) ? <span class="options-hint">{siteDetail(site)}</span> : null}
          </li>
        ))}
      </ul>
      <p class="options-hint">{t('options_sites_never_read')}</p>
    </section>
  );
}

function DemoSection() {
  return (
    <section class="options-section" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('welcome_demo_title')}</h2>
      <p>{t('welcome_demo_intro')}</p>
      <div class="welcome-actions">
        <button type="button" class="button button-primary" onClick={() => void openInNewTab(browser.runtime.getURL(SAMPLE_DOCS_PATH))}>
          {t('welcome_demo_open')}
        </button>
      </div>
      <p class="options-hint">{t('welcome_demo_pin')}</p>
    </section>
  );
}

export function WelcomeApp() {
  return (
    <main class="options welcome">
      <header class="options-header welcome-header">
        <h1>{t('welcome_heading')}</h1>
        <p class="welcome-lead">{t('welcome_lead')}</p>
      </header>
      <ReadingSection />
      <SitesSection />
      <DemoSection />
      <ShortcutsSection>
        <p>{import.meta.env.FIREFOX ? t('welcome_shortcuts_where_firefox') : t('welcome_shortcuts_where_chrome')}</p>
        <p class="options-hint">{t('welcome_shortcuts_popup')}</p>
      </ShortcutsSection>
      <p class="options-hint welcome-again">
        {t('welcome_again')}{' '}
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('welcome_open_options')}
        </button>
      </p>
    </main>
  );
}
