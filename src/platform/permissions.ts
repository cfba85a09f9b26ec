/**
 * Site access beyond the built-in documentation sites: optional host permissions the user
 * grants in options, and the content script registered at runtime for exactly those sites.
 * The browser's permission set is the source of truth; `grantedSitesSetting` mirrors it so
 * the site policy can be checked without a permissions round-trip.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_DOC_SITE_PATTERNS } from '@/src/sites/doc-sites';
import { readDecision, type ReadDecision } from '@/src/sites/site-policy';
import { grantedSitesSetting, readSiteLists } from './settings';

/** Id of the dynamically registered copy of the docs content script. */
export const GRANTED_SITES_SCRIPT_ID = 'docent-granted-sites';
/** Where WXT writes the `docs.content.ts` entrypoint in the build. */
export const DOCS_CONTENT_SCRIPT_FILE = 'content-scripts/docs.js';

/** The browser reports host permissions by origin (path `/*`), so compare in that form. */
const originPattern = (pattern: string) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*');
const declaredOrigins = new Set<string>(DEFAULT_DOC_SITE_PATTERNS.map(originPattern));

/** Whether (and why) Docent may read `url` automatically under the current settings. */
export async function readDecisionFor(url: string): Promise<ReadDecision> {
  return readDecision(url, await readSiteLists());
}

/**
 * Ask the user for access to `patterns`. Must run straight from a click handler (browsers
 * only show the prompt during a user gesture), so call it before awaiting anything else.
 */
export function requestSiteAccess(patterns: string[]): Promise<boolean> {
  return browser.permissions.request({ origins: patterns });
}

export async function revokeSiteAccess(patterns: string[]): Promise<boolean> {
  return browser.permissions.remove({ origins: patterns });
}

/** Host patterns the user granted on top of the ones declared in the manifest. */
export async function userGrantedPatterns(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !declaredOrigins.has(originPattern(origin))).sort();
}

/**
 * Make the runtime content script registration and the mirrored setting match the granted
 * permissions: register on first grant, update on change, unregister when nothing is left.
 */
export async function syncGrantedSiteScript(): Promise<string[]> {
  const granted = await userGrantedPatterns();
  await grantedSitesSetting.setValue(granted);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [GRANTED_SITES_SCRIPT_ID] });
  if (granted.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [GRANTED_SITES_SCRIPT_ID] });
    return granted;
  }
  const script = {
    id: GRANTED_SITES_SCRIPT_ID,
    js: [DOCS_CONTENT_SCRIPT_FILE],
    matches: granted,
    // The manifest's content script already covers the doc sites; never inject twice.
    excludeMatches: [...DEFAULT_DOC_SITE_PATTERNS],
    runAt: 'document_idle' as const,
  };
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return granted;
}
