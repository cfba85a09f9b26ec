// The background is a set of small managers, one browser concern each (Dark Reader style).
// Each exports a register…() that adds its listeners synchronously, so events that wake the worker are not missed.
import { registerCatalogueLoader } from './catalogue-loader';
import { registerBadge } from './badge';
import { registerOmnibox } from './omnibox';
import { registerContextMenus } from './context-menus';
import { registerCommands } from './commands';
import { registerSiteAccess } from './site-access';
import { registerSidePanelUpdates } from './side-panel';
import { registerQueueSync } from './queue-sync';
import { registerTabPages } from './tab-pages';
import { registerInstallWelcome } from './install';
import { registerMoreLikeThis } from './more-like-this';
import { registerQueueEdits } from './queue-edits';
import { onMessage } from '@/src/platform/messaging';

export default defineBackground({
  type: 'module',
  main() {
    registerCatalogueLoader();
    registerSiteAccess();
    registerBadge();
    registerOmnibox();
    registerContextMenus();
    registerCommands();
    registerSidePanelUpdates();
    registerQueueSync();
    registerTabPages();
    registerInstallWelcome();
    registerMoreLikeThis();
    registerQueueEdits();
    // Liveness: `npm run bench` times it to prove the worker stays responsive while a catalogue loads.
    onMessage('ping', () => ({ ok: true }));
  },
});
