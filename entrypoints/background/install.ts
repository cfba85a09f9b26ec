/**
 * First run: the welcome page opens once, when the browser installs Docent. An update never
 * reopens it; an update to a new version leaves a one-line "what's new" for the popup instead.
 */
import { browser } from 'wxt/browser';
import { installAction, WELCOME_PAGE_PATH } from '@/src/welcome/first-run';
import { whatsNewSetting } from '@/src/platform/settings';

export function registerInstallWelcome(): void {
  browser.runtime.onInstalled.addListener((details) => {
    const action = installAction(details, browser.runtime.getManifest().version);
    const done =
      action.kind === 'open-welcome'
        ? browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE_PATH) })
        : action.kind === 'note-whats-new'
          ? whatsNewSetting.setValue(action.version)
          : undefined;
    void done?.catch((error: unknown) => console.error('[docent] first run', error));
  });
}
