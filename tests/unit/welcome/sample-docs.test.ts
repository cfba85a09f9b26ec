import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueIndex, pageTerms, relatedForPage, vocabulary } from '@/src/relevance';
import { isSampleDocsUrl, SAMPLE_DOCS_PATH } from '@/src/welcome/sample-docs';
import { documentOf } from '../keywords/fixture-dom';

const root = 'chrome-extension://abcdefghijklmnop/';

describe('isSampleDocsUrl', () => {
  it('is the sample page of this extension, whatever its query or fragment', () => {
    expect(isSampleDocsUrl(`${root}sample-docs.html`, root)).toBe(true);
    expect(isSampleDocsUrl(`${root}sample-docs.html?from=welcome#leaders`, root)).toBe(true);
    expect(isSampleDocsUrl('moz-extension://1234-5678/sample-docs.html', 'moz-extension://1234-5678/')).toBe(true);
  });

  it('is no other page: another extension, another of ours, a web page with the same path, garbage', () => {
    expect(isSampleDocsUrl('chrome-extension://otherextension/sample-docs.html', root)).toBe(false);
    expect(isSampleDocsUrl(`${root}popup.html`, root)).toBe(false);
    expect(isSampleDocsUrl(`${root}sample-docs.html/extra`, root)).toBe(false);
    expect(isSampleDocsUrl('https://abcdefghijklmnop/sample-docs.html', root)).toBe(false);
    expect(isSampleDocsUrl('not a url', root)).toBe(false);
  });
});

describe('the bundled sample documentation page', () => {
  const html = readFileSync(fileURLToPath(new URL(`../../../entrypoints/sample-docs/index.html`, import.meta.url)), 'utf8');
  const catalogue = JSON.parse(readFileSync(fileURLToPath(new URL('../../../assets/catalogue.json', import.meta.url)), 'utf8')) as Read[];

  it('is where the sample path says', () => {
    expect(SAMPLE_DOCS_PATH).toBe('/sample-docs.html');
  });

  it('reads as an architecture page: its concepts find related reads in the bundled catalogue', () => {
    const page = pageTerms(documentOf(html), `${root}sample-docs.html`, vocabulary());
    expect(page.title).toContain('Partitions and replication');
    const terms = page.terms.map((term) => term.surface);
    for (const concept of ['consistent hashing', 'write-ahead log', 'raft', 'split-brain']) expect(terms).toContain(concept);
    const { related } = relatedForPage(page, createCatalogueIndex(catalogue));
    expect(related.length).toBeGreaterThanOrEqual(3);
    // The demo shows the "why": every related read names page terms it shares.
    for (const { matched } of related) expect(matched.length).toBeGreaterThan(0);
  });

  it('keeps the banner, navigation and footer out of what is read (only the article)', () => {
    const terms = (doc: Document) => pageTerms(doc, `${root}sample-docs.html`, vocabulary()).terms.map((term) => term.surface);
    const banner = documentOf(html).querySelector('.sample-banner')!.textContent!;
    // Control: the banner's words are candidates when they are the main text.
    expect(terms(documentOf(`<main><p>${banner}</p></main>`))).toContain('toolbar');
    expect(terms(documentOf(html))).not.toContain('toolbar');
    expect(terms(documentOf(html))).not.toContain('imaginary');
  });
});
