/**
 * `npm run bench`: builds the extension, measures it in headless Chromium (and its search in Node),
 * and writes bench/results.json and BENCHMARKS.md. Not part of `npm test`; takes a few minutes.
 *
 *   npm run bench [-- --runs N] [--install-100k-runs N]
 *
 * Environment: CHROMIUM_BIN / CHROME_PATH pick the browser (default /usr/bin/chromium).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Read } from '@/src/catalogue/types';
import { syntheticReads } from '@/src/search/synthetic';
import { CHROMIUM_BINARY } from '@/tests/e2e/fixtures';
import { buildExtensionForBench } from './bench/build';
import {
  bundledCatalogueVersion,
  openBenchBrowser,
  replaceBundledCatalogue,
  listenForPageKeywords,
  tabIdOf,
  waitForCatalogue,
  type BenchBrowser,
} from './bench/browser';
import { loadAndWaitForExtraction, measureDevPageExtraction, measureLargePage } from './bench/extraction';
import { profileExtraction, profileInstall, profilePopupRelated, profileTyping } from './bench/investigate';
import { measureInstallLoad, type InstallRun } from './bench/install';
import { devPages, LARGE_PAGE_FILE, preparePages } from './bench/pages';
import { measurePopupRelated, measureSearchKeystrokes, type PopupRelatedRun } from './bench/popup';
import { TYPED_QUERIES } from './bench/queries';
import { benchmarkQueries } from './bench/query';
import { describeMachine, writeReport, type Investigation, type Report } from './bench/report';
import { builtScriptSizes } from './bench/sizes';
import { round, summarise, type Summary } from './bench/stats';
import { withCodeHints } from './bench/trace';
import { TARGETS, type ResultKey, type Results } from './bench/targets';

const SYNTHETIC_READS = 100_000;
const SYNTHETIC_SEED = 1;
/** The page the popup is opened for: an on-topic page with many related reads. */
const POPUP_PAGE = 'kafka-design.html';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    // A 100k install takes ~15 s on the 2-core machine; 20 of them would take the whole budget.
    'install-100k-runs': { type: 'string', default: '5' },
  },
});
const runs = wholeNumber(args.runs, '--runs');
const install100kRuns = wholeNumber(args['install-100k-runs'], '--install-100k-runs');

function wholeNumber(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} must be a whole number ≥ 1, got "${value}"`);
  return number;
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const results: Partial<Results> = {};
const samples: Partial<Record<ResultKey, Summary>> = {};
const notes: Partial<Record<ResultKey, string>> = {};
const extra: string[] = [];
const investigations: Investigation[] = [];

/** Record a figure from its samples (p50 unless `pick` says otherwise). */
function record(key: ResultKey, values: number[], pick: 'p50' | 'p95' = 'p50', digits = 1): Summary {
  const summary = summarise(values);
  const rounded = { ...summary, p50: round(summary.p50, digits), p95: round(summary.p95, digits), min: round(summary.min, digits), max: round(summary.max, digits) };
  samples[key] = rounded;
  results[key] = rounded[pick];
  log(`${key} = ${results[key]} (p50 ${rounded.p50}, p95 ${rounded.p95}, n ${summary.n})`);
  return rounded;
}

/** True when the key has a target and the figures so far miss it. */
function missed(key: ResultKey): boolean {
  const target = TARGETS[key];
  return target !== undefined && !target.met(results as Results);
}

let builtExtensionDir = '';

async function investigate(key: ResultKey, what: string, profile: () => Promise<Investigation['hot']>): Promise<void> {
  if (!missed(key)) return;
  log(`${key} misses its target: profiling (${what})`);
  investigations.push({ metric: key, what, hot: withCodeHints(await profile(), builtExtensionDir) });
}

async function measureSearchInNode(): Promise<void> {
  const reads = JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as Read[];
  const bench = benchmarkQueries(reads, runs);
  record('search_query_us_p50', bench.oursUs);
  record('search_query_minisearch_us_p50', bench.miniSearchUs);
  results.search_top5_overlap = round(bench.top5Overlap, 3);
  const byGroup = Object.entries(bench.top5OverlapByGroup).map(([group, overlap]) => `${group} ${round(overlap, 2)}`).join(', ');
  notes.search_query_us_p50 = `One \`search(query, [], 25)\` (a popup page of results) over the bundled catalogue (${reads.length} reads) in Node, timed per call with \`performance.now()\`; ${bench.oursUs.length / runs} queries (whole words, prefixes, several words, typos: \`scripts/bench/queries.ts\`) × ${runs} rounds after a warm-up round, engines alternating. Index build: ours ${round(bench.buildMs.ours)} ms, MiniSearch ${round(bench.buildMs.miniSearch)} ms.`;
  notes.search_query_minisearch_us_p50 = 'MiniSearch 7 over the same reads and queries, configured like ours: the same six fields and boosts (`FIELD_WEIGHTS`), our tokenizer (`termsOf`: case and diacritics folded) and query stopwords, `prefix: true`, `fuzzy: 0.2`, all words required (`AND`) falling back to any word (`OR`) when nothing has them all; first 25 results.';
  notes.search_top5_overlap = `Mean over the queries of |top 5 ours ∩ top 5 MiniSearch| / max(sizes). By kind of query: ${byGroup}.`;
  log(`search_top5_overlap = ${results.search_top5_overlap} (${byGroup})`);
}

function measureSizes(extensionDir: string): void {
  const sizes = builtScriptSizes(extensionDir);
  results.popup_js_gzip_kb = sizes.popup.gzipKb;
  results.content_js_gzip_kb = sizes.content.gzipKb;
  results.background_js_gzip_kb = sizes.background.gzipKb;
  const perFile = (files: Record<string, number>) => Object.entries(files).map(([file, kb]) => `\`${file}\` ${kb}`).join(', ');
  notes.popup_js_gzip_kb = `popup.html's module script and every chunk it imports, statically or lazily (gzip -9 of the built files, KB): ${perFile(sizes.popup.gzipKbByFile)}. Before the first paint (static imports only): ${sizes.popup.initialGzipKb} KB.`;
  notes.content_js_gzip_kb = '`content-scripts/docs.js` (one self-contained file).';
  notes.background_js_gzip_kb = `\`background.js\` and its chunks (KB): ${perFile(sizes.background.gzipKbByFile)}.`;
  log(`sizes: popup ${sizes.popup.gzipKb} KB (initial ${sizes.popup.initialGzipKb}), content ${sizes.content.gzipKb} KB, background ${sizes.background.gzipKb} KB`);
}

/** A tab showing the docs page the popup is opened over, once its content script has reported. */
async function openDocsTab(browser: BenchBrowser): Promise<number> {
  await listenForPageKeywords(browser.harness.serviceWorker);
  const page = await browser.harness.context.newPage();
  const url = browser.docUrl(POPUP_PAGE);
  await loadAndWaitForExtraction(browser, page, url);
  return tabIdOf(browser.harness.serviceWorker, url);
}

/** Where a popup open's time goes: the shell's first paint, and the background's answer on its own. */
function popupBreakdown(runs: PopupRelatedRun[]): string {
  const paints = runs.flatMap((run) => (run.firstContentfulPaintMs === null ? [] : [run.firstContentfulPaintMs]));
  const message = summarise(runs.map((run) => run.tabRelatedMessageMs));
  const paint = paints.length > 0 ? `first contentful paint (popup shell) p50 ${round(summarise(paints).p50)} ms; ` : '';
  return `Breakdown: ${paint}the \`tab-related\` message alone (sent again from the open popup right after) p50 ${round(message.p50)} ms, p95 ${round(message.p95)} ms.`;
}

function recordInstall(key: 'install_load_ms' | 'install_load_100k_ms', installRuns: InstallRun[]): number {
  record(key, installRuns.map((run) => run.syncMs), 'p50', 0);
  return Math.max(...installRuns.flatMap((run) => run.pingMs));
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loadAtStart = loadavg()[0]!;
  log('building the extension (wxt build → .output/bench/chrome-mv3)');
  const extensionDir = await buildExtensionForBench();
  builtExtensionDir = extensionDir;
  measureSizes(extensionDir);

  log('search queries in Node: ours vs MiniSearch');
  await measureSearchInNode();

  const pages = await devPages();
  const serveDir = await mkdtemp(path.join(tmpdir(), 'docent-bench-pages-'));
  await preparePages(serveDir, pages);
  const browser = await openBenchBrowser(extensionDir, serveDir);
  try {
    const bundledVersion = await bundledCatalogueVersion(browser);
    await waitForCatalogue(browser, bundledVersion);

    log(`keyword extraction: ${pages.files.length} pages (${pages.origin}) × ${runs} loads`);
    const extractSamples = await measureDevPageExtraction(browser, pages.files, runs);
    record('extract_ms_p50', extractSamples);
    record('extract_ms_p95', extractSamples, 'p95');
    notes.extract_ms_p50 = `The real content script (\`content-scripts/docs.js\`) on each of the ${pages.files.length} dev pages (${pages.origin}), served from 127.0.0.1 under the documentation host \`etcd.io\` (\`--host-resolver-rules\`), each page loaded ${runs} times; the sample is the \`extractMs\` the script measures around its extraction in the page and sends in \`page-keywords\` (collected by an extra \`runtime.onMessage\` listener in the service worker).`;
    notes.extract_ms_p95 = 'The same samples, 95th percentile.';
    const slowestPage = pages.files
      .map((file, index) => ({ file, ms: extractSamples.filter((_, i) => i % pages.files.length === index) }))
      .map(({ file, ms }) => ({ file, p50: summarise(ms).p50 }))
      .sort((a, b) => b.p50 - a.p50)[0]!;
    extra.push(`Slowest dev page to extract: \`${slowestPage.file}\` (p50 ${round(slowestPage.p50)} ms).`);
    await investigate('extract_ms_p50', `content script over 10 loads of ${slowestPage.file} (the slowest dev page)`, () => profileExtraction(browser, browser.docUrl(slowestPage.file)));
    if (!investigations.some((investigation) => investigation.metric === 'extract_ms_p50')) {
      await investigate('extract_ms_p95', `content script over 10 loads of ${slowestPage.file} (the slowest dev page)`, () => profileExtraction(browser, browser.docUrl(slowestPage.file)));
    }

    log(`1 MB page: ${runs} traced loads`);
    const largeRuns = await measureLargePage(browser, runs);
    record('extract_1mb_max_task_ms', largeRuns.map((run) => run.contentScriptTaskMs));
    const largeExtract = summarise(largeRuns.map((run) => run.extractMs));
    const largeAny = summarise(largeRuns.map((run) => run.anyTaskMs));
    const observed = largeRuns.flatMap((run) => run.observedLongTasksMs);
    notes.extract_1mb_max_task_ms = `A generated ~1 MB documentation page (\`${LARGE_PAGE_FILE}\`: header, long nav, a 1,500-row reference table, sections of headings, paragraphs, code blocks and lists), loaded ${runs} times under a Chromium trace and CPU profile (\`Tracing.start\` + \`Profiler.start\` through Playwright's CDP session); per load, the longest unit of main-thread work — a scheduler task, or a microtask checkpoint run straight after a Mojo message — during which the content script ran (a call into \`content-scripts/docs.js\` in the trace, or a profile sample of its code); the figure is the median over loads. The content script's own \`extractMs\` there: p50 ${round(largeExtract.p50)} ms, p95 ${round(largeExtract.p95)} ms. For scale, the longest unit of work of any kind in the same loads (HTML parsing, style and layout of 1 MB): p50 ${round(largeAny.p50)} ms. The page's \`PerformanceObserver({type: 'longtask'})\` saw ${observed.length} long tasks over the ${runs} loads (longest ${observed.length ? round(Math.max(...observed)) : 0} ms), the page's own parsing and layout included; the content script reads in slices that yield to the page every few milliseconds.`;
    await investigate('extract_1mb_max_task_ms', 'content script over 10 loads of the 1 MB page', () => profileExtraction(browser, browser.docUrl(LARGE_PAGE_FILE)));

    const docsTab = await openDocsTab(browser);
    log(`popup related: ${runs} opens`);
    const related = await measurePopupRelated(browser, docsTab, runs);
    record('popup_related_ms_p50', related.map((run) => run.firstReadMs));
    notes.popup_related_ms_p50 = `\`popup.html?tabId=N\` opened in a tab ${runs} times (N: a tab showing \`${POPUP_PAGE}\` whose content script has reported; the e2e suite's way to open the popup, as Playwright cannot script the real toolbar popup before it runs — unlike the toolbar popup, this tab's navigation also fires \`tabs.onUpdated\`, so the badge manager redraws its icon meanwhile); an init script (run before the popup's code) watches the DOM with a MutationObserver and stamps \`performance.now()\` (ms since navigation start) in the task after the animation frame following the first \`ul.cards li[data-row]\` (after paint). Bundled catalogue. ${popupBreakdown(related)}`;
    await investigate('popup_related_ms_p50', 'popup page during one open', async () => {
      const { page, worker } = await profilePopupRelated(browser, docsTab);
      investigations.push({ metric: 'popup_related_ms_p50', what: 'service worker during the same popup open', hot: withCodeHints(worker, builtExtensionDir) });
      return page;
    });

    log(`search keystrokes: ${TYPED_QUERIES.join(' | ')}`);
    const keystrokes = await measureSearchKeystrokes(browser, docsTab, TYPED_QUERIES);
    record('search_keystroke_ms_p50', keystrokes.map((keystroke) => keystroke.ms));
    notes.search_keystroke_ms_p50 = `Each query of \`TYPED_QUERIES\` typed key by key (Playwright \`keyboard.press\`) into the search box of the popup (opened as a tab, as above) once its index is built; sample = the keydown's \`event.timeStamp\` → the task after the animation frame following the \`input\` event (results rendered, frame painted). Includes waiting for the next frame (up to 16.7 ms at 60 Hz). ${keystrokes.filter((keystroke) => keystroke.resultsChanged).length} of ${keystrokes.length} keystrokes changed the search view's DOM.`;
    await investigate('search_keystroke_ms_p50', 'typing "consistent hashing" in the popup', () => profileTyping(browser, docsTab, 'consistent hashing'));

    log(`install load (bundled): ${runs} fresh installs`);
    const install = await measureInstallLoad(browser, bundledVersion, runs);
    const installPing = recordInstall('install_load_ms', install);
    notes.install_load_ms = `Chromium restarted ${runs} times on the same profile with the extension's IndexedDB directory deleted, so the service worker's catalogue loader runs as on install (fetch the bundled JSON, \`syncCatalogue\` into a fresh database); the figure is \`syncCatalogue\`'s own duration as it records it in \`meta.lastCatalogueSync.durationMs\`. Slowest ping to the worker meanwhile: ${round(installPing)} ms.`;
    await investigate('install_load_ms', 'service worker during a fresh install (bundled catalogue)', () => profileInstall(browser, bundledVersion));

    log(`synthetic catalogue: ${SYNTHETIC_READS} reads`);
    const syntheticVersion = `synthetic-${SYNTHETIC_READS}-seed-${SYNTHETIC_SEED}`;
    await replaceBundledCatalogue(browser, syntheticReads(SYNTHETIC_READS, SYNTHETIC_SEED), syntheticVersion);
    log(`install load (100k): ${install100kRuns} fresh installs`);
    const install100k = await measureInstallLoad(browser, syntheticVersion, install100kRuns);
    results.install_load_100k_max_ping_ms = round(recordInstall('install_load_100k_ms', install100k));
    samples.install_load_100k_max_ping_ms = summarise(install100k.map((run) => round(Math.max(...run.pingMs))));
    log(`install_load_100k_max_ping_ms = ${results.install_load_100k_max_ping_ms}`);
    notes.install_load_100k_ms = `As \`install_load_ms\`, with the build's catalogue replaced by \`syntheticReads(${SYNTHETIC_READS}, ${SYNTHETIC_SEED})\` (\`src/search/synthetic.ts\`) — an extension update shipping a 100k catalogue — over ${install100kRuns} fresh installs (each takes seconds, so fewer than ${runs} keep the whole run within ~10 minutes).`;
    notes.install_load_100k_max_ping_ms = `During each 100k install an extension page sends \`{type: 'ping'}\` to the service worker every 20 ms and times the round trip; the figure is the slowest over all installs (per-install maxima: p50 in the table).`;
    await investigate('install_load_100k_ms', 'service worker during a fresh install of 100k reads', () => profileInstall(browser, syntheticVersion));
    if (!investigations.some((investigation) => investigation.metric === 'install_load_100k_ms')) {
      await investigate('install_load_100k_max_ping_ms', 'service worker during a fresh install of 100k reads', () => profileInstall(browser, syntheticVersion));
    }

    const docsTab100k = await openDocsTab(browser);
    log(`popup related (100k): ${runs} opens`);
    const related100k = await measurePopupRelated(browser, docsTab100k, runs);
    record('popup_related_100k_ms_p50', related100k.map((run) => run.firstReadMs));
    notes.popup_related_100k_ms_p50 = `As \`popup_related_ms_p50\` with the 100k catalogue installed. The first open also builds the background's related index over 100k reads: ${round(related100k[0]!.firstReadMs)} ms; later opens reuse it. ${popupBreakdown(related100k)}`;
    await investigate('popup_related_100k_ms_p50', 'popup page during one open with 100k reads', async () => {
      const { page, worker } = await profilePopupRelated(browser, docsTab100k);
      investigations.push({ metric: 'popup_related_100k_ms_p50', what: 'service worker during the same popup open (100k reads)', hot: withCodeHints(worker, builtExtensionDir) });
      return page;
    });

    log('search keystrokes (100k)');
    const keystrokes100k = await measureSearchKeystrokes(browser, docsTab100k, TYPED_QUERIES);
    record('search_keystroke_100k_ms_p50', keystrokes100k.map((keystroke) => keystroke.ms));
    notes.search_keystroke_100k_ms_p50 = 'As `search_keystroke_ms_p50` with the 100k catalogue installed (the popup builds its search index over 100k reads first; not included).';
    await investigate('search_keystroke_100k_ms_p50', 'typing "consistent hashing" in the popup with 100k reads', () => profileTyping(browser, docsTab100k, 'consistent hashing'));
  } finally {
    await browser.close();
    await rm(serveDir, { recursive: true, force: true });
  }

  const report: Report = {
    results: completeResults(results),
    samples,
    machine: describeMachine(CHROMIUM_BINARY, loadAtStart),
    date: new Date().toISOString(),
    notes,
    investigations,
    extra: [
      ...extra,
      `Whole run: ${Math.round((Date.now() - startedAt) / 1000)} s, ${runs} runs per figure unless noted.`,
    ],
  };
  await writeReport(report);
  log('wrote bench/results.json and BENCHMARKS.md');
  for (const key of Object.keys(TARGETS) as ResultKey[]) {
    if (missed(key)) log(`target missed: ${key} = ${results[key]} (target ${TARGETS[key]!.text})`);
  }
}

function completeResults(partial: Partial<Results>): Results {
  const expected: ResultKey[] = [
    'extract_ms_p50', 'extract_ms_p95', 'extract_1mb_max_task_ms', 'popup_related_ms_p50', 'popup_related_100k_ms_p50',
    'search_keystroke_ms_p50', 'search_keystroke_100k_ms_p50', 'search_query_us_p50', 'search_query_minisearch_us_p50',
    'search_top5_overlap', 'install_load_ms', 'install_load_100k_ms', 'install_load_100k_max_ping_ms',
    'popup_js_gzip_kb', 'content_js_gzip_kb', 'background_js_gzip_kb',
  ];
  const missing = expected.filter((key) => partial[key] === undefined);
  if (missing.length > 0) throw new Error(`The run produced no figure for ${missing.join(', ')}`);
  return Object.fromEntries(expected.map((key) => [key, partial[key]])) as Results;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
