import { render } from 'preact';
import { SidePanelApp } from './SidePanelApp';
import { followThemeSetting } from '@/src/platform/theme';
import '@/src/ui/theme.css';
import './sidepanel.css';

followThemeSetting();
render(<SidePanelApp />, document.getElementById('app')!);
