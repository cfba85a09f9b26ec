/** The exclude list: hosts (and their subdomains) Docent never reads, whatever else allows it. */
import { useState } from 'preact/hooks';
import { normaliseHostEntry } from '@/src/sites/site-policy';
import { excludedHostsSetting } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { useSetting } from '@/src/ui/use-setting';

export function ExcludeListSection() {
  const [excluded, setExcluded] = useSetting(excludedHostsSetting);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    let host: string;
    try {
      host = normaliseHostEntry(input);
    } catch {
      setError(t('options_host_invalid', input.trim()));
      return;
    }
    setError(null);
    setInput('');
    const current = excluded ?? [];
    if (!current.includes(host)) void setExcluded([...current, host]);
  };

  return (
    <section class="options-section" aria-labelledby="exclude-title">
      <h2 id="exclude-title">{t('options_exclude_title')}</h2>
      <p class="options-hint">{t('options_exclude_intro')}</p>
      {excluded && excluded.length > 0 ? (
        <ul class="options-list" data-list="excluded-hosts">
          {excluded.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button type="button" class="button" onClick={() => void setExcluded(excluded.filter((entry) => entry !== host))}>
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="options-hint">{t('options_exclude_empty')}</p>
      )}
      <form class="options-inline-form" onSubmit={add}>
        <label class="sr-only" for="exclude-host">
          {t('options_exclude_host_label')}
        </label>
        <input
          id="exclude-host"
          type="text"
          placeholder="intranet.example.com"
          value={input}
          onInput={(event) => setInput(event.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t('options_exclude_add')}
        </button>
      </form>
      {error ? (
        <p class="options-message options-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
