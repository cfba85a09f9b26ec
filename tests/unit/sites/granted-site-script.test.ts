import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_DOC_SITE_PATTERNS } from '@/src/sites/doc-sites';
import { GRANTED_SITES_SCRIPT_ID, syncGrantedSiteScript, userGrantedPatterns } from '@/src/platform/permissions';
import { grantedSitesSetting } from '@/src/platform/settings';

// The fake browser has no permissions or scripting API: these stand in for Chromium's.
function fakeSiteAccess(origins: string[], registeredIds: string[]) {
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins, permissions: ['storage'] });
  const scripting = {
    getRegisteredContentScripts: vi.fn(async () => registeredIds.map((id) => ({ id }))),
    registerContentScripts: vi.fn(async () => undefined),
    updateContentScripts: vi.fn(async () => undefined),
    unregisterContentScripts: vi.fn(async () => undefined),
  };
  Object.assign(fakeBrowser, { scripting });
  return scripting;
}

describe('granted sites', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('counts only grants beyond the manifest doc sites', async () => {
    fakeSiteAccess([...DEFAULT_DOC_SITE_PATTERNS, '*://*.example.com/*'], []);
    expect(await userGrantedPatterns()).toEqual(['*://*.example.com/*']);
  });

  it('recognises doc sites declared with a path, which the browser reports by origin', async () => {
    expect(DEFAULT_DOC_SITE_PATTERNS).toContain('*://dev.mysql.com/doc/*');
    fakeSiteAccess(['*://dev.mysql.com/*', '*://www.postgresql.org/*', '*://*.example.com/*'], []);
    expect(await userGrantedPatterns()).toEqual(['*://*.example.com/*']);
  });

  it('registers the docs content script for a first grant, skipping doc sites', async () => {
    const scripting = fakeSiteAccess([DEFAULT_DOC_SITE_PATTERNS[0], '*://*.example.com/*'], []);
    expect(await syncGrantedSiteScript()).toEqual(['*://*.example.com/*']);
    expect(scripting.registerContentScripts).toHaveBeenCalledWith([
      {
        id: GRANTED_SITES_SCRIPT_ID,
        js: ['content-scripts/docs.js'],
        matches: ['*://*.example.com/*'],
        excludeMatches: [...DEFAULT_DOC_SITE_PATTERNS],
        runAt: 'document_idle',
      },
    ]);
    expect(await grantedSitesSetting.getValue()).toEqual(['*://*.example.com/*']);
  });

  it('updates an existing registration when grants change', async () => {
    const scripting = fakeSiteAccess(['*://*/*'], [GRANTED_SITES_SCRIPT_ID]);
    await syncGrantedSiteScript();
    expect(scripting.updateContentScripts).toHaveBeenCalledWith([expect.objectContaining({ matches: ['*://*/*'] })]);
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('unregisters when the last grant is revoked', async () => {
    await grantedSitesSetting.setValue(['*://*.example.com/*']);
    const scripting = fakeSiteAccess([...DEFAULT_DOC_SITE_PATTERNS], [GRANTED_SITES_SCRIPT_ID]);
    expect(await syncGrantedSiteScript()).toEqual([]);
    expect(scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: [GRANTED_SITES_SCRIPT_ID] });
    expect(await grantedSitesSetting.getValue()).toEqual([]);
  });
});
