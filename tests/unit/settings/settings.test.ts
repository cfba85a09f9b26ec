import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Migrations run when an item is defined, so each test seeds storage first and then imports.
async function freshSettings() {
  vi.resetModules();
  return import('@/src/platform/settings');
}

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to defaults on a fresh install', async () => {
    const settings = await freshSettings();
    expect(await settings.searchEngineSetting.getValue()).toBe('duckduckgo');
    expect(await settings.excludedHostsSetting.getValue()).toEqual([]);
    expect(await settings.grantedSitesSetting.getValue()).toEqual([]);
    expect(await settings.contextMenusSetting.getValue()).toBe(true);
    expect(await settings.themeSetting.getValue()).toBe('system');
    expect(await settings.readSiteLists()).toEqual({ excluded: [], granted: [] });
  });

  it('migrates a v1 exclude list (entries as typed) to bare hosts', async () => {
    await fakeBrowser.storage.sync.set({
      excludedHosts: ['https://Mail.Example.com/inbox', 'mail.example.com', '*.intranet.corp', 'not a host', 42],
      excludedHosts$: { v: 1 },
    });
    const settings = await freshSettings();
    expect(await settings.excludedHostsSetting.getValue()).toEqual(['mail.example.com', 'intranet.corp']);
    expect(await fakeBrowser.storage.sync.get('excludedHosts$')).toEqual({ excludedHosts$: { v: 2 } });
  });

  it('leaves a current exclude list as it is', async () => {
    await fakeBrowser.storage.sync.set({ excludedHosts: ['example.com'], excludedHosts$: { v: 2 } });
    const settings = await freshSettings();
    expect(await settings.excludedHostsSetting.getValue()).toEqual(['example.com']);
  });

  it('keeps grants in the local area and preferences in sync', async () => {
    const settings = await freshSettings();
    await settings.grantedSitesSetting.setValue(['*://*.example.com/*']);
    await settings.themeSetting.setValue('dark');
    expect(await fakeBrowser.storage.local.get('grantedSites')).toEqual({ grantedSites: ['*://*.example.com/*'] });
    expect(await fakeBrowser.storage.sync.get('theme')).toEqual({ theme: 'dark' });
    expect(await settings.readSiteLists()).toEqual({ excluded: [], granted: ['*://*.example.com/*'] });
  });

  it('normaliseExcludedHosts drops non-hosts and duplicates', async () => {
    const { normaliseExcludedHosts } = await freshSettings();
    expect(normaliseExcludedHosts(['A.com', 'a.com', '', 'x y', 'b.org'])).toEqual(['a.com', 'b.org']);
  });
});
