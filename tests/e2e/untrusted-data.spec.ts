/**
 * Untrusted data in the UI (issue 8), in real Chromium with the built extension: catalogue reads,
 * an imported queue, a queue entry synced from "another device", a user source and a page title,
 * all full of HTML, script, hostile links and bidi tricks, go through the real pipelines (catalogue
 * install, the options page's importers, a sync round, the content script) into every surface —
 * options previews and lists, the popup's Related / Search / Saved, the side panel — where they
 * must show as literal text, add no element, run nothing (no dialog, no error, no global set), and
 * only ever offer http(s) links to open.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';
import { bucketKey, type SyncedItem } from '@/src/queue/sync';
import { webSearchUrl } from '@/src/ui/web-search';
import { BUILT_EXTENSION_DIR, DOCS_HOST, docsUrl, expect, launchWithDocsHosts, tabIdOf, test, type ExtensionHarness } from './fixtures';
import { storedQueue, waitForCatalogue } from './raw-storage';

// The extension API as the service worker and extension pages see it (evaluate() callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

/** Text that would run script or add elements if it were ever parsed as HTML; each payload sets `pwned`. */
const HOSTILE_TEXTS = [
  '<img src=x onerror="globalThis.pwned=1">',
  '<script>globalThis.pwned=1</script>',
  '<a href="javascript:globalThis.pwned=1">click me</a>',
  '"><svg onload=globalThis.pwned=1>',
  '<iframe srcdoc="<script>parent.pwned=1</script>"></iframe>',
  '&lt;b&gt;not bold&lt;/b&gt; &amp;',
  'invoice\u202Etxt.exe', // RIGHT-TO-LEFT OVERRIDE
  '\u2067rtl isolate\u2069 zero\u200Bwidth\u200Djoiner \u200F',
] as const;

/** Links that must never be opened. */
const HOSTILE_URLS = [
  'javascript:globalThis.pwned=1',
  'JaVaScRiPt:globalThis.pwned=1',
  'data:text/html,<script>globalThis.pwned=1</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
] as const;

const RTL_OVERRIDE_TEXT = HOSTILE_TEXTS[6];
const TOKEN = 'zqxhostile'; // a word no bundled read has, so Search lists exactly the hostile reads
const HOSTILE_PAGE = docsUrl('hostile-title.html');
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 15, 9);

// ---------- The hostile data ----------

/** Catalogue reads about Kafka (so the Kafka page relates them) with hostile fields and links. */
const HOSTILE_CATALOGUE: Read[] = HOSTILE_URLS.map((url, index) => ({
  id: `hostile-catalogue-${index}`,
  title: `Kafka ${TOKEN} log compaction, replication and consumer groups ${HOSTILE_TEXTS[index]}`,
  url,
  source: HOSTILE_TEXTS[(index + 1) % HOSTILE_TEXTS.length]!,
  author: null,
  published: '2024-02-01',
  category: HOSTILE_TEXTS[(index + 2) % HOSTILE_TEXTS.length]!,
  section: null,
  summary: `Kafka partitions, replication, log compaction, consumer groups and exactly-once delivery. ${HOSTILE_TEXTS[(index + 3) % HOSTILE_TEXTS.length]}`,
  tags: ['Kafka', 'Log Compaction', 'Replication', HOSTILE_TEXTS[(index + 4) % HOSTILE_TEXTS.length]!],
  readMinutes: 9,
  origin: 'listing',
}));

function queueItem(id: string, title: string, url: string, position: number, text: string): QueueItem {
  return {
    id,
    readId: null,
    title,
    url,
    source: text,
    tags: [text, `kafka ${TOKEN}`],
    readMinutes: 5,
    addedAt: T0 + position * DAY,
    state: 'unread',
    readAt: null,
    position,
    note: text,
    updatedAt: T0 + position * DAY,
  };
}

/** A queue export: every hostile text as a title (web links), and every hostile link (to be refused). */
const IMPORTED: QueueItem[] = [
  ...HOSTILE_TEXTS.map((text, index) => queueItem(`imported-${index}`, `${TOKEN} ${text}`, `https://example.com/imported/${index}`, index + 1, text)),
  ...HOSTILE_URLS.map((url, index) => queueItem(`refused-${index}`, `refused ${index}`, url, 20 + index, HOSTILE_TEXTS[index]!)),
];

/** An awesome-list: hostile list title, sections, link titles and descriptions; hostile links to refuse. */
const USER_SOURCE = [
  `# ${HOSTILE_TEXTS[0]}`,
  ...HOSTILE_TEXTS.flatMap((text, index) => [`## Kafka ${text}`, `- [Kafka ${TOKEN} user source ${text}](https://example.org/user/${index}) - ${text}`]),
  '## Links to refuse',
  ...HOSTILE_URLS.filter((url) => !/[<>]/.test(url)).map((url, index) => `- [Refused ${index}](${url})`),
].join('\n');

/** What another device put in sync storage: a saved page whose link is script. */
const SYNCED: SyncedItem = {
  i: 'page:synced-hostile',
  r: null,
  s: 0,
  p: 100,
  a: T0,
  u: T0,
  snap: { t: `synced ${TOKEN} ${HOSTILE_TEXTS[1]}`, l: HOSTILE_URLS[0], o: HOSTILE_TEXTS[2], g: [HOSTILE_TEXTS[3]], m: 4 },
};

/** The build with the hostile reads added to its catalogue (a new version, so the install loads it). */
async function buildWithHostileCatalogue(): Promise<{ dir: string; version: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'docent-hostile-catalogue-'));
  await cp(BUILT_EXTENSION_DIR, dir, { recursive: true });
  const assets = path.join(dir, 'assets');
  const files = await readdir(assets);
  const catalogueFile = path.join(assets, files.find((file) => /^catalogue-[\w-]{8}\.json$/.test(file))!);
  const metaFile = path.join(assets, files.find((file) => /^catalogue-meta-[\w-]{8}\.json$/.test(file))!);
  const reads = JSON.parse(await readFile(catalogueFile, 'utf8')) as Read[];
  const meta = JSON.parse(await readFile(metaFile, 'utf8')) as { version: string };
  const version = `${meta.version}-hostile`;
  await writeFile(catalogueFile, JSON.stringify([...reads, ...HOSTILE_CATALOGUE]));
  await writeFile(metaFile, JSON.stringify({ ...meta, version }));
  return { dir, version };
}

// ---------- Watching for anything that runs ----------

type Incidents = { dialogs: string[]; errors: string[] };

function watchIncidents(context: BrowserContext): Incidents {
  const incidents: Incidents = { dialogs: [], errors: [] };
  context.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('console', (message) => {
    if (message.type() === 'error') incidents.errors.push(`${message.page()?.url() ?? 'worker'}: ${message.text()}`);
  });
  context.on('weberror', (error) => incidents.errors.push(`${error.page()?.url() ?? 'worker'}: ${error.error().message}`));
  return incidents;
}

type Inspection = { forbidden: string[]; handlers: string[]; links: string[]; pwned: unknown; text: string };

/** What the page's body holds: elements and attributes no data may produce, every link, and the text. */
function inspect(page: Page): Promise<Inspection> {
  return page.evaluate(() => {
    const forbidden = new Set(['SCRIPT', 'IMG', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'STYLE', 'LINK', 'META', 'BASE', 'VIDEO', 'AUDIO', 'MATH', 'TEMPLATE']);
    const elements = [...document.body.querySelectorAll('*')];
    return {
      forbidden: elements.filter((element) => forbidden.has(element.tagName)).map((element) => element.outerHTML.slice(0, 120)),
      handlers: elements.flatMap((element) => element.getAttributeNames().filter((name) => /^on/i.test(name)).map((name) => `${element.tagName}[${name}]`)),
      links: [...document.querySelectorAll('a')].map((link) => link.href),
      pwned: (globalThis as { pwned?: unknown }).pwned,
      text: document.body.textContent ?? '',
    };
  });
}

/** One surface checked: nothing injected, nothing ran, only web links; returns how many hostile texts it showed verbatim. */
async function expectInertSurface(page: Page, surface: string, mustShow: readonly string[]): Promise<number> {
  const found = await inspect(page);
  expect(found.forbidden, `${surface}: injected elements`).toEqual([]);
  expect(found.handlers, `${surface}: inline handlers`).toEqual([]);
  expect(found.pwned, `${surface}: a payload ran`).toBeUndefined();
  for (const link of found.links) expect(['http:', 'https:'], `${surface}: link ${link}`).toContain(new URL(link).protocol);
  for (const text of mustShow) expect(found.text, `${surface} shows ${JSON.stringify(text)} literally`).toContain(text);
  return mustShow.length;
}

/** Chromium lays `text` out left to right: its first character sits left of its last. */
function readsLeftToRight(page: Page, selector: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ selector: within, text: wanted }) => {
      const walker = document.createTreeWalker(document.querySelector(within)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at === -1) continue;
        const box = (offset: number) => {
          const range = document.createRange();
          range.setStart(node!, offset);
          range.setEnd(node!, offset + 1);
          return range.getBoundingClientRect();
        };
        return box(at).left < box(at + wanted.length - 1).left;
      }
      throw new Error(`"${wanted}" is not in ${within}`);
    },
    { selector, text },
  );
}

// ---------- The test ----------

const cardsIn = (page: Page, list: string) => page.getByRole('list', { name: list }).locator('[data-row]');

/** Click a read's link; the tab it opens must show `expected` (answered locally, never fetched). */
async function openRead(harness: ExtensionHarness, page: Page, rowId: string, expected: string): Promise<void> {
  const link = page.locator(`[data-row="${rowId}"] a.card-title`);
  await expect(link).toHaveAttribute('href', expected);
  const opens = harness.context.waitForEvent('page');
  await link.click();
  const opened = await opens;
  await opened.waitForLoadState();
  expect(opened.url()).toBe(expected);
  await opened.close();
}

test('hostile entries from every source render as literal text on every surface, run nothing and open only web links', async ({ fixtureServer }) => {
  test.setTimeout(120_000);
  const hostileBuild = await buildWithHostileCatalogue();
  const harness = await launchWithDocsHosts(fixtureServer, [DOCS_HOST], hostileBuild.dir);
  try {
    const { context, serviceWorker } = harness;
    const incidents = watchIncidents(context);
    // Opened reads are answered in the browser (web searches and example.com links alike).
    await context.route(/^https:\/\//, (route) => route.fulfill({ contentType: 'text/html', body: '<title>a read</title>' }));
    // A documentation page whose title is hostile (the rest is the Kafka design page).
    const kafkaPage = await readFile('tests/fixtures/kafka-design.html', 'utf8');
    await context.route(HOSTILE_PAGE, (route) =>
      route.fulfill({ contentType: 'text/html', body: kafkaPage.replace(/<title>[\s\S]*?<\/title>/i, () => `<title>${HOSTILE_TEXTS[0]} Kafka design</title>`) }),
    );
    await waitForCatalogue(serviceWorker, hostileBuild.version, 20_000);
    let surfaces = 0;
    let shown = 0;
    const check = async (page: Page, surface: string, mustShow: readonly string[]) => {
      shown += await expectInertSurface(page, surface, mustShow);
      surfaces++;
    };

    // Options: add the user source. The preview names it as text and refuses every non-web link.
    const options = await harness.openPage('options.html');
    await options.locator('[data-user-source-file]').setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(USER_SOURCE) });
    const sourcePreview = options.locator('[data-user-source-preview]');
    const refusedInSource = HOSTILE_URLS.filter((url) => !/[<>]/.test(url)).length;
    await expect(sourcePreview).toContainText(`${HOSTILE_TEXTS.length} reads to add, 0 already in the catalogue (skipped), ${refusedInSource} rejected.`);
    await expect(sourcePreview.getByRole('textbox')).toHaveValue(HOSTILE_TEXTS[0]);
    await expect(sourcePreview.locator('li')).toHaveText(
      HOSTILE_URLS.filter((url) => !/[<>]/.test(url)).map((url) => new RegExp(`only http: and https: links are accepted, not ${url.split(':')[0]}:$`, 'i')),
    );
    await check(options, 'options: user-source preview', []);
    await sourcePreview.getByRole('button', { name: /^Add \d+ reads$/ }).click();
    await expect(options.locator('[data-user-sources] li')).toContainText(HOSTILE_TEXTS[0]);
    await check(options, 'options: user sources list', [HOSTILE_TEXTS[0]]);

    // Options: import the queue file. Titles listed as text; every non-web link refused.
    const queueFiles = options.getByRole('region', { name: 'Export and import the queue' });
    await queueFiles.getByLabel('Import a file').setInputFiles({
      name: 'queue.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'docent-queue', version: 1, exportedAt: new Date(T0).toISOString(), items: IMPORTED })),
    });
    const preview = options.locator('[data-import-preview]');
    await expect(preview.locator('[data-import-counts]')).toHaveText(`${HOSTILE_TEXTS.length} to add, 0 already saved, 0 to update, ${HOSTILE_URLS.length} rejected.`);
    await expect(preview.locator('[data-import-group="add"] li')).toHaveText(HOSTILE_TEXTS.map((text, index) => `${TOKEN} ${text} — https://example.com/imported/${index}`));
    await expect(preview.locator('[data-import-group="rejected"] li')).toHaveText(
      HOSTILE_URLS.map((url) => new RegExp(`only http: and https: links are accepted, not ${url.split(':')[0]}:$`, 'i')),
    );
    await check(options, 'options: import preview', HOSTILE_TEXTS.map((text) => `${TOKEN} ${text}`));
    // A right-to-left override in a title stays inside it: the link after it still reads left to right…
    const spoofable = `https://example.com/imported/${HOSTILE_TEXTS.indexOf(RTL_OVERRIDE_TEXT)}`;
    expect(await readsLeftToRight(options, '[data-import-group="add"]', spoofable)).toBe(true);
    // …which the same measurement shows it would not without the isolation.
    await options.evaluate(
      ({ title, url }) => document.body.append(Object.assign(document.createElement('p'), { id: 'bidi-probe', textContent: `${title} — ${url}` })),
      { title: RTL_OVERRIDE_TEXT, url: spoofable },
    );
    expect(await readsLeftToRight(options, '#bidi-probe', spoofable)).toBe(false);
    await options.evaluate(() => document.getElementById('bidi-probe')!.remove());
    await preview.getByRole('button', { name: /^Import \d+$/ }).click();
    await expect(queueFiles.getByRole('status')).toHaveText(`Imported: ${HOSTILE_TEXTS.length} items added or updated.`);
    const imported = await storedQueue(serviceWorker);
    expect(imported.map((item) => item.url).every((url) => /^https:\/\/example\.com\//.test(url!)), 'only web links were imported').toBe(true);
    expect(imported.map((item) => item.note).sort(), 'notes stored as written').toEqual([...HOSTILE_TEXTS].sort());

    // Sync: another device's entry whose link is script arrives through a real sync round.
    await serviceWorker.evaluate(({ key, entry }) => chrome.storage.sync.set({ [key]: [entry] }), { key: bucketKey(SYNCED.i), entry: SYNCED });
    await options.getByRole('button', { name: 'Sync now' }).click();
    // It arrives with its title and source, but its script link is dropped on the way in.
    await expect.poll(async () => (await storedQueue(serviceWorker)).some((item) => item.id === SYNCED.i)).toBe(true);
    expect((await storedQueue(serviceWorker)).find((item) => item.id === SYNCED.i)?.url).toBeNull();
    const synced = (await storedQueue(serviceWorker)).find((item) => item.id === SYNCED.i)!;

    // The docs page with the hostile title; its related reads include hostile catalogue reads.
    const docs = await context.newPage();
    await docs.goto(HOSTILE_PAGE);
    const tabId = await tabIdOf(serviceWorker, HOSTILE_PAGE);
    // The content script has read the page when the badge counts its related reads.
    await expect.poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 20_000 }).toMatch(/^[1-9]/);
    const popup = await harness.openPage(`popup.html?tabId=${tabId}`);
    await expect(cardsIn(popup, 'Related reads').first()).toBeVisible();
    await expect(popup.locator('.related-page')).toHaveText(`${HOSTILE_TEXTS[0]} Kafka design`);
    const relatedIds = await cardsIn(popup, 'Related reads').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row')!));
    const hostileRelated = HOSTILE_CATALOGUE.filter((read) => relatedIds.includes(read.id));
    expect(hostileRelated.length, 'the Kafka page relates hostile catalogue reads').toBeGreaterThan(0);
    await check(popup, 'popup: Related', [`${HOSTILE_TEXTS[0]} Kafka design`, ...hostileRelated.map((read) => read.title)]);
    await openRead(harness, popup, hostileRelated[0]!.id, webSearchUrl(hostileRelated[0]!, 'duckduckgo'));

    // Search: every hostile read of the catalogue and the user source, with highlights.
    await popup.keyboard.press('2');
    await popup.getByRole('searchbox', { name: 'Search reads' }).fill(TOKEN);
    const userReads = HOSTILE_TEXTS.map((text) => `Kafka ${TOKEN} user source ${text}`);
    await expect(cardsIn(popup, 'Search results')).toHaveCount(HOSTILE_CATALOGUE.length + userReads.length);
    await check(popup, 'popup: Search', [...HOSTILE_CATALOGUE.map((read) => read.title), ...userReads]);
    for (const read of HOSTILE_CATALOGUE.slice(0, 3)) await openRead(harness, popup, read.id, webSearchUrl(read, 'duckduckgo'));

    // Saved: the imported items and the synced one, which without a web link opens a web search.
    await popup.keyboard.press('3');
    await expect(cardsIn(popup, 'Saved reads')).toHaveCount(HOSTILE_TEXTS.length + 1);
    await check(popup, 'popup: Saved', [...HOSTILE_TEXTS.map((text) => `${TOKEN} ${text}`), synced.title, synced.source]);
    await openRead(harness, popup, synced.id, webSearchUrl(synced, 'duckduckgo'));
    await openRead(harness, popup, 'imported-0', 'https://example.com/imported/0');

    // The side panel: the same page's Related view.
    const panel = await harness.openPage(`sidepanel.html?tabId=${tabId}`);
    await expect(panel.locator('[data-row]').first()).toBeVisible();
    await check(panel, 'side panel: Related', [`${HOSTILE_TEXTS[0]} Kafka design`, ...hostileRelated.map((read) => read.title)]);

    expect(incidents.dialogs, 'dialogs opened').toEqual([]);
    expect(incidents.errors, 'errors in any page or worker').toEqual([]);
    const summary = { hostileTexts: HOSTILE_TEXTS.length, hostileUrls: HOSTILE_URLS.length, surfaces, literalChecks: shown };
    test.info().annotations.push({ type: 'untrusted data', description: JSON.stringify(summary) });
    console.log(`untrusted data: ${JSON.stringify(summary)}`);
  } finally {
    await harness.dispose();
    await rm(hostileBuild.dir, { recursive: true, force: true });
  }
});
