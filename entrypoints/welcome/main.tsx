import { render } from 'preact';
import { WelcomeApp } from './WelcomeApp';
import { followThemeSetting } from '@/src/platform/theme';
import { t } from '@/src/platform/i18n';
import '@/src/ui/theme.css';
import '../options/options.css';
import './welcome.css';

document.title = t('welcome_page_title');
followThemeSetting();
render(<WelcomeApp />, document.getElementById('app')!);
