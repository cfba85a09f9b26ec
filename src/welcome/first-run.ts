/**
 * What Docent does when the browser installs or updates it (pure; the background's install
 * manager wires it to runtime.onInstalled): the welcome page on a first install only, and on an
 * update to a new version a one-line "what's new" in the popup instead, never the page again.
 */

/** The parts of runtime.onInstalled's details this decision reads. */
export type InstallDetails = { reason: string; previousVersion?: string };

export type InstallAction =
  | { kind: 'open-welcome' }
  | { kind: 'note-whats-new'; version: string }
  | { kind: 'nothing' };

/** Where the welcome page lives in the build (entrypoints/welcome). */
export const WELCOME_PAGE_PATH = '/welcome.html';

export function installAction(details: InstallDetails, currentVersion: string): InstallAction {
  if (details.reason === 'install') return { kind: 'open-welcome' };
  // Chromium also reports "update" when an unpacked copy is reloaded at the same version: nothing new then.
  if (details.reason === 'update' && details.previousVersion !== undefined && details.previousVersion !== currentVersion) {
    return { kind: 'note-whats-new', version: currentVersion };
  }
  // "chrome_update" / "browser_update" and "shared_module_update" are the browser's news, not Docent's.
  return { kind: 'nothing' };
}
