import { describe, expect, it } from 'vitest';
import { PAGE_REPORT_LIMITS, isAllowedSender, sanitizePageKeywords } from '@/src/platform/message-guards';
import { MAX_PAGE_TERMS, PAGE_FIELDS } from '@/src/relevance/page-terms';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const contentScript = { id: ID, url: 'https://kafka.apache.org/documentation/', tab: { id: 7, url: 'https://kafka.apache.org/documentation/' } };
const popup = { id: ID, url: `${ORIGIN}popup.html` };
const optionsInATab = { id: ID, url: `${ORIGIN}options.html`, tab: { id: 9, url: `${ORIGIN}options.html` } };

describe('isAllowedSender', () => {
  it('takes page reports only from a tab, and UI requests only from the extension origin', () => {
    expect(isAllowedSender('page-keywords', contentScript, ID, ORIGIN)).toBe(true);
    expect(isAllowedSender('page-keywords', popup, ID, ORIGIN)).toBe(false);
    expect(isAllowedSender('tab-related', popup, ID, ORIGIN)).toBe(true);
    expect(isAllowedSender('queue-sync-now', optionsInATab, ID, ORIGIN)).toBe(true);
    // A content script cannot ask for another tab's reads or trigger a sync round.
    expect(isAllowedSender('tab-related', contentScript, ID, ORIGIN)).toBe(false);
    expect(isAllowedSender('queue-sync-now', contentScript, ID, ORIGIN)).toBe(false);
  });

  it('refuses every other extension, and look-alike origins', () => {
    expect(isAllowedSender('tab-related', { ...popup, id: 'another-extension' }, ID, ORIGIN)).toBe(false);
    expect(isAllowedSender('page-keywords', { ...contentScript, id: undefined }, ID, ORIGIN)).toBe(false);
    expect(isAllowedSender('tab-related', { id: ID, url: `chrome-extension://${ID}x/popup.html` }, ID, ORIGIN)).toBe(false);
    expect(isAllowedSender('tab-related', { id: ID }, ID, ORIGIN)).toBe(false);
  });
});

describe('sanitizePageKeywords', () => {
  const counts = (title: number, body: number) => [title, 0, 0, 0, 0, 0, 0, body];
  const lru = { key: 'lru', surface: 'LRU', counts: counts(1, 4) };
  const report = { url: 'https://redis.io/docs/', title: 'Eviction', terms: [lru, { key: 'evict', surface: 'eviction', counts: counts(1, 9) }], extractMs: 4.2 };

  it('keeps a well-formed report as it is', () => {
    expect(sanitizePageKeywords(report)).toEqual(report);
  });

  it('rejects what is not a report', () => {
    for (const value of [null, 42, 'page', [], { ...report, url: 3 }, { ...report, terms: 'lru' }, { ...report, terms: undefined }, { ...report, title: null }]) {
      expect(sanitizePageKeywords(value)).toBeNull();
    }
    expect(sanitizePageKeywords({ ...report, url: `https://x.test/${'a'.repeat(PAGE_REPORT_LIMITS.urlLength)}` })).toBeNull();
  });

  it('drops a term whose counts are not one non-negative integer per page field, or all zero', () => {
    const malformedCounts = [
      undefined, 'counts', {}, [], [1], counts(1, 1).slice(0, PAGE_FIELDS.length - 1), [...counts(1, 1), 1],
      counts(1, -1), counts(1, 0.5), counts(Number.NaN, 1), counts(Number.POSITIVE_INFINITY, 1), counts(1, PAGE_REPORT_LIMITS.count + 1),
      [1, '1', 0, 0, 0, 0, 0, 0], [1, null, 0, 0, 0, 0, 0, 0], counts(0, 0),
    ];
    for (const bad of malformedCounts) {
      expect(sanitizePageKeywords({ ...report, terms: [{ key: 'bad', surface: 'bad', counts: bad }, lru] })!.terms, JSON.stringify(bad)).toEqual([lru]);
    }
    expect(sanitizePageKeywords({ ...report, terms: [{ key: 'max', surface: 'max', counts: counts(0, PAGE_REPORT_LIMITS.count) }] })!.terms).toHaveLength(1);
  });

  it('drops a term without a key or surface of sane length, and anything that is not a term', () => {
    const long = 'x'.repeat(PAGE_REPORT_LIMITS.termLength + 1);
    const malformed = [
      { key: '', surface: 'x', counts: counts(1, 1) }, { key: long, surface: 'x', counts: counts(1, 1) }, { key: 'x', surface: long, counts: counts(1, 1) },
      { key: 3, surface: 'x', counts: counts(1, 1) }, { surface: 'x', counts: counts(1, 1) }, { key: 'x', counts: counts(1, 1) },
      { term: 'lru', weight: 3 }, 'raw', null, 7, [lru.key, lru.surface, lru.counts],
    ];
    expect(sanitizePageKeywords({ ...report, terms: [...malformed, lru] })!.terms).toEqual([lru]);
  });

  it('keeps a key reported twice once, the first time it came', () => {
    const again = { key: 'lru', surface: 'least recently used', counts: counts(0, 50) };
    expect(sanitizePageKeywords({ ...report, terms: [lru, again, lru] })!.terms).toEqual([lru]);
  });

  it('copies the counts, so a page cannot change them after the check', () => {
    const term = { key: 'lru', surface: 'LRU', counts: counts(1, 4) };
    const clean = sanitizePageKeywords({ ...report, terms: [term] })!;
    term.counts[0] = -5;
    expect(clean.terms[0]!.counts).toEqual(counts(1, 4));
  });

  it('drops unknown fields, and cuts lists and strings to the extractor’s bounds', () => {
    const flood = Array.from({ length: 5000 }, (_, index) => ({ key: `t${index}`, surface: `T${index}`, counts: counts(0, 1), extra: '<script>' }));
    const hostile = { ...report, title: 'T'.repeat(50_000), terms: flood, extractMs: Number.POSITIVE_INFINITY, injected: '<script>' };
    const clean = sanitizePageKeywords(hostile)!;
    expect(Object.keys(clean).sort()).toEqual(['extractMs', 'terms', 'title', 'url']);
    expect(clean.title).toHaveLength(PAGE_REPORT_LIMITS.titleLength);
    expect(clean.terms).toHaveLength(PAGE_REPORT_LIMITS.terms);
    expect(PAGE_REPORT_LIMITS.terms).toBe(MAX_PAGE_TERMS);
    expect(clean.terms.every((term, index) => term.key === `t${index}` && Object.keys(term).sort().join() === 'counts,key,surface')).toBe(true);
    expect(clean.extractMs).toBe(0);
    expect(sanitizePageKeywords({ ...report, extractMs: '5' })!.extractMs).toBe(0);
  });
});
