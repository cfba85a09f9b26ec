import { render } from 'preact';
import { PopupApp } from '@/src/ui/PopupApp';
import { followThemeSetting } from '@/src/platform/theme';
import '@/src/ui/theme.css';
import './popup.css';

followThemeSetting();

render(<PopupApp />, document.getElementById('app')!);
