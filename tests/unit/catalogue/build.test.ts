import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type SourceFile } from '@/src/catalogue/build';
import { normaliseTitle } from '@/src/catalogue/ids';
import type { Read } from '@/src/catalogue/types';
import { loadSources } from './real-sources';

const sources = loadSources();
const build = buildCatalogue(sources);
const listing = build.reads.filter((read) => read.origin === 'listing');
const awesome = build.reads.filter((read) => read.origin === 'awesome-scalability');
const byTitle = (title: string) => build.reads.find((read) => read.title === title);

/** Entries of the sources located the way the independent scorer does, not with the project's parsers. */
function entriesInSources(files: readonly SourceFile[]) {
  const titles: string[] = [];
  const urls: string[] = [];
  for (const { text } of files) {
    if (text.includes('Tagged articles')) {
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (/^\d+ likes · \d+ min read$/.test(line)) titles.push(lines[i - 5]!);
      });
    } else {
      const body = text.slice(text.indexOf('## Principles'), text.indexOf('## Special Thanks'));
      for (const match of body.matchAll(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g)) urls.push(match[2]!);
    }
  }
  return { titles, urls };
}

describe('catalogue build from the real sources', () => {
  it('accounts for every entry of every source file', () => {
    const { titles, urls } = entriesInSources(sources);
    expect(titles).toHaveLength(343);
    expect(urls).toHaveLength(600);
    const readTitles = new Set(listing.map((read) => normaliseTitle(read.title)));
    expect(titles.filter((title) => !readTitles.has(normaliseTitle(title)))).toEqual([]);
    const readUrls = new Set(awesome.map((read) => read.url));
    expect(urls.filter((url) => !readUrls.has(url))).toEqual([]);
    expect(build.dropped).toEqual([]);
  });

  it('has 336 unique listing reads and one read per awesome URL (596)', () => {
    expect(listing).toHaveLength(336);
    expect(awesome).toHaveLength(596);
    expect(build.sourceCounts).toEqual({ listingEntries: 343, listingTitles: 336, awesomeLinks: 600, awesomeUrls: 596 });
    expect(new Set(build.reads.map((read) => read.id)).size).toBe(build.reads.length);
    expect(new Set(awesome.map((read) => read.url)).size).toBe(awesome.length);
  });

  it('merges a title listed twice into one read, keeping the first fields and both tag sets', () => {
    const merged = listing.filter((read) => read.title === 'Scalable Web Architecture for Startup Companies');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ source: 'Art of Distributed System Architecture Design', published: '2016-06-24', readMinutes: 15 });
    expect(merged[0]!.tags).toEqual(['Database Replication', 'distributed caching', 'load balancing', 'Web Development', 'caching']);
  });

  it('keeps one read for a URL linked twice (first title wins)', () => {
    const weebly = awesome.filter((read) => read.url?.includes('how-to-organize-your-monolith-before-breaking'));
    expect(weebly.map((read) => read.title)).toEqual(['Organize Monolith Before Breaking it into Services at Weebly']);
  });

  it('fills every field of the Read shape', () => {
    const tdmq = byTitle('How TDMQ Pulsar Scales Million-Message Delayed Queues with Multi-Level Time Wheels');
    expect(tdmq).toEqual({
      id: expect.stringMatching(/^t[0-9a-z]{1,13}$/),
      title: 'How TDMQ Pulsar Scales Million-Message Delayed Queues with Multi-Level Time Wheels',
      url: null,
      source: 'Tencent Cloud Middleware',
      author: null,
      published: '2026-04-22',
      category: 'Backend Development',
      section: null,
      summary: expect.stringContaining('hierarchical time wheels'),
      tags: ['Apache Pulsar', 'Delayed Messaging', 'Message Queue'],
      readMinutes: 8,
      origin: 'listing',
    } satisfies Read);
    const netflix = byTitle('Uniform Consistent Hashing (used at Netflix)');
    expect(netflix).toEqual({
      id: expect.stringMatching(/^u[0-9a-z]{1,13}$/),
      title: 'Uniform Consistent Hashing (used at Netflix)',
      url: 'https://medium.com/netflix-techblog/distributing-content-to-open-connect-3e3e391d4dc9',
      source: 'Netflix',
      author: null,
      published: null,
      category: null,
      section: 'Principles',
      summary: null,
      tags: ['consistent hashing'],
      readMinutes: null,
      origin: 'awesome-scalability',
    } satisfies Read);
  });

  it('keeps listing entries without a publisher line, with an empty source and null date', () => {
    const storm = byTitle('Understanding Storm: A Distributed Real-Time Computation System');
    expect(storm).toMatchObject({ source: '', published: null, category: null, tags: ['Big Data', 'Distributed Systems', 'Real-time Processing'] });
  });

  it('credits awesome links to the company or person in the title, else the host', () => {
    expect(byTitle('Designs, Lessons and Advice from Building Large Distributed Systems - Jeff Dean, Google')).toMatchObject({ source: 'Google', author: 'Jeff Dean' });
    expect(byTitle('Dockerizing MySQL at Uber')).toMatchObject({ source: 'Uber', author: null });
    expect(byTitle('The Twelve-Factor App')).toMatchObject({ source: '12factor.net', author: null });
  });

  it('gives awesome links topic tags from their title and section', () => {
    expect(byTitle('Caching with Consistent Hashing and Cache Smearing at Etsy')?.tags).toEqual(['caching', 'consistent hashing', 'cache', 'scalability']);
    expect(byTitle('Operate Kubernetes Reliably at Stripe')?.tags).toEqual(['kubernetes', 'scalability']);
    expect(awesome.filter((read) => read.tags.length > 0).length).toBeGreaterThan(540);
  });

  it('orders reads stably: listing then awesome, each by id', () => {
    const ids = (reads: Read[]) => reads.map((read) => read.id);
    expect(ids(listing)).toEqual([...ids(listing)].sort());
    expect(ids(awesome)).toEqual([...ids(awesome)].sort());
    expect(build.reads.findIndex((read) => read.origin === 'awesome-scalability')).toBe(listing.length);
  });

  it('keeps ids when files are reordered and other entries change', () => {
    const edited = sources.map((source) => ({
      ...source,
      text: source.text
        .replace('How TDMQ Pulsar Scales Million-Message Delayed Queues with Multi-Level Time Wheels', 'A Renamed Article')
        .replace('[The Twelve-Factor App](https://12factor.net/)', '[Twelve Factors](https://12factor.net/v2)'),
    }));
    const rebuilt = buildCatalogue([...edited].reverse());
    const idOf = (reads: Read[], title: string) => reads.find((read) => read.title === title)?.id;
    for (const title of ['Hybrid Push‑Pull Timeline Architecture: Scaling Social Feeds for Billions', 'Dockerizing MySQL at Uber', 'Clean Architecture']) {
      expect(idOf(rebuilt.reads, title)).toBe(idOf(build.reads, title));
    }
    expect(rebuilt.reads).toHaveLength(build.reads.length);
  });

  it('matches the committed assets/catalogue.json (run `npm run dataset` after changing sources or parsers)', () => {
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../../assets/catalogue.json'), 'utf8')) as Read[];
    expect(committed).toEqual(build.reads);
  });

  it('rejects a file that is neither kind of source', () => {
    expect(() => buildCatalogue([{ name: 'notes.txt', text: 'hello' }])).toThrow(/Not a listing page nor the awesome list: notes\.txt/);
  });
});
