/**
 * Sites read automatically: the built-in documentation sites, plus any site (or all sites)
 * the user grants here through optional host permissions. The background registers the
 * content script for granted sites (see entrypoints/background/site-access.ts).
 */
import { useState } from 'preact/hooks';
import { DEFAULT_DOC_SITE_PATTERNS } from '@/src/sites/doc-sites';
import { ALL_SITES_PATTERN, normaliseHostEntry, sitePatternFor } from '@/src/sites/site-policy';
import { grantedSitesSetting } from '@/src/platform/settings';
import { requestSiteAccess, revokeSiteAccess } from '@/src/platform/permissions';
import { t } from '@/src/platform/i18n';
import { useSetting } from '@/src/ui/use-setting';

/** "*://*.example.com/*" reads better as "example.com". */
function siteLabel(pattern: string): string {
  if (pattern === ALL_SITES_PATTERN) return t('options_sites_all');
  return pattern.replace(/^\*:\/\/(\*\.)?/, '').replace(/\/\*$/, '');
}

export function SiteAccessSection() {
  const [granted] = useSetting(grantedSitesSetting);
  const [hostInput, setHostInput] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  // permissions.request only prompts inside the click's user gesture, so it is called first.
  const grant = (patterns: string[]) => {
    requestSiteAccess(patterns)
      .then((allowed) => {
        setMessage(allowed ? { text: t('options_sites_granted'), error: false } : { text: t('options_sites_denied'), error: true });
        if (allowed) setHostInput('');
      })
      .catch((error: Error) => setMessage({ text: error.message, error: true }));
  };

  const grantTypedSite = (event: Event) => {
    event.preventDefault();
    let pattern: string;
    try {
      pattern = sitePatternFor(normaliseHostEntry(hostInput));
    } catch {
      setMessage({ text: t('options_host_invalid', hostInput.trim()), error: true });
      return;
    }
    grant([pattern]);
  };

  const allSitesGranted = granted?.includes(ALL_SITES_PATTERN) ?? false;

  return (
    <section class="options-section" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('options_sites_title')}</h2>
      <p class="options-hint">{t('options_sites_intro')}</p>
      <details>
        <summary>{t('options_sites_builtin', DEFAULT_DOC_SITE_PATTERNS.length)}</summary>
        <ul class="options-list options-list-compact">
          {DEFAULT_DOC_SITE_PATTERNS.map((pattern) => (
            <li key={pattern}>{siteLabel(pattern)}</li>
          ))}
        </ul>
      </details>

      <h3>{t('options_sites_granted_title')}</h3>
      {granted && granted.length > 0 ? (
        <ul class="options-list" data-list="granted-sites">
          {granted.map((pattern) => (
            <li key={pattern}>
              <span>{siteLabel(pattern)}</span>
              <button type="button" class="button" onClick={() => void revokeSiteAccess([pattern])}>
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="options-hint">{t('options_sites_none_granted')}</p>
      )}

      <form class="options-inline-form" onSubmit={grantTypedSite}>
        <label class="sr-only" for="grant-host">
          {t('options_sites_host_label')}
        </label>
        <input
          id="grant-host"
          type="text"
          placeholder="example.com"
          value={hostInput}
          onInput={(event) => setHostInput(event.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t('options_sites_allow')}
        </button>
        {allSitesGranted ? null : (
          <button type="button" class="button" onClick={() => grant([ALL_SITES_PATTERN])}>
            {t('options_sites_allow_all')}
          </button>
        )}
      </form>
      {message ? (
        <p class={message.error ? 'options-message options-error' : 'options-message'} role="status">
          {message.text}
        </p>
      ) : null}
      <p class="options-hint">{t('options_sites_never_read')}</p>
    </section>
  );
}
