/**
 * Site access the user granted in options: keeps the runtime-registered content script in
 * step with the optional host permissions, at install, at browser start and on every change
 * (also when the user revokes access from the browser's own extension settings).
 */
import { browser } from 'wxt/browser';
import { syncGrantedSiteScript } from '@/src/platform/permissions';

function resync(): void {
  syncGrantedSiteScript().catch((error) => console.error('Docent: could not sync granted sites', error));
}

export function registerSiteAccess(): void {
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
}
