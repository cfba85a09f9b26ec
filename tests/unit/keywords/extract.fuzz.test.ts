import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectPageText } from '@/src/keywords';
import { sanitizePageKeywords } from '@/src/platform/message-guards';
import { PAGE_FIELDS, pageTerms, vocabulary } from '@/src/relevance';
import { AWKWARD_CHARS, fuzz } from '../support/fuzz';
import { documentOf } from './fixture-dom';

/** Planted only where the extractor must not read: navigation, furniture, scripts, hidden elements. */
const HIDDEN_MARKER = 'zqxhiddenmarker';
/** Planted once in a plain paragraph of the main content, where it must be read. */
const VISIBLE_MARKER = 'zqxvisiblemarker';

const PAGE_URL = 'https://docs.example.com/guide/page.html';
const BODY = PAGE_FIELDS.indexOf('body');

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Page words: content words, stopwords, concepts, identifiers, numbers and awkward Unicode. */
const WORD = fc.constantFrom(
  'kafka', 'partition', 'replication', 'leader', 'offset', 'latency', 'the', 'and', 'of', 'is', 'broker',
  'Consistent Hashing', 'Raft', 'sharding', 'circuit-breaker', 'maxmemory-policy', 'node.js', 'c++', 'ConsumerGroup',
  'max_retries', '42', 'İstanbul', 'café', 'ﬁle', '𝐀PI', 'שלום', '日本語', ...AWKWARD_CHARS,
);
const TEXT = fc.array(WORD, { minLength: 1, maxLength: 8 }).map((words) => escapeText(words.join(' ')));

/*
 * Random markup, valid so that the parser keeps the nesting it is given (a <div> in a <p> would
 * close the <p>): flow content holds blocks and phrasing, phrasing content only inline elements.
 * Skipped regions, each holding the hidden marker, can appear at any depth. No landmark
 * (main, article) is generated inside, so the main content stays where the page puts it.
 */
/** Blocks the extractor reads, holding flow content; lists hold items. */
const FLOW_TAGS = ['div', 'section', 'blockquote', 'ul'];
/** Elements the extractor reads, holding phrasing content only. */
const PHRASING_BLOCK_TAGS = ['p', 'h2', 'h3', 'h4', 'pre'];
const INLINE_TAGS = ['span', 'em', 'strong', 'b', 'code'];
/** Blocks the extractor skips with everything in them. */
const SKIPPED_FLOW_TAGS = ['nav', 'aside', 'footer', 'form', 'dialog', 'object', 'canvas'];
/** Elements whose content is raw text: only text goes in them. */
const RAW_TEXT_TAGS = ['script', 'style', 'noscript', 'textarea', 'iframe', 'template'];
/** Attributes that hide an element, or mark it as page furniture, whatever its tag. */
const HIDING_ATTRIBUTES = [
  'hidden', 'aria-hidden="true"', 'style="display:none"', 'style="color: red; visibility: hidden"', 'role="navigation"',
  'role="complementary"', 'role="search"', 'role="dialog"', 'role="toolbar"', 'class="sidebar"', 'class="cookie-banner"',
  'class="comments"', 'class="toc"', 'id="footer-links"', 'class="share-buttons"', 'class="newsletter"', 'class="related"',
];

const element = (tag: string, inner: string, attribute = '') => {
  const open = attribute ? `<${tag} ${attribute}>` : `<${tag}>`;
  return tag === 'ul' ? `${open}<li>${inner}</li></${tag}>` : `${open}${inner}</${tag}>`;
};

const { flow } = fc.letrec<{ flow: string; flowNode: string; phrasing: string; phrasingNode: string }>((tie) => ({
  flow: fc.array(tie('flowNode'), { maxLength: 4 }).map((nodes) => nodes.join('')),
  phrasing: fc.array(tie('phrasingNode'), { maxLength: 3 }).map((nodes) => nodes.join('')),
  flowNode: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('phrasingNode'),
    fc.tuple(fc.constantFrom(...FLOW_TAGS), tie('flow')).map(([tag, inner]) => element(tag, inner)),
    fc.tuple(fc.constantFrom(...PHRASING_BLOCK_TAGS), tie('phrasing')).map(([tag, inner]) => element(tag, inner)),
    fc.tuple(fc.constantFrom(...SKIPPED_FLOW_TAGS), tie('flow')).map(([tag, inner]) => element(tag, `<h1>${HIDDEN_MARKER}</h1> ${inner}`)),
    fc.tuple(fc.constantFrom(...FLOW_TAGS), fc.constantFrom(...HIDING_ATTRIBUTES), tie('flow')).map(([tag, attribute, inner]) =>
      element(tag, `${inner}<p>${HIDDEN_MARKER}</p>`, attribute),
    ),
  ),
  phrasingNode: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    TEXT,
    fc.tuple(fc.constantFrom(...INLINE_TAGS), tie('phrasing')).map(([tag, inner]) => element(tag, inner)),
    TEXT.map((text) => `<a href="/x">${text}</a>`),
    // A button holds text only: a <button> inside another would close it.
    TEXT.map((text) => `<button>${HIDDEN_MARKER} ${text}</button>`),
    fc.tuple(fc.constantFrom(...INLINE_TAGS), fc.constantFrom(...HIDING_ATTRIBUTES), tie('phrasing')).map(([tag, attribute, inner]) =>
      element(tag, `${inner} ${HIDDEN_MARKER}`, attribute),
    ),
    fc.constantFrom(...RAW_TEXT_TAGS).map((tag) => `<${tag}>var ${HIDDEN_MARKER} = "<p>${HIDDEN_MARKER}</p>";</${tag}>`),
  ),
}));

/** A whole page: head, site header/navigation/footer around a main content of random markup holding the visible marker. */
const PAGE = fc
  .record({
    title: fc.option(TEXT, { nil: null }),
    description: fc.option(TEXT, { nil: null }),
    root: fc.constantFrom('main', 'article', 'role-main', 'body'),
    before: flow,
    after: flow,
    siteHeader: fc.boolean(),
  })
  .map(({ title, description, root, before, after, siteHeader }) => {
    const main = `${before}<p>${VISIBLE_MARKER}</p>${after}`;
    const wrapped =
      root === 'main' ? `<main>${main}</main>` : root === 'article' ? `<article>${main}</article>` : root === 'role-main' ? `<div role="main">${main}</div>` : main;
    // A site header is furniture only around a main landmark or at the top of a body-rooted page.
    const header = siteHeader ? `<header><a href="/">${HIDDEN_MARKER}</a></header>` : '';
    return [
      '<!doctype html><html><head>',
      title === null ? '' : `<title>${title}</title>`,
      description === null ? '' : `<meta name="description" content="${description.replace(/"/g, '&quot;')}">`,
      `</head><body>${header}<nav>${HIDDEN_MARKER} home</nav>${wrapped}<footer>${HIDDEN_MARKER} © 2026</footer></body></html>`,
    ].join('');
  });

const termsOf = (html: string) => pageTerms(documentOf(html), PAGE_URL, vocabulary()).terms;

describe('page terms on random pages (property-based)', () => {
  it('never reads navigation, furniture, scripts or hidden text, and always reads the main content', () => {
    fuzz(
      fc.property(PAGE, (html) => {
        const doc = documentOf(html);
        const page = collectPageText(doc);
        for (const block of page.blocks) expect(block.text, `${block.kind} block`).not.toContain(HIDDEN_MARKER);
        const terms = pageTerms(doc, PAGE_URL, vocabulary()).terms;
        expect(terms.flatMap((term) => [term.key, term.surface]).filter((text) => text.includes(HIDDEN_MARKER))).toEqual([]);
        expect(terms.map((term) => term.key)).toContain(VISIBLE_MARKER);
      }),
    );
  });

  it('gives normalised keys with a count per field, aboutness terms first, the same on every run', () => {
    const isAboutness = (counts: number[]) => counts.some((count, field) => field !== BODY && count > 0);
    fuzz(
      fc.property(PAGE, (html) => {
        const terms = termsOf(html);
        expect(termsOf(html)).toEqual(terms);
        expect(new Set(terms.map((term) => term.key)).size).toBe(terms.length);
        terms.forEach(({ key, surface, counts }, index) => {
          expect(key).toBe(key.toLowerCase());
          expect(key).toBe(key.trim());
          expect(key).toMatch(/[\p{L}\p{N}]/u);
          expect(surface).toMatch(/[\p{L}\p{N}]/u);
          // Only vocabulary concepts are phrases; every other term is one word.
          if (/\s/.test(key)) expect(vocabulary().isConcept(key), key).toBe(true);
          expect(counts).toHaveLength(PAGE_FIELDS.length);
          expect(counts.every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
          expect(counts.some((count) => count > 0)).toBe(true);
          if (index === 0) return;
          const previous = terms[index - 1]!.counts;
          // Every term of the title, URL, headings… before the body's own, those by body count.
          expect(isAboutness(counts) && !isAboutness(previous)).toBe(false);
          if (isAboutness(counts) === isAboutness(previous)) expect(counts[BODY]).toBeLessThanOrEqual(previous[BODY]!);
        });
      }),
    );
  });

  it('produces only reports the background accepts unchanged', () => {
    fuzz(
      fc.property(PAGE, (html) => {
        const { title, terms } = pageTerms(documentOf(html), PAGE_URL, vocabulary());
        const report = { url: PAGE_URL, title, terms, extractMs: 1 };
        expect(sanitizePageKeywords(report)).toEqual(report);
      }),
    );
  });
});

describe('regressions found by the properties above', () => {
  it('reads a heading or code block without the hidden permalinks, icons and buttons inside it', () => {
    const doc = documentOf(
      '<main><h2>Replication<a class="anchor" aria-hidden="true"><svg><title>Permalink</title></svg></a><span hidden>secret</span></h2>' +
        '<pre>kafka-topics --create<button>Copy</button></pre></main>',
    );
    expect(collectPageText(doc).blocks.map((block) => [block.kind, block.text])).toEqual([
      ['heading', 'Replication'],
      ['code', 'kafka-topics --create'],
    ]);
  });

  it('titles a page without <title> by the first h1 it reads, not one in a hidden dialog or a nav', () => {
    const doc = documentOf('<body><div hidden><h1>Cookie settings</h1></div><nav><h1>Menu</h1></nav><main><h1>Consumer groups</h1></main></body>');
    expect(collectPageText(doc).title).toBe('Consumer groups');
  });
});
