/**
 * Keyboard commands (rebindable at chrome://extensions/shortcuts, Firefox: about:addons):
 * the popup (`_execute_action`) and, in Firefox, the sidebar (`_execute_sidebar_action`) are
 * handled by the browser; "save-page" and Chrome's "open-side-panel" are handled here.
 */
import { browser } from 'wxt/browser';
import { db } from '@/src/db';
import { savePage } from '@/src/queue/repository';
import { exposeHandlers } from '@/src/platform/background-hooks';
import { reportingSaveProblems } from './badge';

export const COMMANDS = { savePage: 'save-page', openSidePanel: 'open-side-panel' } as const;

export async function saveActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) throw new Error('No active tab to save');
  const { url, title } = tab;
  await reportingSaveProblems(tab.id, () => savePage(db, { url, title: title ?? url }));
}

/**
 * Chrome only (Firefox binds `_execute_sidebar_action` instead). Opening a side panel needs
 * the user gesture the command carries, so this runs inside the listener before any await.
 */
function openSidePanel(windowId: number | undefined): Promise<void> {
  if (windowId === undefined) throw new Error('No window to open the side panel in');
  return browser.sidePanel.open({ windowId });
}

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    const done =
      command === COMMANDS.savePage ? saveActiveTab() : command === COMMANDS.openSidePanel ? openSidePanel(tab?.windowId) : null;
    done?.catch((error) => console.error(`Docent: command ${command} failed`, error));
  });

  exposeHandlers({ saveActiveTab });
}
