/**
 * The shipped model (model.json) on the bundled catalogue, as the extension ranks: on-topic pages
 * get reads for reasons that name their subject, off-topic near misses get none. Behaviour only —
 * no scores or weights — so a refit that keeps the behaviour keeps these green.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueIndex, pageTerms, RANK_SETTINGS, relatedForPage, vocabulary, type PageTerms } from '@/src/relevance';
import { rankForPage, specificConcepts } from '@/src/relevance/rank';
import { documentOf, fixtureDocument } from '../keywords/fixture-dom';

const cataloguePath = fileURLToPath(new URL('../../../assets/catalogue.json', import.meta.url));
const index = createCatalogueIndex(JSON.parse(readFileSync(cataloguePath, 'utf8')) as Read[]);
const termsOfFixture = (name: string): PageTerms => pageTerms(fixtureDocument(name), `https://docs.example.com/${name}`, vocabulary());

/** Words that say nothing about what a read and a page share: never a reason on their own. */
const GENERIC_REASONS = new Set(['operations', 'operation', 'database', 'databases', 'backend', 'data', 'system', 'systems', 'use', 'using', 'service', 'services', 'performance']);

const ON_TOPIC = [
  ['traefik-load-balancing.html', ['load balancing', 'round robin', 'consistent hashing', 'traefik']],
  ['influxdb-storage-engine.html', ['influxdb', 'time series', 'write-ahead log', 'columnar storage', 'storage engine']],
  ['kafka-design.html', ['kafka']],
  ['envoy-load-balancers.html', ['load balancing']],
] as const;
const OFF_TOPIC = ['offtopic-css-grid.html', 'offtopic-bash-handbook.html', 'offtopic-markdown-getting-started.html'];

describe('the shipped model on documentation pages', () => {
  it.each(ON_TOPIC)('%s gets at least three reads, each for specific reasons naming its subject', (fixture, subject) => {
    const { related } = relatedForPage(termsOfFixture(fixture), index);
    expect(related.length).toBeGreaterThanOrEqual(3);
    expect(new Set(related.map((r) => r.read.id)).size).toBe(related.length);
    for (const { read, matched } of related.slice(0, 3)) {
      expect(matched.length, read.title).toBeGreaterThan(0);
      for (const reason of matched) expect(GENERIC_REASONS.has(reason.toLowerCase()), `"${reason}" for ${read.title}`).toBe(false);
    }
    const reasons = related.slice(0, 3).flatMap((r) => r.matched.map((m) => m.toLowerCase()));
    expect(reasons.some((reason) => (subject as readonly string[]).includes(reason)), reasons.join(', ')).toBe(true);
  });

  it.each(OFF_TOPIC)('%s (an off-topic near miss) gets no reads: the gate holds it back', (fixture) => {
    const page = termsOfFixture(fixture);
    const ranking = rankForPage(page, index, RANK_SETTINGS);
    expect(ranking.gatePassed).toBe(false);
    expect(relatedForPage(page, index).related).toEqual([]);
  });

  it('finds specific concepts on the on-topic pages, fewer on the off-topic ones', () => {
    const concepts = (fixture: string) => specificConcepts(termsOfFixture(fixture), index, RANK_SETTINGS.gate).length;
    const fewestOnTopic = Math.min(...ON_TOPIC.map(([fixture]) => concepts(fixture)));
    const mostOffTopic = Math.max(...OFF_TOPIC.map(concepts));
    expect(fewestOnTopic).toBeGreaterThanOrEqual(RANK_SETTINGS.gate.minConcepts);
    expect(fewestOnTopic).toBeGreaterThan(mostOffTopic);
  });

  it('uses only the page’s own terms as its keywords', () => {
    const page = termsOfFixture('traefik-load-balancing.html');
    const surfaces = new Set(page.terms.map((t) => t.surface));
    const { keywords, related } = relatedForPage(page, index);
    expect(keywords.length).toBeGreaterThan(0);
    for (const { term } of keywords) expect(surfaces.has(term), term).toBe(true);
    for (const { matched } of related) for (const reason of matched) expect(surfaces.has(reason), reason).toBe(true);
  });
});

describe('saturation on the page side', () => {
  const subjectPage = (incidental: string) =>
    documentOf(`<!doctype html><html><head><title>Consistent hashing</title></head><body><main>
      <h1>Consistent hashing</h1>
      <p>Consistent hashing maps keys and nodes onto one ring, so adding a node moves only the keys of its neighbour.
      Virtual nodes even out the load; replication puts each key on the next nodes of the ring. Rendezvous hashing is the alternative.</p>
      <p>${`${incidental} `.repeat(200)}</p>
    </main></body></html>`);

  it('a word the body repeats 200 times does not outrank the title’s subject', () => {
    for (const incidental of ['dashboard', 'javascript', 'kubernetes']) {
      const page = pageTerms(subjectPage(incidental), 'https://example.com/notes', vocabulary());
      const { keywords, related } = relatedForPage(page, index);
      const order = keywords.map((k) => k.term.toLowerCase());
      expect(order.indexOf('consistent hashing'), `${incidental}: ${order.join(', ')}`).toBe(0);
      expect(related.length, incidental).toBeGreaterThanOrEqual(3);
      for (const { read, matched } of related.slice(0, 3)) expect(matched.map((m) => m.toLowerCase()), read.title).toContain('consistent hashing');
    }
  });
});
