import { describe, expect, it } from 'vitest';
import { openUrlFor, webSearchQuery, webSearchUrl } from '@/src/ui/web-search';

const listingEntry = { title: 'Scaling Kafka at Acme', source: 'Acme Engineering', url: null };

describe('webSearchUrl', () => {
  it('searches the exact title in quotes followed by the source', () => {
    const url = new URL(webSearchUrl(listingEntry, 'duckduckgo'));
    expect(url.origin + url.pathname).toBe('https://duckduckgo.com/');
    expect(url.searchParams.get('q')).toBe('"Scaling Kafka at Acme" Acme Engineering');
  });

  it.each([
    ['google', 'https://www.google.com/search'],
    ['bing', 'https://www.bing.com/search'],
    ['kagi', 'https://kagi.com/search'],
    ['startpage', 'https://www.startpage.com/do/search'],
  ] as const)('uses the %s search page', (engine, page) => {
    const url = new URL(webSearchUrl(listingEntry, engine));
    expect(url.origin + url.pathname).toBe(page);
    expect(url.searchParams.get('q')).toBe('"Scaling Kafka at Acme" Acme Engineering');
  });

  it('encodes characters that would break the query string', () => {
    const url = webSearchUrl({ title: 'C++ & Rust: 100% safe?', source: 'A#B' }, 'google');
    expect(url).toContain('q=%22C%2B%2B+%26+Rust%3A+100%25+safe%3F%22+A%23B');
  });

  it('rejects an unknown engine with a message naming it', () => {
    expect(() => webSearchUrl(listingEntry, 'altavista' as never)).toThrow(/altavista/);
  });
});

describe('webSearchQuery', () => {
  it('drops quotes inside the title so the phrase stays one phrase', () => {
    expect(webSearchQuery({ title: 'The "exactly once" myth', source: 'Blog' })).toBe('"The exactly once myth" Blog');
  });

  it('leaves the source out when there is none', () => {
    expect(webSearchQuery({ title: 'Raft explained', source: '  ' })).toBe('"Raft explained"');
  });
});

describe('openUrlFor', () => {
  it("opens a read's own URL when it has one", () => {
    expect(openUrlFor({ ...listingEntry, url: 'https://example.com/a' }, 'bing')).toBe('https://example.com/a');
  });

  it('falls back to a web search for reads without a URL', () => {
    expect(openUrlFor(listingEntry, 'bing')).toBe(webSearchUrl(listingEntry, 'bing'));
  });
});
