import { describe, expect, it } from 'vitest';
import type { PageKeywords } from '@/src/keywords/types';
import { pageKeyOf, TabKeywordStore, unreadableReason } from '@/src/ranking/tab-pages';

const KAFKA_TERM = { key: 'kafka', surface: 'Kafka', counts: [1, 0, 0, 0, 0, 0, 0, 3] };
const page = (url: string): PageKeywords => ({ url, title: 't', terms: [KAFKA_TERM], extractMs: 1 });

describe('TabKeywordStore', () => {
  it("returns a tab's keywords only for the page they were read from", () => {
    const store = new TabKeywordStore();
    store.set(1, page('https://kafka.apache.org/documentation/#design'));
    expect(store.get(1, 'https://kafka.apache.org/documentation/#ops')).toBeDefined(); // same page, another anchor
    expect(store.get(1, 'https://kafka.apache.org/quickstart')).toBeUndefined();
    expect(store.get(2, 'https://kafka.apache.org/documentation/')).toBeUndefined();
  });

  it('forgets a tab when it navigates to another page, not when only the fragment changes', () => {
    const store = new TabKeywordStore([[1, page('https://redis.io/docs/eviction/')]]);
    expect(store.navigated(1, 'https://redis.io/docs/eviction/#lru')).toBe(false);
    expect(store.entries()).toHaveLength(1);
    expect(store.navigated(1, 'https://redis.io/docs/latency/')).toBe(true);
    expect(store.entries()).toEqual([]);
  });

  it('forgets a closed tab and round-trips through its serialised entries', () => {
    const store = new TabKeywordStore();
    store.set(7, page('https://etcd.io/docs/'));
    store.set(8, page('https://grpc.io/docs/'));
    const restored = new TabKeywordStore(JSON.parse(JSON.stringify(store.entries())) as [number, PageKeywords][]);
    expect(restored.get(8, 'https://grpc.io/docs/')?.terms).toEqual([KAFKA_TERM]);
    expect(restored.closed(7)).toBe(true);
    expect(restored.closed(7)).toBe(false);
    expect(restored.entries().map(([tabId]) => tabId)).toEqual([8]);
  });
});

describe('unreadableReason', () => {
  it.each([
    ['chrome://extensions/', 'not-web'],
    ['about:blank', 'not-web'],
    ['file:///home/me/notes.html', 'not-web'],
    ['not a url', 'not-web'],
    ['https://chromewebstore.google.com/detail/abc', 'web-store'],
    ['https://chrome.google.com/webstore/detail/abc', 'web-store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'web-store'],
    ['https://example.com/paper.PDF', 'pdf'],
  ])('%s → %s', (url, reason) => {
    expect(unreadableReason(url)).toBe(reason);
  });

  it('accepts ordinary web pages', () => {
    expect(unreadableReason('https://kafka.apache.org/documentation/')).toBeNull();
    expect(unreadableReason('https://chrome.google.com/search?q=x')).toBeNull();
  });

  it('keys pages without their fragment', () => {
    expect(pageKeyOf('https://a.example/docs#x')).toBe('https://a.example/docs');
    expect(pageKeyOf('https://a.example/docs')).toBe('https://a.example/docs');
  });
});
