import { render } from 'preact';
import { PopupApp } from '@/src/ui/PopupApp';
import { followThemeSetting } from '@/src/platform/theme';
import { requestPersistentStorage } from '@/src/platform/persistent-storage';
import '@/src/ui/theme.css';
import './popup.css';

followThemeSetting();
void requestPersistentStorage().catch(() => undefined); // best effort; the queue is also kept by unlimitedStorage

render(<PopupApp />, document.getElementById('app')!);
