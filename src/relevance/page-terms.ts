/**
 * A page → its terms, each with how often it occurs in each part of the page. This runs in the
 * page (content script): only the DOM and the vocabulary are needed, and what leaves it is a list
 * of term keys and counts, never the page's text.
 *
 * The parts say what the page is about (its aboutness) before its body says what it mentions:
 * the `<title>` minus the site's name, the site's name (`og:site_name`, the title part that names
 * the site), the `<h1>`, the meta description, the URL's path and host words, the first paragraph
 * (lead), the other headings, and the main text. Navigation, sidebars and footers never get here
 * (see src/keywords/page-text.ts).
 */
import { chunksOf, pageTextSteps, type PageTextOptions } from '@/src/keywords/page-text';
import { runToEnd, type WorkSteps } from '@/src/keywords/steps';
import { GENRE_TERMS } from './text';
import { analyze, type Vocabulary } from './vocabulary';
import { MAX_PAGE_TERMS, PAGE_FIELDS, type PageField, type PageTerm } from './page-fields';

export { MAX_PAGE_TERMS, PAGE_FIELDS, type PageField, type PageTerm } from './page-fields';
export type PageTerms = { title: string; terms: PageTerm[] };
/** The lead is the first paragraph's opening: what a page says first about itself. */
const LEAD_CHARS = 600;
/** Title separators: `Replication | Apache Kafka`, `Sharding — Vitess`, `Docs: Envoy`. */
const TITLE_SEPARATOR = /\s+[|—–·•:-]\s+/;
/** Host labels that name no product. */
const GENERIC_HOST_LABELS = new Set(['www', 'docs', 'doc', 'io', 'org', 'com', 'dev', 'net', 'en']);

type FieldTexts = Record<PageField, string[]>;

function siteName(doc: Document): string {
  const content = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';
  return content.slice(0, 200);
}

function urlWords(pageUrl: string): string[] {
  try {
    const url = new URL(pageUrl);
    return [
      url.pathname.replace(/\.[a-z]+$/i, '').split(/[/_.-]+/).join(' ').slice(0, 300),
      url.hostname.split('.').filter((label) => !GENERIC_HOST_LABELS.has(label)).join(' '),
    ];
  } catch {
    return [];
  }
}

function* fieldTextSteps(doc: Document, pageUrl: string, options: PageTextOptions): WorkSteps<FieldTexts & { pageTitle: string }> {
  const page = yield* pageTextSteps(doc, options);
  const fields: FieldTexts = { title: [], site: [], h1: [], description: [], url: [], lead: [], heading: [], body: [] };
  const site = siteName(doc);
  const titleParts = page.title.split(TITLE_SEPARATOR);
  for (const part of titleParts) {
    const namesSite = site !== '' && titleParts.length > 1 && site.toLowerCase().includes(part.toLowerCase());
    fields[namesSite ? 'site' : 'title'].push(part);
  }
  if (site) fields.site.push(site);
  let lead = true;
  for (const block of page.blocks) {
    if (block.kind === 'title' || block.kind === 'code') continue;
    if (block.kind === 'meta') fields.description.push(block.text);
    else if (block.kind === 'heading') fields[block.weight === 4 ? 'h1' : 'heading'].push(block.text);
    else {
      if (lead) fields.lead.push(block.text.slice(0, LEAD_CHARS));
      lead = false;
      fields.body.push(block.text);
    }
  }
  // The address the page is shown at; a saved page (file:) stands for its canonical address. A
  // single-page site may leave the previous page's canonical link in place, so it never overrides a web address.
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  fields.url.push(...urlWords(/^https?:/i.test(pageUrl) || !canonical ? pageUrl : canonical));
  return { ...fields, pageTitle: page.title };
}

/** Field texts → page terms, one chunk of text per step. */
function* termSteps(fields: FieldTexts, vocabulary: Vocabulary): WorkSteps<PageTerm[]> {
  const byKey = new Map<string, PageTerm>();
  for (const [f, field] of PAGE_FIELDS.entries()) {
    for (const text of fields[field]) {
      for (const chunk of chunksOf(text)) {
        analyze(chunk, vocabulary, (key, surface) => {
          if (GENRE_TERMS.has(key)) return;
          let term = byKey.get(key);
          if (!term) byKey.set(key, (term = { key, surface, counts: PAGE_FIELDS.map(() => 0) }));
          term.counts[f]!++;
        });
        yield;
      }
    }
  }
  const body = PAGE_FIELDS.indexOf('body');
  const aboutness = (t: PageTerm) => t.counts.some((c, f) => f !== body && c > 0);
  return [...byKey.values()]
    .sort((a, b) => Number(aboutness(b)) - Number(aboutness(a)) || b.counts[body]! - a.counts[body]! || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_PAGE_TERMS);
}

/** `pageTerms` as steps, for the content script's sliced read. */
export function* pageTermSteps(doc: Document, pageUrl: string, vocabulary: Vocabulary, options: PageTextOptions = {}): WorkSteps<PageTerms> {
  const { pageTitle, ...fields } = yield* fieldTextSteps(doc, pageUrl, options);
  return { title: pageTitle, terms: yield* termSteps(fields, vocabulary) };
}

/**
 * A read as a small page, for "more like this": its title is its title and h1, its summary its
 * description and body, its tags its headings.
 */
export function readAsPage(read: { title: string; summary: string | null; tags: readonly string[] }, vocabulary: Vocabulary): PageTerms {
  const summary = read.summary ?? '';
  const fields: FieldTexts = { title: [read.title], site: [], h1: [read.title], description: [summary], url: [], lead: [summary], heading: [...read.tags], body: [summary, ...read.tags] };
  return { title: read.title, terms: runToEnd(termSteps(fields, vocabulary)) };
}

/** A page's terms at once (Node, tests, the CLI). */
export function pageTerms(doc: Document, pageUrl: string, vocabulary: Vocabulary, options: PageTextOptions = {}): PageTerms {
  return runToEnd(pageTermSteps(doc, pageUrl, vocabulary, options));
}
