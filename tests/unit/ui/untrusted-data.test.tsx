/**
 * Untrusted data in the UI (issue 8): catalogue, imported, synced and user-source entries whose
 * text is HTML or script render as that literal text, add no element, and only http(s) links are
 * ever offered to open; the importers refuse every other kind of link, with the reason shown.
 * Components render with Preact into linkedom (no script runs here: the e2e suite proves that in
 * Chromium); what is checked is the DOM they produce.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';
import type { TabRelated } from '@/src/platform/messages';
import { createCatalogueSearch } from '@/src/search';
import { db } from '@/src/db';
import { ReadCard } from '@/src/ui/ReadCard';
import { RelatedView } from '@/src/ui/views/RelatedView';
import { SavedView } from '@/src/ui/views/SavedView';
import { SearchView } from '@/src/ui/views/SearchView';
import { openUrlFor, webSearchUrl } from '@/src/ui/web-search';
import { QueueFilesSection } from '@/entrypoints/options/QueueFilesSection';
import { UserSourcesSection } from '@/entrypoints/options/UserSourcesSection';

/** Text that would run script or add elements if it were ever parsed as HTML, and bidi tricks. */
const HOSTILE_TEXTS = [
  '<img src=x onerror="globalThis.pwned=1">',
  '<script>globalThis.pwned=1</script>',
  '<a href="javascript:globalThis.pwned=1">click me</a>',
  '"><svg onload=globalThis.pwned=1>',
  "'-alert(1)-'`${alert(1)}`",
  '&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;i&#x3E;',
  'invoice\u202Etxt.exe', // RIGHT-TO-LEFT OVERRIDE
  '\u2067rtl isolate\u2069 zero\u200Bwidth\u200Djoiner \u200F',
] as const;

/** Links that must never be opened; the last three are http in disguise only to a careless check. */
const HOSTILE_URLS = [
  'javascript:globalThis.pwned=1',
  'JaVaScRiPt:globalThis.pwned=1',
  ' javascript:globalThis.pwned=1',
  'java\tscript:globalThis.pwned=1',
  'data:text/html,<script>globalThis.pwned=1</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
] as const;

/** Elements no data may ever produce. */
const FORBIDDEN_TAGS = new Set(['SCRIPT', 'IMG', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'STYLE', 'LINK', 'META', 'BASE', 'FORM', 'VIDEO', 'AUDIO', 'MATH', 'TEMPLATE']);

let window: ReturnType<typeof parseHTML>;
let root: HTMLElement;
const globals = globalThis as unknown as { document?: Document };

beforeEach(() => {
  window = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  globals.document = window.document as unknown as Document;
  root = window.document.getElementById('root') as unknown as HTMLElement;
});

afterEach(async () => {
  render(null, root);
  delete globals.document;
  await Promise.all([db.reads.clear(), db.userSources.clear(), db.queue.clear()]);
});

const noop = () => {};

function show(node: ComponentChild): HTMLElement {
  render(node, root);
  return root;
}

/** The elements and attribute names of a rendered tree, in order: what data must not change. */
function skeleton(container: Element): string[] {
  return [...container.querySelectorAll('*')].map(
    (element) => `${element.tagName}[${[...element.attributes].map((attribute) => attribute.name).sort().join(' ')}]`,
  );
}

/** Nothing in `container` can run script or load anything, and every link is a web link. */
function expectInert(container: Element): void {
  const elements = [...container.querySelectorAll('*')];
  expect(elements.filter((element) => FORBIDDEN_TAGS.has(element.tagName.toUpperCase())).map((element) => element.outerHTML)).toEqual([]);
  const handlers = elements.flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name));
  expect(handlers, 'inline event handler attributes').toEqual([]);
  const scriptish = elements.flatMap((element) =>
    [...element.attributes].filter((attribute) => /^\s*(javascript|vbscript|data):/i.test(attribute.value)).map((attribute) => `${attribute.name}=${attribute.value}`),
  );
  expect(scriptish, 'attributes holding script or data URLs').toEqual([]);
  for (const link of container.querySelectorAll('a')) {
    expect(['http:', 'https:'], `${link.getAttribute('href')}`).toContain(new URL(link.getAttribute('href') ?? '').protocol);
  }
}

function read(text: string, url: string | null, id = 'r1'): Read {
  return {
    id,
    title: `Kafka zqxhostile ${text}`,
    url,
    source: text,
    author: text,
    published: null,
    category: text,
    section: text,
    summary: `Summary zqxhostile ${text}`,
    tags: [text, `kafka ${text}`],
    readMinutes: 4,
    origin: 'listing',
  };
}

function queueItem(text: string, url: string | null, id: string, position: number): QueueItem {
  return {
    id,
    readId: null,
    title: text,
    url,
    source: text,
    tags: [text],
    readMinutes: 3,
    addedAt: 1_767_225_600_000 + position,
    state: 'unread',
    readAt: null,
    position,
    note: text,
    updatedAt: 1_767_225_600_000 + position,
  };
}

describe('a read card with hostile fields', () => {
  it.each(HOSTILE_TEXTS)('shows %j as text, with the same elements as plain words', (text) => {
    const plain = skeleton(show(<ReadCard read={read('plain words', 'https://example.com/a')} engine="duckduckgo" onTag={noop} why={['plain words']} />));
    const card = show(<ReadCard read={read(text, 'https://example.com/a')} engine="duckduckgo" onTag={noop} why={[text]} />);
    expect(skeleton(card)).toEqual(plain);
    expectInert(card);
    expect(card.querySelector('.card-title')!.textContent).toBe(`Kafka zqxhostile ${text}`);
    expect(card.querySelector('.card-summary')!.textContent).toBe(`Summary zqxhostile ${text}`);
    expect(card.querySelector('.card-why')!.textContent).toBe(`Why: ${text}`);
    expect([...card.querySelectorAll('.card-meta-part')].map((part) => part.textContent)).toEqual([text, text, '4 min read']);
    expect([...card.querySelectorAll('.tag')].map((tag) => tag.textContent)).toEqual([text, `kafka ${text}`]);
  });

  it.each(HOSTILE_URLS)('never links to %j: it offers a web search for the title instead', (url) => {
    const hostile = read('plain words', url);
    const card = show(<ReadCard read={hostile} engine="duckduckgo" onTag={noop} />);
    expectInert(card);
    expect(card.querySelector('.card-title')!.getAttribute('href')).toBe(webSearchUrl(hostile, 'duckduckgo'));
    expect(card.querySelector('.web-search')?.textContent).toBe('Search the web');
    expect(openUrlFor(hostile, 'google')).toBe(webSearchUrl(hostile, 'google'));
  });

  it('still links http and https reads directly', () => {
    for (const url of ['https://example.com/a?b=c#d', 'http://example.com/']) {
      expect(show(<ReadCard read={read('plain', url)} engine="bing" onTag={noop} />).querySelector('.card-title')!.getAttribute('href')).toBe(url);
    }
  });
});

describe('views over hostile data', () => {
  it('Saved lists queue items (imported or synced) as text, with no link that is not http(s)', () => {
    const items = [
      ...HOSTILE_TEXTS.map((text, index) => queueItem(text, `https://example.com/${index}`, `item-${index}`, index)),
      ...HOSTILE_URLS.map((url, index) => queueItem(`synced ${index}`, url, `synced-${index}`, 100 + index)),
    ];
    const view = show(<SavedView items={items} engine="duckduckgo" onTag={noop} onRemove={noop} onSetState={noop} onMove={noop} onSetNote={noop} onMoreLikeThis={noop} />);
    expectInert(view);
    const titles = [...view.querySelectorAll('.card-title')].map((link) => link.textContent);
    expect(titles).toEqual([...HOSTILE_TEXTS, ...HOSTILE_URLS.map((_, index) => `synced ${index}`)]);
    expect(view.querySelectorAll('.web-search')).toHaveLength(HOSTILE_URLS.length);
  });

  it('Related shows a hostile page title and hostile matched terms as text', () => {
    for (const text of HOSTILE_TEXTS) {
      const tab: TabRelated = {
        tabId: 7,
        url: 'https://kafka.apache.org/documentation/',
        title: text,
        status: 'related',
        related: [{ read: read(text, HOSTILE_URLS[0]), matched: [text], score: 1 } as TabRelated['related'][number]],
        keywords: [],
      };
      const view = show(
        <RelatedView state={{ kind: 'ready', tab }} engine="duckduckgo" savedIds={new Set()} onToggleSave={noop} onTag={noop} onSearch={noop} onMoreLikeThis={noop} page={{ saved: false, onToggleSave: noop }} />,
      );
      expectInert(view);
      expect(view.querySelector('.related-page')!.textContent).toBe(text);
      expect(view.querySelector('.card-why')!.textContent).toBe(`Why: ${text}`);
    }
  });

  it('Search finds hostile reads and shows them, their highlights and a hostile facet chip as text', () => {
    const reads = HOSTILE_TEXTS.map((text, index) => read(text, index % 2 ? `https://example.com/${index}` : HOSTILE_URLS[index % HOSTILE_URLS.length]!, `r${index}`));
    const catalogue = createCatalogueSearch(reads);
    const view = show(
      <SearchView
        catalogue={catalogue}
        catalogueFailed={false}
        query="zqxhostile"
        facets={[{ kind: 'source', value: HOSTILE_TEXTS[0] }]}
        onQuery={noop}
        onFacets={noop}
        engine="duckduckgo"
        savedIds={new Set()}
        onToggleSave={noop}
        onMoreLikeThis={noop}
        notice={HOSTILE_TEXTS[1]}
      />,
    );
    expectInert(view);
    expect(view.querySelector('.chip-active .chip-value')!.textContent).toBe(HOSTILE_TEXTS[0]);
    expect(view.querySelector('.notice')!.textContent).toBe(HOSTILE_TEXTS[1]);
    const titles = [...view.querySelectorAll('.card-title')].map((link) => link.textContent);
    expect(titles).toEqual([`Kafka zqxhostile ${HOSTILE_TEXTS[0]}`]);
    expect([...view.querySelectorAll('.card-title mark')].map((mark) => mark.textContent)).toEqual(['zqxhostile']);

    const unfiltered = show(
      <SearchView catalogue={catalogue} catalogueFailed={false} query="zqxhostile" facets={[]} onQuery={noop} onFacets={noop} engine="duckduckgo" savedIds={new Set()} onToggleSave={noop} onMoreLikeThis={noop} />,
    );
    expectInert(unfiltered);
    expect([...unfiltered.querySelectorAll('.card-title')].map((link) => link.textContent).sort()).toEqual(reads.map((hostile) => hostile.title).sort());
  });
});

// ---------- Importers, through the options page's sections ----------

async function eventually(check: () => void, timeoutMs = 3000) {
  const started = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

function chooseFile(input: Element, name: string, text: string): void {
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new window.Event('change') as unknown as Event);
}

function clickButton(label: RegExp, within: Element = root): void {
  const button = [...within.querySelectorAll('button')].find((candidate) => label.test(candidate.textContent ?? ''));
  if (!button) throw new Error(`no button ${label} in: ${within.textContent}`);
  button.dispatchEvent(new window.Event('click') as unknown as Event);
}

describe('importers refuse every link that is not http(s), and preview hostile text as text', () => {
  it('queue import (JSON): hostile titles are listed as text, hostile links rejected with the reason', async () => {
    const items = [
      ...HOSTILE_TEXTS.map((text, index) => queueItem(text, `https://example.com/${index}`, `item-${index}`, index)),
      ...HOSTILE_URLS.map((url, index) => queueItem(`bad link ${index}`, url, `bad-${index}`, 100 + index)),
    ];
    const section = show(<QueueFilesSection />);
    chooseFile(section.querySelector('input[type="file"]')!, 'queue.json', JSON.stringify({ format: 'docent-queue', version: 1, exportedAt: new Date(0).toISOString(), items }));
    await eventually(() => expect(section.querySelector('[data-import-counts]')?.textContent).toBe(`${HOSTILE_TEXTS.length} to add, 0 already saved, 0 to update, ${HOSTILE_URLS.length} rejected.`));
    expectInert(section);
    const added = [...section.querySelectorAll('[data-import-group="add"] li')].map((entry) => entry.textContent);
    expect(added).toEqual(HOSTILE_TEXTS.map((text, index) => `${text} — https://example.com/${index}`));
    // Each title and link is its own bidi isolate, so an override in a title cannot reverse the link shown after it.
    const isolated = [...section.querySelectorAll('[data-import-group="add"] li')].map((entry) => [...entry.querySelectorAll('bdi')].map((part) => part.textContent));
    expect(isolated).toEqual(HOSTILE_TEXTS.map((text, index) => [text, `https://example.com/${index}`]));
    const rejected = [...section.querySelectorAll('[data-import-group="rejected"] li')].map((entry) => entry.textContent ?? '');
    expect(rejected).toHaveLength(HOSTILE_URLS.length);
    for (const reason of rejected) expect(reason).toMatch(/only http: and https: links are accepted, not (javascript|data|vbscript|file):$/);

    clickButton(/^Import \d+/);
    await eventually(() => expect(section.textContent).toContain(`Imported: ${HOSTILE_TEXTS.length} items added or updated.`));
    const stored = await db.queue.toArray();
    expect(stored.map((item) => item.title).sort()).toEqual([...HOSTILE_TEXTS].sort());
    expect(stored.every((item) => /^https:\/\//.test(item.url!))).toBe(true);
    expect(stored.map((item) => item.note).sort(), 'notes kept verbatim').toEqual([...HOSTILE_TEXTS].sort());
  });

  it('user source (Markdown): hostile titles, sections and descriptions become text; hostile links are rejected', async () => {
    const markdown = [
      `# ${HOSTILE_TEXTS[0]}`,
      ...HOSTILE_TEXTS.flatMap((text, index) => [`## Kafka ${text}`, `- [Kafka zqxhostile ${text}](https://example.com/${index}) - ${text}`]),
      '## Links to refuse',
      ...HOSTILE_URLS.map((url, index) => `- [Refused ${index}](${url.trim()})`),
    ].join('\n');
    const section = show(<UserSourcesSection />);
    await eventually(() => expect(section.textContent).toContain('No sources of your own yet.'));
    chooseFile(section.querySelector('[data-user-source-file]')!, 'hostile.md', markdown);
    const preview = () => section.querySelector('[data-user-source-preview]');
    await eventually(() => expect(preview()?.textContent).toContain(`${HOSTILE_TEXTS.length} reads to add`));
    expectInert(section);
    expect((preview()!.querySelector('input') as HTMLInputElement).value, 'the list’s own title, as text').toBe(HOSTILE_TEXTS[0]);
    // The tab and the angle brackets keep two of them from being Markdown links at all; the other five are refused.
    expect(preview()!.textContent).toContain(`${HOSTILE_TEXTS.length} reads to add, 0 already in the catalogue (skipped), 5 rejected.`);
    const rejections = [...preview()!.querySelectorAll('li')].map((entry) => entry.textContent ?? '');
    expect(rejections).toHaveLength(5);
    for (const reason of rejections) expect(reason).toMatch(/^line \d+: only http: and https: links are accepted, not (javascript|vbscript|file):$/);

    clickButton(/^Add \d+ reads$/);
    await eventually(() => expect(section.querySelector('[data-user-sources]')).not.toBeNull());
    expectInert(section);
    expect(section.querySelector('[data-user-sources] li')!.textContent).toContain(HOSTILE_TEXTS[0]);
    const stored = await db.reads.where('origin').equals('user').toArray();
    // Markdown's code marks (backticks) are formatting, not text; everything else is kept as written.
    expect(stored.map((stored) => stored.title).sort()).toEqual(HOSTILE_TEXTS.map((text) => `Kafka zqxhostile ${text.replace(/`/g, '')}`).sort());
    expect(stored.every((stored) => /^https:\/\//.test(stored.url!))).toBe(true);
  });
});
