import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import { followThemeSetting } from '@/src/platform/theme';
import { requestPersistentStorage } from '@/src/platform/persistent-storage';
import { t } from '@/src/platform/i18n';
import '@/src/ui/theme.css';
import './options.css';

document.title = t('options_page_title');
followThemeSetting();
void requestPersistentStorage().catch(() => undefined); // best effort; the queue is also kept by unlimitedStorage
render(<OptionsApp />, document.getElementById('app')!);
