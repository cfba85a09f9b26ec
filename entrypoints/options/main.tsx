import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import { followThemeSetting } from '@/src/platform/theme';
import { t } from '@/src/platform/i18n';
import '@/src/ui/theme.css';
import './options.css';

document.title = t('options_page_title');
followThemeSetting();
render(<OptionsApp />, document.getElementById('app')!);
