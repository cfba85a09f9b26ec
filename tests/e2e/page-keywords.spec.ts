/**
 * The content script reads a documentation page and the background keeps that tab's terms, with
 * their counts per part of the page (issue 3): they are there for a real docs page in Chromium,
 * forgotten when the tab navigates away, and re-read when a single-page doc site changes its
 * location with history.pushState.
 */
import type { Worker } from '@playwright/test';
import type { PageKeywords } from '@/src/keywords/types';
import type { PAGE_FIELDS } from '@/src/relevance/page-terms';
import { docsTest as test, docsUrl, expect, tabIdOf } from './fixtures';

/** The content script reads on idle, after a debounce on location changes: allow for both on a busy CI machine. */
const READ_TIMEOUT = 15_000;

type Handlers = { tabKeywords(tabId: number): Promise<PageKeywords | undefined> };

/** What the background holds for the tab, straight from its store (no re-read). */
function heldKeywords(serviceWorker: Worker, tabId: number): Promise<PageKeywords | null> {
  return serviceWorker.evaluate(
    async (id) => (await (self as unknown as { docentHandlers: Handlers }).docentHandlers.tabKeywords(id)) ?? null,
    tabId,
  );
}

/**
 * The page fields in report order. Spelled out because Playwright's Node loader cannot import
 * src/relevance (it reaches JSON modules, stopwords-iso's among them); the type keeps it equal to PAGE_FIELDS.
 */
const FIELDS: typeof PAGE_FIELDS = ['title', 'site', 'h1', 'description', 'url', 'lead', 'heading', 'body'];

const termsOf = (page: PageKeywords | null) => page?.terms.map((term) => term.key) ?? [];
const countIn = (page: PageKeywords | null, key: string, field: (typeof FIELDS)[number]) =>
  page?.terms.find((term) => term.key === key)?.counts[FIELDS.indexOf(field)] ?? 0;
/**
 * Whether the page's own text holds `key` (any part but the URL): every fixture is served under one
 * docs host, kafka.readthedocs.io, whose name rightly gives `kafka` in the URL words of every page.
 */
const inPageText = (page: PageKeywords | null, key: string) => FIELDS.some((field) => field !== 'url' && countIn(page, key, field) > 0);

test('the background holds a docs tab’s terms and forgets them when the tab navigates away', async ({ docsBrowser, fixtureServer }) => {
  const sw = docsBrowser.serviceWorker;
  const page = await docsBrowser.context.newPage();
  const kafkaUrl = docsUrl('kafka-design.html');
  await page.goto(kafkaUrl);
  const tabId = await tabIdOf(sw, kafkaUrl);

  await expect.poll(() => heldKeywords(sw, tabId).then((held) => held?.url), { timeout: READ_TIMEOUT }).toBe(kafkaUrl);
  const held = await heldKeywords(sw, tabId);
  expect(held!.title).toContain('Kafka');
  expect(held!.terms.length).toBeGreaterThan(5);
  expect(termsOf(held)).toContain('kafka');
  // The page names its subject in its title, and talks about it in its body.
  expect(countIn(held, 'kafka', 'title') + countIn(held, 'kafka', 'site')).toBeGreaterThan(0);
  expect(countIn(held, 'kafka', 'body')).toBeGreaterThan(1);
  for (const { counts } of held!.terms) {
    expect(counts).toHaveLength(FIELDS.length);
    expect(counts.every((count) => Number.isInteger(count) && count >= 0) && counts.some((count) => count > 0)).toBe(true);
  }

  // Another documentation page in the same tab: the old terms go, the new page's arrive.
  const envoyUrl = docsUrl('envoy-load-balancers.html');
  await page.goto(envoyUrl);
  await expect.poll(() => heldKeywords(sw, tabId).then((next) => next?.url), { timeout: READ_TIMEOUT }).toBe(envoyUrl);
  const envoy = await heldKeywords(sw, tabId);
  expect(termsOf(envoy)).toContain('envoy');
  expect(inPageText(envoy, 'kafka')).toBe(false);

  // A page no content script runs on (not a documentation host): nothing is kept for the tab.
  await page.goto(fixtureServer.url('kafka-design.html'));
  await expect.poll(() => heldKeywords(sw, tabId), { timeout: READ_TIMEOUT }).toBeNull();
});

test('a single-page doc site that pushes a new location is re-read under the new URL', async ({ docsBrowser }) => {
  const sw = docsBrowser.serviceWorker;
  const page = await docsBrowser.context.newPage();
  const kafkaUrl = docsUrl('kafka-design.html');
  await page.goto(kafkaUrl);
  const tabId = await tabIdOf(sw, kafkaUrl);
  await expect.poll(() => heldKeywords(sw, tabId).then((held) => held?.url), { timeout: READ_TIMEOUT }).toBe(kafkaUrl);

  // What a client-side router (Docusaurus, VitePress…) does: swap the title, meta tags, canonical link and content, then push the URL.
  const redisUrl = docsUrl('spa/redis-eviction');
  await page.evaluate(async (nextPath) => {
    const html = await (await fetch('/redis-eviction.html')).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.title = next.title;
    const headTags = 'meta[name], meta[property], link[rel="canonical"]';
    document.head.querySelectorAll(headTags).forEach((tag) => tag.remove());
    document.head.append(...Array.from(next.head.querySelectorAll(headTags), (tag) => document.adoptNode(tag)));
    document.body.replaceWith(document.adoptNode(next.body));
    history.pushState({}, '', nextPath);
  }, new URL(redisUrl).pathname);
  expect(page.url()).toBe(redisUrl);

  await expect.poll(() => heldKeywords(sw, tabId).then((held) => held?.url), { timeout: READ_TIMEOUT }).toBe(redisUrl);
  const held = await heldKeywords(sw, tabId);
  expect(held!.title).toContain('eviction');
  expect(termsOf(held)).toContain('redis');
  expect(inPageText(held, 'kafka')).toBe(false);
  // The URL words are the new address's, not the previous page's.
  expect(countIn(held, 'eviction', 'url')).toBeGreaterThan(0);
});
