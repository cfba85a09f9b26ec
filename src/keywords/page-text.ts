/**
 * Picks the text of a page worth reading for keywords: the title, meta description/keywords,
 * headings and the main content, with navigation, sidebars, site headers/footers, cookie banners,
 * comments and hidden elements dropped. Pure DOM walking (no layout, no cloning), bounded by a
 * character budget so a huge page costs the same as a long one.
 */

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

/** The element holding the page's main content: a landmark when the page has one, else the body. */
export function mainContentRoot(doc: Document): Element | null {
  for (const selector of MAIN_SELECTORS) {
    const candidates = Array.from(doc.querySelectorAll(selector)).filter((el) => !isHidden(el));
    // Several <article>s usually means a feed, not one page's content.
    if (candidates.length === 1 || (candidates.length > 1 && selector !== 'article')) return candidates[0]!;
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
 * set's longest main content is ~19k), and a bound that keeps a 1 MB page's read well under 50 ms.
 */
export const MAX_PAGE_CHARS = 60_000;

/** Collect the weighted text of a page. Never throws on odd markup; bounded by `maxChars`/`maxNodes`. */
export function collectPageText(doc: Document, options: PageTextOptions = {}): PageText {
  const maxChars = options.maxChars ?? MAX_PAGE_CHARS;
  const maxNodes = options.maxNodes ?? 50_000;
  const blocks: WeightedText[] = [];
  const title = (doc.title || doc.querySelector('h1')?.textContent || '').replace(/\s+/g, ' ').trim();
  if (title) blocks.push({ text: title, weight: BLOCK_WEIGHTS.title, kind: 'title' });
  const meta = (name: string) =>
    doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.slice(0, 1000).trim() ?? '';
  const description = meta('description') || (doc.querySelector('meta[property="og:description"]')?.getAttribute('content')?.slice(0, 1000).trim() ?? '');
  if (description) blocks.push({ text: description, weight: BLOCK_WEIGHTS.metaDescription, kind: 'meta' });
  const metaKeywords = meta('keywords');
  if (metaKeywords) blocks.push({ text: metaKeywords.replace(/\s*,\s*/g, ' . '), weight: BLOCK_WEIGHTS.metaKeywords, kind: 'meta' });

  const root = mainContentRoot(doc);
  let charsConsidered = 0;
  let nodesVisited = 0;
  let truncated = false;
  if (root) {
    const rootIsBody = root === doc.body;
    let body: string[] = [];
    const flushBody = () => {
      const text = body.join('').replace(/\s+/g, ' ').trim();
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
    // Iterative walk (no recursion: deep DOMs must not blow the stack). Markers close blocks.
    const stack: (Node | 'end-block')[] = [root];
    while (stack.length > 0) {
      if (charsConsidered >= maxChars || nodesVisited >= maxNodes) {
        truncated = true;
        break;
      }
      const node = stack.pop()!;
      if (node === 'end-block') {
        body.push(' ');
        continue;
      }
      nodesVisited++;
      if (node.nodeType === 3) {
        body.push(take(node.nodeValue ?? ''));
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el !== root && (isHidden(el) || isFurniture(el, rootIsBody))) continue;
      const tag = el.tagName.toLowerCase();
      const heading = headingWeight(tag);
      if (heading !== null || tag === 'pre' || tag === 'code') {
        const text = take((el.textContent ?? '').replace(/\s+/g, ' ').trim());
        if (!text) continue;
        if (heading !== null) {
          flushBody();
          blocks.push({ text, weight: heading, kind: 'heading' });
        } else if (tag === 'pre') {
          flushBody();
          blocks.push({ text, weight: BLOCK_WEIGHTS.code, kind: 'code' });
        } else {
          // Inline code reads as part of the sentence (`maxmemory` directive), so it stays in the prose.
          body.push(` ${text} `);
        }
        continue;
      }
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) {
        body.push(' ');
        stack.push('end-block');
      }
      const children = el.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    flushBody();
  }
  return { title, blocks, charsConsidered, nodesVisited, truncated };
}
