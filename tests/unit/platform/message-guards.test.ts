import { describe, expect, it } from 'vitest';
import { PAGE_REPORT_LIMITS, READ_AS_PAGE_LIMITS, isAllowedSender, sanitizePageKeywords, sanitizeQueueEdit, sanitizeReadAsPage } from '@/src/platform/message-guards';
import { MAX_PAGE_TERMS, PAGE_FIELDS } from '@/src/relevance/page-terms';
import type { QueueItem } from '@/src/queue/types';

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

describe('sanitizeReadAsPage', () => {
  it('keeps a read’s id, title, tags and summary, and nothing else', () => {
    expect(sanitizeReadAsPage({ id: 'r1', title: 'Raft', tags: ['raft'], summary: 'Leaders.', url: 'https://x.example/' })).toEqual({
      id: 'r1',
      title: 'Raft',
      tags: ['raft'],
      summary: 'Leaders.',
    });
    expect(sanitizeReadAsPage({ id: 'page:1', title: 'A page', tags: [] })).toEqual({ id: 'page:1', title: 'A page', tags: [], summary: null });
  });

  it('refuses what is not a read, and cuts lists and strings to bounds', () => {
    expect(sanitizeReadAsPage(null)).toBeNull();
    expect(sanitizeReadAsPage({ id: 1, title: 'x', tags: [] })).toBeNull();
    expect(sanitizeReadAsPage({ id: 'x', title: 'x', tags: 'raft' })).toBeNull();
    expect(sanitizeReadAsPage({ id: 'x'.repeat(READ_AS_PAGE_LIMITS.idLength + 1), title: 'x', tags: [] })).toBeNull();
    const huge = sanitizeReadAsPage({ id: 'x', title: 't'.repeat(5000), tags: [...Array(200).fill('tag'), 3], summary: 's'.repeat(10_000) })!;
    expect(huge.title).toHaveLength(READ_AS_PAGE_LIMITS.titleLength);
    expect(huge.tags).toHaveLength(READ_AS_PAGE_LIMITS.tags);
    expect(huge.summary).toHaveLength(READ_AS_PAGE_LIMITS.summaryLength);
  });

  it('is a UI request: extension pages may ask, content scripts may not', () => {
    expect(isAllowedSender('more-like-this', popup, ID, ORIGIN)).toBe(true);
    expect(isAllowedSender('more-like-this', contentScript, ID, ORIGIN)).toBe(false);
  });
});

describe('sanitizeQueueEdit', () => {
  const item: QueueItem = {
    id: 'r1', readId: 'r1', title: 'Raft', url: 'https://raft.example/', source: 'raft.example', tags: ['raft'], readMinutes: 5,
    addedAt: 1, state: 'unread', readAt: null, position: 0, note: 'fencing', updatedAt: 1,
  };

  it('passes every edit the pages send, with only its own fields', () => {
    const edits = [
      { op: 'save', readId: 'r1' },
      { op: 'save-page', page: { url: 'https://example.org/a', title: 'A' } },
      { op: 'remove', id: 'r1' },
      { op: 'restore', item },
      { op: 'set-state', id: 'r1', state: 'read' },
      { op: 'move', id: 'r1', target: { beforeId: 'r2' } },
      { op: 'move', id: 'r1', target: { afterId: 'r2' } },
      { op: 'set-note', id: 'r1', note: 'Compare with Paxos' },
    ] as const;
    for (const edit of edits) expect(sanitizeQueueEdit(edit)).toEqual(edit);
    expect(sanitizeQueueEdit({ op: 'remove', id: 'r1', extra: 'dropped' })).toEqual({ op: 'remove', id: 'r1' });
    expect(sanitizeQueueEdit({ op: 'restore', item: { ...item, extra: 1 } })).toEqual({ op: 'restore', item });
  });

  it('refuses malformed edits', () => {
    for (const edit of [
      null,
      'remove',
      { op: 'drop-table' },
      { op: 'save', read: { id: 'r1' } },
      { op: 'set-state', id: 'r1', state: 'archived' },
      { op: 'move', id: 'r1', target: {} },
      { op: 'set-note', id: 'r1', note: 42 },
      { op: 'remove', id: 'x'.repeat(201) },
      { op: 'restore', item: { ...item, position: Number.NaN } },
      { op: 'restore', item: { ...item, tags: [1] } },
    ]) {
      expect(sanitizeQueueEdit(edit), JSON.stringify(edit)).toBeNull();
    }
  });

  it('is a UI request: a content script may not edit the queue', () => {
    expect(isAllowedSender('queue-edit', popup, ID, ORIGIN)).toBe(true);
    expect(isAllowedSender('queue-edit', contentScript, ID, ORIGIN)).toBe(false);
  });
});
