import { describe, expect, it } from 'vitest';
import { MAX_PAGE_TERMS, PAGE_FIELDS, pageTerms, readAsPage, vocabulary, type PageTerm } from '@/src/relevance';
import type { PageField } from '@/src/relevance/page-terms';
import { documentOf, fixtureDocument } from '../keywords/fixture-dom';
import { keysOf } from '../keywords/term-keys';

const keyOf = (word: string) => keysOf(word)[0]!;
const termsOf = (doc: Document, url = 'https://example.com/page') => pageTerms(doc, url, vocabulary()).terms;
const byKey = (terms: readonly PageTerm[]) => new Map(terms.map((term) => [term.key, term]));
/** The fields a term was counted in, with its count there. */
const fieldsOf = (term: PageTerm | undefined): Partial<Record<PageField, number>> =>
  Object.fromEntries(PAGE_FIELDS.flatMap((field, i) => (term && term.counts[i]! > 0 ? [[field, term.counts[i]!]] : [])));

describe('aboutness: what the page says it is about', () => {
  const filler = 'Nodes exchange messages in rounds until they agree. '.repeat(15);
  const page = documentOf(`<!doctype html><html><head>
    <title>Quorum replication | Zephyrdb Docs</title>
    <meta property="og:site_name" content="Zephyrdb Docs">
    <meta name="description" content="How heartbeats detect a failed leader.">
    <link rel="canonical" href="https://docs.zephyrdb.io/guides/consistent-hashing.html">
    </head><body><nav>Gossip protocol</nav><main>
      <h1>Raft</h1>
      <p>The write-ahead log is replayed at startup. ${filler} Snapshotting trims it.</p>
      <h2>Compaction</h2>
      <p>Tombstones are dropped.</p>
    </main></body></html>`);
  // Read from a saved copy: the canonical link says where the page lives.
  const terms = byKey(termsOf(page, 'file:///home/reader/saved/page.html'));
  const fields = (word: string) => fieldsOf(terms.get(keyOf(word)));

  it('splits the title at its separator: the subject is the title, the part naming the site is the site', () => {
    expect(fields('quorum')).toEqual({ title: 1 });
    expect(fields('replication')).toEqual({ title: 1 });
    // The title's site part and og:site_name, and the canonical URL's host.
    expect(fields('zephyrdb')).toEqual({ site: 2, url: 1 });
  });

  it('fills h1, description, other headings from their own elements', () => {
    expect(fields('raft')).toEqual({ h1: 1 });
    expect(fields('heartbeats')).toEqual({ description: 1 });
    expect(fields('compaction')).toEqual({ heading: 1 });
  });

  it('reads a saved page’s URL from its canonical link, path and host, not from the file it was read from', () => {
    expect(fields('consistent hashing')).toEqual({ url: 1 });
    expect(terms.has(keyOf('reader'))).toBe(false);
    expect(terms.has(keyOf('saved'))).toBe(false);
  });

  it('reads a web page’s URL from the address it is shown at: a single-page site may leave the last page’s canonical link behind', () => {
    const shown = byKey(termsOf(page, 'https://mirror.example.net/copied/page-about-sharding'));
    expect(fieldsOf(shown.get(keyOf('sharding')))).toEqual({ url: 1 });
    expect(fieldsOf(shown.get(keyOf('mirror')))).toEqual({ url: 1 });
    expect(shown.has(keyOf('consistent hashing'))).toBe(false);
  });

  it('takes the first paragraph’s opening as the lead, and every paragraph as the body', () => {
    expect(fields('write-ahead log')).toEqual({ lead: 1, body: 1 });
    expect(fields('snapshotting')).toEqual({ body: 1 }); // past the lead's first 600 characters
    expect(fields('tombstones')).toEqual({ body: 1 });
  });

  it('reads no navigation, and no word that only names a kind of document', () => {
    expect(terms.has(keyOf('gossip'))).toBe(false);
    expect(terms.has(keyOf('docs'))).toBe(false);
  });

  it('reads the page URL when there is no canonical link, and leaves the site empty without og:site_name', () => {
    const plain = byKey(termsOf(documentOf('<html><head><title>Sharding — Vitess</title></head><body><main><p>Keyspaces.</p></main></body></html>'), 'https://vitess.io/docs/reference/resharding'));
    expect(fieldsOf(plain.get(keyOf('sharding')))).toEqual({ title: 1 });
    expect(fieldsOf(plain.get(keyOf('vitess')))).toEqual({ title: 1, url: 1 });
    expect(fieldsOf(plain.get(keyOf('resharding')))).toEqual({ url: 1 });
  });

  it('puts every aboutness term before the body’s own terms, whatever their body counts', () => {
    const body = PAGE_FIELDS.indexOf('body');
    const order = termsOf(page).map((term) => term.counts.some((count, field) => field !== body && count > 0));
    expect(order.indexOf(false)).toBeGreaterThan(0);
    expect(order.slice(order.indexOf(false))).not.toContain(true);
  });
});

describe('page terms of real documentation pages', () => {
  it('finds multi-word concepts of the vocabulary as single terms', () => {
    const envoy = termsOf(fixtureDocument('envoy-load-balancers.html')).map((term) => term.key);
    expect(envoy).toEqual(expect.arrayContaining(keysOf('load balancing', 'round robin', 'consistent hashing')));
  });

  it('finds the product a page documents in its aboutness fields', () => {
    const title = PAGE_FIELDS.indexOf('title');
    const site = PAGE_FIELDS.indexOf('site');
    const kafka = byKey(termsOf(fixtureDocument('kafka-design.html'), 'https://kafka.apache.org/documentation/')).get(keyOf('kafka'))!;
    expect(kafka.counts[title]! + kafka.counts[site]!).toBeGreaterThan(0);
    const redis = byKey(termsOf(fixtureDocument('redis-eviction.html'))).get(keyOf('redis'))!;
    expect(fieldsOf(redis).title ?? fieldsOf(redis).h1).toBeGreaterThan(0);
  });

  it('keeps identifiers with underscores and dots whole, and drops stopwords and bare numbers', () => {
    const keys = termsOf(documentOf('<main><p>The 42 nodes of the cluster set max_retries in node.js, 2024.</p></main>')).map((term) => term.key);
    expect(keys).toEqual(expect.arrayContaining(['max_retries', 'node.js', ...keysOf('nodes', 'cluster')]));
    for (const dropped of ['the', 'of', 'in', '42', '2024']) expect(keys).not.toContain(dropped);
  });

  it('never sends more than MAX_PAGE_TERMS terms, and keeps the title’s among them', () => {
    const words = Array.from({ length: 2 * MAX_PAGE_TERMS }, (_, i) => `zq${i.toString(36)}word`);
    const keys = termsOf(documentOf(`<html><head><title>Gossip</title></head><body><main><p>${words.join(' ')}</p></main></body></html>`)).map((term) => term.key);
    expect(keys).toHaveLength(MAX_PAGE_TERMS);
    expect(keys).toContain(keyOf('gossip'));
  });
});

describe('readAsPage', () => {
  it('reads a catalogue read as a small page: title as title and h1, tags as headings', () => {
    const page = readAsPage({ title: 'Consistent hashing at Discord', summary: 'How the ring moves partitions.', tags: ['Sharding'] }, vocabulary());
    expect(page.title).toBe('Consistent hashing at Discord');
    const terms = byKey(page.terms);
    expect(fieldsOf(terms.get(keyOf('consistent hashing')))).toEqual({ title: 1, h1: 1 });
    expect(fieldsOf(terms.get(keyOf('sharding')))).toEqual({ heading: 1, body: 1 });
    expect(fieldsOf(terms.get(keyOf('partitions')))).toEqual({ description: 1, lead: 1, body: 1 });
    expect(readAsPage({ title: 'Raft', summary: null, tags: [] }, vocabulary()).terms.map((t) => t.key)).toEqual([keyOf('raft')]);
  });
});
