import { describe, expect, it } from 'vitest';
import { isListingPage, listingDateToIso, listingTitlesByStatsLine, parseListingPage } from '@/src/catalogue/listing';
import { listingSources } from './real-sources';

// Real lines from assets/sources/000_a44119c0d6245231.txt (the first entry of the page).
const NORMAL_ENTRY = `Tagged articles
104 articles
Page 1 of 2
Tencent Cloud Middleware
Tencent Cloud Middleware
Apr 22, 2026 · Backend Development

How TDMQ Pulsar Scales Million-Message Delayed Queues with Multi-Level Time Wheels

The article analyzes why large‑scale delayed messaging is needed, identifies the bottlenecks of the Apache Pulsar community solution, and explains TDMQ Pulsar's three‑step redesign—hierarchical time wheels, expiration re‑push, and immutable message IDs—that together enable stable million‑message delayed queues with controlled memory and minute‑level hole impact.

Apache PulsarDelayed MessagingMessage Queue
0 likes · 8 min read
How TDMQ Pulsar Scales Million-Message Delayed Queues with Multi-Level Time Wheels`;

// Real lines from assets/sources/002_0659a9c134a0e56e.txt: an entry with no publisher/date lines.
const ENTRY_WITHOUT_PUBLISHER = `Tagged articles
2122 articles
Page 21 of 22
Previous Entry Title

How eBay Scales to Billions: 7 Proven Practices for Massive Web Systems

This article outlines eBay's seven key scalability best practices—including functional partitioning, horizontal sharding, avoiding distributed transactions, asynchronous decoupling, stream processing, virtualization, and strategic caching—to illustrate how large‑scale web platforms can achieve linear resource growth and high availability.

ArchitectureAsynchronousDistributed Systems
0 likes · 14 min read`;

describe('listing page parser', () => {
  it('parses a complete entry', () => {
    expect(parseListingPage(NORMAL_ENTRY)).toEqual([
      {
        title: 'How TDMQ Pulsar Scales Million-Message Delayed Queues with Multi-Level Time Wheels',
        summary: expect.stringMatching(/^The article analyzes why large‑scale delayed messaging/),
        tagLine: 'Apache PulsarDelayed MessagingMessage Queue',
        publisher: 'Tencent Cloud Middleware',
        published: '2026-04-22',
        category: 'Backend Development',
        readMinutes: 8,
        line: 13,
      },
    ]);
  });

  it('keeps an entry that has no publisher and date lines, with those fields null', () => {
    const [entry] = parseListingPage(ENTRY_WITHOUT_PUBLISHER);
    expect(entry).toMatchObject({
      title: 'How eBay Scales to Billions: 7 Proven Practices for Massive Web Systems',
      tagLine: 'ArchitectureAsynchronousDistributed Systems',
      publisher: null,
      published: null,
      category: null,
      readMinutes: 14,
    });
  });

  it('converts listing dates to ISO dates', () => {
    expect(listingDateToIso('Apr', '22', '2026')).toBe('2026-04-22');
    expect(listingDateToIso('Dec', '3', '2025')).toBe('2025-12-03');
    expect(listingDateToIso('Foo', '3', '2025')).toBeNull();
  });

  it('reports a malformed entry with the file and line', () => {
    const broken = NORMAL_ENTRY.replace('\n\nApache PulsarDelayed', '\nstray\nApache PulsarDelayed');
    expect(() => parseListingPage(broken, 'page.txt')).toThrow(/page\.txt:\d+: entry does not have/);
  });

  it('parses every entry of every real listing page (343), 8 of them without publisher', () => {
    const sources = listingSources();
    expect(sources).toHaveLength(4);
    expect(sources.every((source) => isListingPage(source.text))).toBe(true);
    const entries = sources.flatMap((source) => parseListingPage(source.text, source.name));
    expect(entries).toHaveLength(343);
    expect(entries.map((entry) => entry.title)).toEqual(sources.flatMap((source) => listingTitlesByStatsLine(source.text)));
    expect(entries.filter((entry) => entry.publisher === null)).toHaveLength(8);
    expect(entries.every((entry) => entry.tagLine !== '' && entry.summary !== '')).toBe(true);
    expect(entries.filter((entry) => entry.published !== null).every((entry) => /^\d{4}-\d{2}-\d{2}$/.test(entry.published!))).toBe(true);
  });
});
