import { describe, expect, it } from 'vitest';
import { collectPageText, mainContentRoot } from '@/src/keywords';
import { MAX_PAGE_CHARS } from '@/src/keywords/page-text';
import { documentOf, fixtureDocument } from './fixture-dom';

const allText = (doc: Document) => collectPageText(doc).blocks.map((block) => block.text).join('\n');

describe('collectPageText on real documentation pages', () => {
  it('keeps the title, headings and main content of the Kafka design page', () => {
    const page = collectPageText(fixtureDocument('kafka-design.html'));
    expect(page.title).toBe('Design | Apache Kafka Docs');
    expect(page.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toContain('4.1 Motivation');
    expect(page.blocks.some((b) => b.kind === 'body' && b.text.includes('unified platform for handling all the real-time data feeds'))).toBe(true);
  });

  it.each(['kafka-design.html', 'redis-eviction.html', 'k8s-service.html'])('drops the sidebar, site header, breadcrumbs and footer of %s', (name) => {
    const text = allText(fixtureDocument(name));
    // Boilerplate present on every dev-set page, outside the page's own content.
    expect(text).not.toMatch(/Edit this page on GitHub|Report a problem/);
    expect(text).not.toMatch(/Privacy|Terms of use|registered trademarks/);
    expect(text).not.toContain('Get Started');
  });

  it('leaves out sibling-page titles from the Kafka sidebar', () => {
    const text = allText(fixtureDocument('kafka-design.html'));
    for (const sibling of ['Streams Developer Guide', 'Interactive Queries', 'ZooKeeper to KRaft Migration']) expect(text).not.toContain(sibling);
  });
});

describe('collectPageText on hand-made markup', () => {
  const page = documentOf(`<!doctype html><html><head><title>Raft</title>
    <meta name="description" content="How leader election works.">
    <meta name="keywords" content="raft, consensus">
    </head><body>
    <header><a>Site brand</a></header>
    <nav>Nav link</nav>
    <div id="cookie-banner">We use cookies</div>
    <article>
      <h1>Leader election</h1>
      <p>Visible paragraph.</p>
      <p hidden>Hidden attribute text</p>
      <p aria-hidden="true">Aria hidden text</p>
      <div style="color: red; display: none">Display none text</div>
      <aside>Aside text</aside>
      <section class="comments">Reader comment text</section>
      <script>var scriptText = 1;</script>
      <pre><code>ConsumerGroup group = new ConsumerGroup();</code></pre>
    </article>
    <footer>Footer text</footer>
    </body></html>`);

  it('drops hidden elements, banners, comments, asides, scripts and page chrome', () => {
    const text = allText(page);
    expect(text).toContain('Visible paragraph.');
    for (const dropped of ['Hidden attribute', 'Aria hidden', 'Display none', 'Aside text', 'Reader comment', 'scriptText', 'We use cookies', 'Nav link', 'Site brand', 'Footer text']) {
      expect(text).not.toContain(dropped);
    }
  });

  it('weights the title and headings above body text and keeps meta description and keywords', () => {
    const { blocks } = collectPageText(page);
    const weightOf = (kind: string) => blocks.find((b) => b.kind === kind)!.weight;
    expect(weightOf('title')).toBeGreaterThan(weightOf('heading'));
    expect(weightOf('heading')).toBeGreaterThan(weightOf('body'));
    expect(blocks.filter((b) => b.kind === 'meta').map((b) => b.text)).toEqual(['How leader election works.', 'raft . consensus']);
    expect(blocks.find((b) => b.kind === 'code')?.text).toContain('ConsumerGroup');
  });

  it('picks the <main> landmark as the content root, and the body when there is none', () => {
    expect(mainContentRoot(documentOf('<body><div>x</div><main id="m">y</main></body>'))?.getAttribute('id')).toBe('m');
    const bare = documentOf('<html><body><p>only text</p></body></html>');
    expect(mainContentRoot(bare)).toBe(bare.body);
  });
});

describe('bounded work on huge pages', () => {
  it('considers at most maxChars characters of a 1 MB page', () => {
    const paragraph = `<p>${'consistent hashing spreads keys over nodes '.repeat(25)}</p>`;
    const html = `<html><head><title>Huge</title></head><body><main>${paragraph.repeat(Math.ceil(1_000_000 / paragraph.length))}</main></body></html>`;
    expect(html.length).toBeGreaterThan(1_000_000);
    const page = collectPageText(documentOf(html));
    expect(page.charsConsidered).toBe(MAX_PAGE_CHARS);
    expect(page.truncated).toBe(true);
    const bodyChars = page.blocks.filter((b) => b.kind === 'body').reduce((sum, b) => sum + b.text.length, 0);
    expect(bodyChars).toBeLessThanOrEqual(MAX_PAGE_CHARS);
  });

  it('stops after maxNodes nodes on a huge DOM with little text', () => {
    const html = `<html><body><main>${'<div><span></span></div>'.repeat(40_000)}<p>after the cap</p></main></body></html>`;
    const page = collectPageText(documentOf(html), { maxNodes: 10_000 });
    expect(page.nodesVisited).toBe(10_000);
    expect(page.truncated).toBe(true);
    expect(page.blocks.map((b) => b.text).join(' ')).not.toContain('after the cap');
  });

  it('walks a deeply nested page without recursion', () => {
    const depth = 20_000;
    const html = `<html><body><main>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}</main></body></html>`;
    expect(collectPageText(documentOf(html)).blocks.some((b) => b.text.includes('deep text'))).toBe(true);
  });
});
