/**
 * What Docent does when the browser installs or updates it (pure; the background's install
 * manager wires it to runtime.onInstalled): the welcome page on a first install only, and on an
 * update to a new version a one-line "what's new" in the popup instead, never the page again.
 *
 * The reason alone cannot decide: Chromium reports "install" for an unpacked copy
 * (`--load-extension`, `npm start`) at every browser launch, even when its version changed. So the
 * background keeps the last version that ran, and a first install is one with nothing kept and
 * the browser saying "install".
 */

/** The parts of runtime.onInstalled's details this decision reads. */
export type InstallDetails = { reason: string; previousVersion?: string };

export type InstallAction =
  | { kind: 'open-welcome' }
  | { kind: 'note-whats-new'; version: string }
  | { kind: 'nothing' };

/** Where the welcome page lives in the build (entrypoints/welcome). */
export const WELCOME_PAGE_PATH = '/welcome.html';

/**
 * `keptVersion`: the version that ran last in this profile, null when none ran (a first install,
 * or an update from a release that did not keep it yet).
 */
export function installAction(details: InstallDetails, keptVersion: string | null, currentVersion: string): InstallAction {
  // "chrome_update" / "browser_update" and "shared_module_update" are the browser's news, not Docent's.
  if (details.reason !== 'install' && details.reason !== 'update') return { kind: 'nothing' };
  if (details.reason === 'install' && keptVersion === null) return { kind: 'open-welcome' };
  const previous = keptVersion ?? details.previousVersion;
  return previous === currentVersion ? { kind: 'nothing' } : { kind: 'note-whats-new', version: currentVersion };
}
