import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { targetTabId } from '@/src/platform/tabs';

const popupUrl = 'chrome-extension://abc/popup.html';

describe('targetTabId', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('uses the tabId query parameter when the page has one', async () => {
    await expect(targetTabId(`${popupUrl}?tabId=42`)).resolves.toBe(42);
  });

  it('rejects a tabId that is not a tab id, naming it', async () => {
    await expect(targetTabId(`${popupUrl}?tabId=abc`)).rejects.toThrow(/"abc"/);
    await expect(targetTabId(`${popupUrl}?tabId=-1`)).rejects.toThrow(/"-1"/);
  });

  it("otherwise describes the current window's active tab", async () => {
    // The fake browser has no notion of an active tab, so answer the query the way Chrome would.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 17 } as Browser.tabs.Tab]);
    await expect(targetTabId(popupUrl)).resolves.toBe(17);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('is null when there is no such tab (a window without tabs)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await expect(targetTabId(popupUrl)).resolves.toBeNull();
  });
});
