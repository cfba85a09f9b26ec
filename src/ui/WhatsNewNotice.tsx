/**
 * The one line an update leaves for the popup (src/welcome/first-run.ts), until the user dismisses it.
 * Its way to the welcome page is a button, as Docent's own pages link only to the web.
 */
import { whatsNewSetting } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { WELCOME_PAGE_PATH } from '@/src/welcome/first-run';
import { useSetting } from './use-setting';
import { CloseIcon } from './icons';
import { openInNewTab } from '@/src/platform/tabs';
import { browser } from 'wxt/browser';

export function WhatsNewNotice() {
  const [version, setVersion] = useSetting(whatsNewSetting);
  if (!version) return null;
  return (
    <aside class="notice whats-new" data-notice="whats-new" aria-label={t('popup_whats_new_label')}>
      <p>
        {t('popup_whats_new', version)}{' '}
        <button type="button" class="link-button" onClick={() => void openInNewTab(browser.runtime.getURL(WELCOME_PAGE_PATH))}>
          {t('popup_whats_new_open')}
        </button>
      </p>
      <button type="button" class="icon-button" aria-label={t('popup_whats_new_dismiss')} onClick={() => void setVersion(null)}>
        <CloseIcon />
      </button>
    </aside>
  );
}
