/**
 * First run: the welcome page opens once, when the browser installs Docent. An update never
 * reopens it; an update to a new version leaves a one-line "what's new" for the popup instead
 * (src/welcome/first-run.ts decides, from the version that ran last).
 */
import { browser } from 'wxt/browser';
import { installAction, WELCOME_PAGE_PATH } from '@/src/welcome/first-run';
import { lastRunVersionSetting, whatsNewSetting } from '@/src/platform/settings';

async function onInstalled(details: { reason: string; previousVersion?: string }): Promise<void> {
  const currentVersion = browser.runtime.getManifest().version;
  const action = installAction(details, await lastRunVersionSetting.getValue(), currentVersion);
  if (action.kind === 'nothing') return;
  // Kept before the tab opens, so a second event for the same install cannot open it twice.
  await lastRunVersionSetting.setValue(currentVersion);
  if (action.kind === 'open-welcome') await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE_PATH) });
  else await whatsNewSetting.setValue(action.version);
}

export function registerInstallWelcome(): void {
  browser.runtime.onInstalled.addListener((details) => {
    onInstalled(details).catch((error: unknown) => console.error('[docent] first run', error));
  });
}
