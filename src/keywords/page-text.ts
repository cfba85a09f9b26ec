/**
 * Picks the text of a page worth reading for keywords: the title, meta description/keywords,
 * headings and the main content, with navigation, sidebars, site headers/footers, cookie banners,
 * comments and hidden elements dropped. Pure DOM walking (no layout, no cloning, no recursion, no
 * child lists copied), bounded by a character and a node budget so a huge page costs the same as a
 * long one, and written as steps (see steps.ts) so the content script can pause between them.
 */
import { runToEnd, type WorkSteps } from './steps';

/** One run of text with how much it says about the page (title > headings > body). */
export type WeightedText = { text: string; weight: number; kind: 'title' | 'meta' | 'heading' | 'body' | 'code' };

export type PageText = {
  title: string;
  blocks: WeightedText[];
  /** Characters of text actually considered (the budget's measure of work done). */
  charsConsidered: number;
  /** Nodes visited by the walk (bounded too, so a huge DOM with little text stays cheap). */
  nodesVisited: number;
  /** True when a budget stopped the walk before the end of the main content. */
  truncated: boolean;
};

export type PageTextOptions = {
  /** Characters of main-content text considered at most (default MAX_PAGE_CHARS). */
  maxChars?: number;
  /** Nodes visited at most (default 50 000). */
  maxNodes?: number;
};

export const BLOCK_WEIGHTS = { title: 5, metaKeywords: 3, metaDescription: 2, h1: 4, h2: 2.5, h3: 2, h4: 1.5, body: 1, code: 1 } as const;

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed',
  'nav', 'aside', 'footer', 'form', 'button', 'select', 'textarea', 'input', 'dialog', 'menu',
]);
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar', 'tablist']);
// Class/id words that mark page furniture rather than content (matched as whole dash/underscore-separated words).
const FURNITURE = /(?:^|[\s_-])(?:cookies?|consent|gdpr|banner|comments?|disqus|sidebar|breadcrumbs?|toc|navbar|nav|menu|footer|social|share|sharing|newsletter|subscribe|advert|ads|promo|skip|page-meta|edit-page|feedback|related|pagination|pager)(?:$|[\s_-])/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const MAIN_SELECTORS = ['main', '[role="main"]', 'article', '#content', '#main-content', '.content'];

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

function isFurniture(el: Element, rootIsBody: boolean): boolean {
  const tag = el.tagName.toLowerCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  // A <header> inside the main content is the article's own header (it holds the h1); the site header is not.
  if (tag === 'header' && rootIsBody) return true;
  const role = el.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role)) return true;
  const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return marks.trim() !== '' && FURNITURE.test(marks);
}

/**
 * Nodes looked at between two chances to pause: small enough that a step takes well under a
 * millisecond even on a cold start, large enough that pausing costs nothing noticeable.
 */
export const NODES_PER_STEP = 64;

/** Characters of a title kept (the background keeps no more either). */
const TITLE_CHARS = 1000;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Invisible formatting: bidi marks, embeddings, overrides and isolates, joiners, soft hyphens, BOMs,
// variation selectors. Dropped from text so `con<ZWJ>sumer` reads as `consumer`.
const FORMAT_CHARACTERS = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200C-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/g;
// Zero-width spaces separate words without showing a space.
const ZERO_WIDTH_SPACES = /[\u200B\u180E]/g;
// Half a surrogate pair is no character at all (script can put one in a text node).
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as the extractor reads it: composed (NFC), invisible formatting dropped, whitespace collapsed. */
export function readableText(raw: string): string {
  return raw
    .replace(LONE_SURROGATES, ' ')
    .normalize('NFC')
    .replace(FORMAT_CHARACTERS, '')
    .replace(ZERO_WIDTH_SPACES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Counts nodes against the walk's budget and says when a step's worth of work is done. */
class NodeBudget {
  visited = 0;
  private sinceStep = 0;
  constructor(private readonly max: number) {}
  /** False when the budget is spent (the node is not counted). */
  take(): boolean {
    if (this.visited >= this.max) return false;
    this.visited++;
    this.sinceStep++;
    return true;
  }
  /** True once per NODES_PER_STEP nodes: time for the caller to yield. */
  stepDone(): boolean {
    if (this.sinceStep < NODES_PER_STEP) return false;
    this.sinceStep = 0;
    return true;
  }
}

/**
 * The text of a heading or code block minus what the walk skips inside it (anchor icons' titles,
 * hidden permalinks, "Copy" buttons), like `textContent` but bounded: at most `maxChars`
 * characters and the nodes left in `budget`, walked by sibling pointers (no recursion, no copied
 * child lists). Returns what it got and whether it stopped early.
 */
function* readableTextWithin(el: Element, rootIsBody: boolean, maxChars: number, budget: NodeBudget): WorkSteps<{ text: string; complete: boolean }> {
  const parts: string[] = [];
  let length = 0;
  const ancestors: Node[] = [];
  let node: Node | null = el.firstChild;
  while (node !== null) {
    if (length >= maxChars || !budget.take()) return { text: parts.join(''), complete: false };
    if (budget.stepDone()) yield;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      parts.push(value.length > maxChars - length ? value.slice(0, maxChars - length) : value);
      length += value.length;
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild !== null && !isSkipped(node as Element, rootIsBody)) {
      ancestors.push(node);
      node = node.firstChild;
      continue;
    }
    node = node.nextSibling;
    while (node === null && ancestors.length > 0) node = ancestors.pop()!.nextSibling;
  }
  return { text: parts.join(''), complete: true };
}

const isSkipped = (el: Element, rootIsBody: boolean) => isHidden(el) || isFurniture(el, rootIsBody);

/** For a page without a <title>: the first h1 the walk would read (not the one in a hidden dialog or a nav). */
function* readableH1Text(doc: Document, root: Element | null, budget: NodeBudget): WorkSteps<string> {
  const rootIsBody = root === doc.body;
  const headings = doc.querySelectorAll('h1');
  for (let i = 0; i < headings.length; i++) {
    const h1 = headings[i]!;
    let skipped = false;
    for (let el: Element | null = h1; el && el !== root && el !== doc.body && !skipped; el = el.parentElement) {
      if (!budget.take()) return '';
      if (budget.stepDone()) yield;
      skipped = isSkipped(el, rootIsBody);
    }
    if (!skipped) return (yield* readableTextWithin(h1, rootIsBody, TITLE_CHARS * 2, budget)).text;
  }
  return '';
}

/** The element holding the page's main content: a landmark when the page has one, else the body. */
export function mainContentRoot(doc: Document): Element | null {
  return runToEnd(mainContentRootSteps(doc));
}

function* mainContentRootSteps(doc: Document): WorkSteps<Element | null> {
  for (const selector of MAIN_SELECTORS) {
    // The first visible match, and whether there is a second (a hostile page may have thousands of hidden ones).
    let first: Element | null = null;
    let several = false;
    const matches = doc.querySelectorAll(selector);
    yield;
    for (let i = 0; i < matches.length && !several; i++) {
      if (i > 0 && i % NODES_PER_STEP === 0) yield;
      const el = matches[i]!;
      if (isHidden(el)) continue;
      if (first === null) first = el;
      else several = true;
    }
    // Several <article>s usually means a feed, not one page's content.
    if (first !== null && (!several || selector !== 'article')) return first;
  }
  return doc.body;
}

function headingWeight(tag: string): number | null {
  switch (tag) {
    case 'h1': return BLOCK_WEIGHTS.h1;
    case 'h2': return BLOCK_WEIGHTS.h2;
    case 'h3': return BLOCK_WEIGHTS.h3;
    case 'h4': case 'h5': case 'h6': return BLOCK_WEIGHTS.h4;
    default: return null;
  }
}

const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'blockquote', 'pre', 'figure', 'figcaption', 'br', 'hr', 'main', 'header']);

/**
 * Characters of text considered per page: several times a typical documentation page (the dev
 * set's longest main content is ~19k), and a bound on the work a huge page can cause.
 */
export const MAX_PAGE_CHARS = 60_000;

/** Collect the weighted text of a page at once. Never throws on odd markup; bounded by `maxChars`/`maxNodes`. */
export function collectPageText(doc: Document, options: PageTextOptions = {}): PageText {
  return runToEnd(pageTextSteps(doc, options));
}

/** `collectPageText` as steps of at most NODES_PER_STEP nodes (or one block of text) each. */
export function* pageTextSteps(doc: Document, options: PageTextOptions = {}): WorkSteps<PageText> {
  const maxChars = options.maxChars ?? MAX_PAGE_CHARS;
  const budget = new NodeBudget(options.maxNodes ?? 50_000);
  const blocks: WeightedText[] = [];
  const root = yield* mainContentRootSteps(doc);
  const title = readableText(doc.title.slice(0, TITLE_CHARS * 2) || (yield* readableH1Text(doc, root, budget))).slice(0, TITLE_CHARS);
  if (title) blocks.push({ text: title, weight: BLOCK_WEIGHTS.title, kind: 'title' });
  const meta = (name: string) => readableText(doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.slice(0, 1000) ?? '');
  const description = meta('description') || readableText(doc.querySelector('meta[property="og:description"]')?.getAttribute('content')?.slice(0, 1000) ?? '');
  if (description) blocks.push({ text: description, weight: BLOCK_WEIGHTS.metaDescription, kind: 'meta' });
  const metaKeywords = meta('keywords');
  if (metaKeywords) blocks.push({ text: metaKeywords.replace(/\s*,\s*/g, ' . '), weight: BLOCK_WEIGHTS.metaKeywords, kind: 'meta' });

  let charsConsidered = 0;
  let truncated = false;
  if (root) {
    const rootIsBody = root === doc.body;
    let body: string[] = [];
    const flushBody = () => {
      const text = readableText(body.join(''));
      if (text) blocks.push({ text, weight: BLOCK_WEIGHTS.body, kind: 'body' });
      body = [];
    };
    const take = (text: string): string => {
      const room = maxChars - charsConsidered;
      const kept = text.length > room ? text.slice(0, room) : text;
      charsConsidered += kept.length;
      if (kept.length < text.length) truncated = true;
      return kept;
    };
    // Pre-order walk by sibling pointers with our own ancestor stack: deep DOMs cannot blow the
    // stack, wide ones cost nothing up front, and a node the page removes while we pause only
    // ends the walk of its parent early (its siblings are then out of reach).
    const ancestors: { el: Element; isBlock: boolean }[] = [];
    let node: Node | null = root;
    while (node !== null) {
      if (charsConsidered >= maxChars || !budget.take()) {
        truncated = true;
        break;
      }
      if (budget.stepDone()) yield;
      let enter: Element | null = null;
      if (node.nodeType === TEXT_NODE) {
        body.push(take(node.nodeValue ?? ''));
      } else if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        if (el === root || !isSkipped(el, rootIsBody)) {
          const tag = el.tagName.toLowerCase();
          const heading = headingWeight(tag);
          if (heading !== null || tag === 'pre' || tag === 'code') {
            // Raw text before whitespace is collapsed: room for twice the budget left is plenty.
            const raw = yield* readableTextWithin(el, rootIsBody, 2 * (maxChars - charsConsidered) + 1000, budget);
            if (!raw.complete) truncated = true;
            const text = take(readableText(raw.text));
            if (text && heading !== null) {
              flushBody();
              blocks.push({ text, weight: heading, kind: 'heading' });
            } else if (text && tag === 'pre') {
              flushBody();
              blocks.push({ text, weight: BLOCK_WEIGHTS.code, kind: 'code' });
            } else if (text) {
              // Inline code reads as part of the sentence (`maxmemory` directive), so it stays in the prose.
              body.push(` ${text} `);
            }
          } else {
            const isBlock = BLOCK_TAGS.has(tag);
            if (isBlock) body.push(' ');
            if (el.firstChild !== null) {
              ancestors.push({ el, isBlock });
              enter = el;
            }
          }
        }
      }
      if (enter !== null) {
        node = enter.firstChild;
        continue;
      }
      // Next node: the sibling, else the sibling of the nearest ancestor that has one (closing blocks on the way up).
      node = node === root ? null : node.nextSibling;
      while (node === null && ancestors.length > 0) {
        const { el, isBlock } = ancestors.pop()!;
        if (isBlock) body.push(' ');
        node = el === root ? null : el.nextSibling;
      }
    }
    flushBody();
  }
  return { title, blocks, charsConsidered, nodesVisited: budget.visited, truncated };
}

/**
 * Text handed to the vocabulary and the tokenizer at once, at most: a longer block is read in
 * pieces cut at a sentence end (else a space) so each piece is one short step of work.
 */
export const CHUNK_CHARS = 4000;

/** `text` in pieces of at most CHUNK_CHARS, cut after a sentence's end where there is one in the second half. */
export function chunksOf(text: string): string[] {
  if (text.length <= CHUNK_CHARS) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > CHUNK_CHARS) {
    const piece = text.slice(start, start + CHUNK_CHARS);
    const sentenceEnd = Math.max(piece.lastIndexOf('. '), piece.lastIndexOf('? '), piece.lastIndexOf('! '));
    const space = piece.lastIndexOf(' ');
    const cut = sentenceEnd >= CHUNK_CHARS / 2 ? sentenceEnd + 1 : space > 0 ? space : CHUNK_CHARS;
    chunks.push(piece.slice(0, cut));
    start += cut;
  }
  chunks.push(text.slice(start));
  return chunks;
}
