/**
 * `npm run bench`: builds the extension, measures it in headless Chromium (and its search in Node),
 * and writes bench/results.json, bench/growth.svg and BENCHMARKS.md. Every timed figure is taken
 * beside a floor or a peer in the same run, interleaved, and reported as the median per-pair ratio.
 * Not part of `npm test`; takes about 6–9 minutes on a 2-core machine (2–3 without the 100k size).
 *
 *   npm run bench [-- --runs N] [--extract-rounds N] [--install-100k-runs N]
 *
 * Environment: CHROMIUM_BIN / CHROME_PATH pick the browser (default /usr/bin/chromium);
 * DOCENT_BENCH_SKIP_100K=1 leaves out the 100k size (quick runs; its figures are then absent).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueIndex } from '@/src/relevance';
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
import { profileInstall, profilePopupRelated } from './bench/investigate';
import { measureInstallLoad, type InstallRun } from './bench/install';
import { devPages, LARGE_PAGE_FILE, preparePages } from './bench/pages';
import { measurePopupRelated, measureSearchKeystrokes, writeFloorPage, type PopupRelatedRun } from './bench/popup';
import { TYPED_QUERIES } from './bench/queries';
import { loadJudgements } from './bench/quality';
import { benchmarkQueries } from './bench/query';
import { describeMachine, flatResults, writeReport, type GrowthPoint, type Investigation, type RatioFigure, type Report } from './bench/report';
import { builtScriptSizes } from './bench/sizes';
import { pairRatios, round, summarise } from './bench/stats';
import { withCodeHints } from './bench/trace';
import { TARGETS } from './bench/targets';

const SYNTHETIC_SEED = 1;
const FULL_SIZE = 100_000;
const SKIP_FULL_SIZE = process.env.DOCENT_BENCH_SKIP_100K === '1';
const GROWTH_SIZES = [1_000, 10_000, 30_000, ...(SKIP_FULL_SIZE ? [] : [FULL_SIZE])];
/** The page the popup is opened for: an on-topic page with many related reads. */
const POPUP_PAGE = 'kafka-design.html';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    // Every dev page (16 committed, 41 in the shared set) this many times: one extraction/Readability pair per load.
    'extract-rounds': { type: 'string', default: '4' },
    'install-100k-runs': { type: 'string', default: '3' },
  },
});
const runs = wholeNumber(args.runs, '--runs');
const extractRounds = wholeNumber(args['extract-rounds'], '--extract-rounds');
const install100kRuns = wholeNumber(args['install-100k-runs'], '--install-100k-runs');
/** Fewer samples at the growth sizes below 100k: they shape the curve, they carry no target. */
const GROWTH_RUNS = { installs: 3, opens: 8, queries: TYPED_QUERIES.slice(0, 2) };

function wholeNumber(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} must be a whole number ≥ 1, got "${value}"`);
  return number;
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const ratios: RatioFigure[] = [];
const figures: Record<string, number> = {};
const notes: Record<string, string> = {};
const extra: string[] = [];
const investigations: Investigation[] = [];
const growth: GrowthPoint[] = [];
let builtExtensionDir = '';

/** Record a ratio from interleaved samples: ours[i] was taken beside peer[i]. */
function recordRatio(key: string, ours: { name: string; samples: number[] }, peer: { name: string; samples: number[] }, unit: 'ms' | 'µs' = 'ms', speedUp = false): RatioFigure {
  const figure: RatioFigure = {
    key,
    ours: { name: ours.name, summary: summarise(ours.samples) },
    peer: { name: peer.name, summary: summarise(peer.samples) },
    ratios: summarise(pairRatios(ours.samples, peer.samples)),
    unit,
    speedUp,
  };
  ratios.push(figure);
  const value = speedUp ? 1 / figure.ratios.p50 : figure.ratios.p50;
  log(`${key} = ${round(value, 2)} (${ours.name} ${round(figure.ours.summary.p50)} vs ${peer.name} ${round(figure.peer.summary.p50)} ${unit}, n ${figure.ratios.n})`);
  return figure;
}

function missed(key: string): boolean {
  const results = flatResults({ ratios, figures, quality: { kinds: {}, byKind: {} }, growth: [] } as unknown as Report);
  return TARGETS[key] !== undefined && results[key] !== undefined && !TARGETS[key]!.met(results);
}

async function investigate(key: string, what: string, profile: () => Promise<Investigation['hot']>): Promise<void> {
  if (!missed(key)) return;
  log(`${key} misses its target: profiling (${what})`);
  investigations.push({ metric: key, what, hot: withCodeHints(await profile(), builtExtensionDir) });
}

async function measureSearchInNode(reads: readonly Read[]): Promise<Report['quality']> {
  const judgements = loadJudgements(new Set(reads.map((read) => read.id)));
  const bench = benchmarkQueries(reads, judgements, runs);
  recordRatio('search_vs_minisearch_speedup', { name: 'ours', samples: bench.oursUs }, { name: 'MiniSearch', samples: bench.miniSearchUs }, 'µs', true);
  recordRatio('search_vs_flexsearch_ratio', { name: 'ours', samples: bench.oursUs }, { name: 'raw FlexSearch', samples: bench.flexSearchUs }, 'µs');
  figures.search_quality_p5 = round(bench.quality.ours.overall.p5, 3);
  figures.search_quality_p5_minisearch = round(bench.quality.miniSearch.overall.p5, 3);
  figures.search_quality_mrr = round(bench.quality.ours.overall.mrr, 3);
  figures.search_quality_mrr_minisearch = round(bench.quality.miniSearch.overall.mrr, 3);
  const byKind = Object.fromEntries(
    Object.keys(judgements.kinds).map((kind) => {
      const ours = bench.quality.ours.byKind[kind]!;
      const miniSearch = bench.quality.miniSearch.byKind[kind]!;
      figures[`search_quality_p5_${kind}`] = round(ours.p5, 3);
      figures[`search_quality_p5_minisearch_${kind}`] = round(miniSearch.p5, 3);
      return [kind, { ours: { p5: round(ours.p5, 3), mrr: round(ours.mrr, 3) }, miniSearch: { p5: round(miniSearch.p5, 3), mrr: round(miniSearch.mrr, 3) }, queries: ours.queries }];
    }),
  );
  log(`search quality P@5 ours ${figures.search_quality_p5}, MiniSearch ${figures.search_quality_p5_minisearch}`);
  notes.search_vs_minisearch_speedup = `One \`search(query, [], 25)\` (a popup page of results) over the bundled catalogue (${reads.length} reads) in Node, timed per call with \`performance.now()\`; the ${judgements.queries.length} judged queries × ${runs} rounds after a warm-up round, the three engines interleaved per query with the first one rotating. MiniSearch 7 is configured like ours: the same six fields and boosts (\`FIELD_WEIGHTS\`), our tokenizer (\`termsOf\`) and query stopwords, \`prefix: true\`, \`fuzzy: 0.2\`, all words required (\`AND\`) falling back to any word (\`OR\`); first 25 results. The figure is MiniSearch's time / ours per pair (median). Index build: ours ${round(bench.buildMs.ours)} ms, MiniSearch ${round(bench.buildMs.miniSearch)} ms, raw FlexSearch ${round(bench.buildMs.flexSearch)} ms.`;
  notes.search_vs_flexsearch_ratio = "The floor: a bare FlexSearch \`Document\` over the same six fields (\`tokenize: 'forward'\`, FlexSearch's default encoder) asked the query as typed with \`limit: 25\` — the engine ours is built on, without our query words, typo corrections, synonyms or ranking. Ours / floor per pair.";
  notes.search_quality_p5 = 'Mean P@5 over the judged set (see "Search quality"); the `_minisearch` keys are MiniSearch\'s, `search_quality_p5_<kind>` per kind, MRR beside them.';
  return { kinds: judgements.kinds, byKind };
}

/** Node-side growth: related-index build and one query, ours and the FlexSearch floor, per size. */
function nodeGrowth(size: number): Pick<GrowthPoint, 'related_index_build_ms' | 'query_us' | 'query_floor_us'> {
  const reads = syntheticReads(size, SYNTHETIC_SEED);
  const builds = [0, 1, 2].map(() => {
    const startedAt = performance.now();
    createCatalogueIndex(reads);
    return performance.now() - startedAt;
  });
  const judgements = { kinds: { all: '' }, queries: TYPED_QUERIES.map((query) => ({ kind: 'all', query, relevant: [reads[0]!.id] })) };
  const bench = benchmarkQueries(reads, judgements, 5);
  return {
    related_index_build_ms: round(summarise(builds).p50),
    query_us: round(summarise(bench.oursUs).p50),
    query_floor_us: round(summarise(bench.flexSearchUs).p50),
  };
}

/** The related-reads index over the bundled catalogue, as the background builds it once per catalogue version. */
function measureRelatedIndex(reads: readonly Read[]): void {
  createCatalogueIndex(reads); // warm-up: the first build also parses the bundled data
  const builds = [0, 1, 2, 3, 4].map(() => {
    const startedAt = performance.now();
    createCatalogueIndex(reads);
    return performance.now() - startedAt;
  });
  figures.related_index_build_ms = round(summarise(builds).p50);
  notes.related_index_build_ms = `\`createCatalogueIndex\` over the bundled ${reads.length} reads in Node (median of 5 after a warm-up); the 1k–100k builds are in the growth table.`;
}

function measureSizes(extensionDir: string): void {
  const sizes = builtScriptSizes(extensionDir);
  figures.popup_js_gzip_kb = sizes.popup.gzipKb;
  figures.content_js_gzip_kb = sizes.content.gzipKb;
  figures.background_js_gzip_kb = sizes.background.gzipKb;
  const perFile = (files: Record<string, number>) => Object.entries(files).map(([file, kb]) => `\`${file}\` ${kb}`).join(', ');
  notes.popup_js_gzip_kb = `popup.html's module script and every chunk it imports, statically or lazily (gzip -9 of the built files, KB): ${perFile(sizes.popup.gzipKbByFile)}. Before the first paint (static imports only): ${sizes.popup.initialGzipKb} KB.`;
  notes.background_js_gzip_kb = `\`background.js\` and its chunks (KB): ${perFile(sizes.background.gzipKbByFile)}; \`content_js_gzip_kb\`: \`content-scripts/docs.js\` (one self-contained file).`;
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

function popupBreakdown(runs: PopupRelatedRun[]): string {
  const paints = runs.flatMap((run) => (run.firstContentfulPaintMs === null ? [] : [run.firstContentfulPaintMs]));
  const message = summarise(runs.map((run) => run.tabRelatedMessageMs));
  const paint = paints.length > 0 ? `first contentful paint (popup shell) p50 ${round(summarise(paints).p50)} ms; ` : '';
  return `Breakdown: ${paint}the \`tab-related\` message alone (sent again from the open popup right after) p50 ${round(message.p50)} ms, p95 ${round(message.p95)} ms.`;
}

/**
 * One catalogue size in the browser: fresh installs beside the storage floor, popup opens beside the
 * floor page (the first open, which builds the background's related index, is left out), keystrokes
 * beside the floor page's bare input. Returns the raw samples for the keys that need them.
 */
async function measureSize(browser: BenchBrowser, version: string, plan: { installs: number; opens: number; queries: readonly string[] }) {
  const install = await measureInstallLoad(browser, version, plan.installs);
  const docsTab = await openDocsTab(browser);
  const [firstOpen, ...opens] = await measurePopupRelated(browser, docsTab, plan.opens + 1);
  const keystrokes = await measureSearchKeystrokes(browser, docsTab, plan.queries);
  return { install, docsTab, firstOpen: firstOpen!, opens, keystrokes };
}

function recordInstallRatio(key: string, installRuns: InstallRun[]): void {
  recordRatio(key, { name: 'syncCatalogue', samples: installRuns.map((run) => run.syncMs) }, { name: 'bare put', samples: installRuns.map((run) => run.floorMs) });
}

function recordPopupRatios(suffix: '' | '_100k', measured: Awaited<ReturnType<typeof measureSize>>): void {
  recordRatio(`popup_related${suffix}_vs_floor_ratio`, { name: 'first read', samples: measured.opens.map((run) => run.firstReadMs) }, { name: 'floor page', samples: measured.opens.map((run) => run.floorMs) });
  recordRatio(`keystroke${suffix}_vs_floor_ratio`, { name: 'keystroke', samples: measured.keystrokes.popup.map((key) => key.ms) }, { name: 'bare input', samples: measured.keystrokes.floor.map((key) => key.ms) });
}

function growthPoint(size: number, measured: Awaited<ReturnType<typeof measureSize>>): GrowthPoint {
  const median = (values: number[]) => round(summarise(values).p50);
  return {
    size,
    install_ms: median(measured.install.map((run) => run.syncMs)),
    install_floor_ms: median(measured.install.map((run) => run.floorMs)),
    popup_related_ms: median(measured.opens.map((run) => run.firstReadMs)),
    popup_floor_ms: median(measured.opens.map((run) => run.floorMs)),
    keystroke_ms: median(measured.keystrokes.popup.map((key) => key.ms)),
    keystroke_floor_ms: median(measured.keystrokes.floor.map((key) => key.ms)),
    ...nodeGrowth(size),
  };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loadAtStart = loadavg()[0]!;
  log('building the extension (wxt build → .output/bench/chrome-mv3)');
  const extensionDir = await buildExtensionForBench();
  builtExtensionDir = extensionDir;
  measureSizes(extensionDir);

  log('search queries in Node: ours vs MiniSearch vs raw FlexSearch, judged quality');
  const bundledReads = JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as Read[];
  const quality = await measureSearchInNode(bundledReads);
  measureRelatedIndex(bundledReads);

  const pages = await devPages();
  const serveDir = await mkdtemp(path.join(tmpdir(), 'docent-bench-pages-'));
  await preparePages(serveDir, pages);
  const browser = await openBenchBrowser(extensionDir, serveDir);
  try {
    await writeFloorPage(browser);
    const bundledVersion = await bundledCatalogueVersion(browser);
    await waitForCatalogue(browser, bundledVersion);

    log(`keyword extraction: ${pages.files.length} pages (${pages.origin}) × ${extractRounds} loads, each beside Readability and the page's parse + layout`);
    const extraction = await measureDevPageExtraction(browser, pages.files, extractRounds);
    const extractMs = extraction.map((sample) => sample.extractMs);
    recordRatio('extract_vs_readability_ratio', { name: 'content script', samples: extractMs }, { name: 'Readability', samples: extraction.map((sample) => sample.readabilityMs) });
    recordRatio('extract_vs_page_parse_layout_ratio', { name: 'content script', samples: extractMs }, { name: 'page parse + layout', samples: extraction.map((sample) => sample.pageParseLayoutMs) });
    notes.extract_vs_readability_ratio = `The real content script (\`content-scripts/docs.js\`) on each of the ${pages.files.length} dev pages (${pages.origin}), served from 127.0.0.1 under the documentation host \`etcd.io\` (\`--host-resolver-rules\`), each page loaded ${extractRounds} times; ours is the \`extractMs\` the script measures around its extraction (working time, without the pauses between its slices) and sends in \`page-keywords\`. Right after, in the same page: \`new Readability(document.cloneNode(true)).parse()\` from @mozilla/readability 0.6 (injected as a classic script), timed with \`performance.now()\`. One pair per load.`;
    notes.extract_vs_page_parse_layout_ratio = "The same loads: the browser's own work on the page — HTML parsing (Navigation Timing `responseStart → domInteractive`) plus one full style and layout (forced by hiding and showing `<body>` and reading `offsetHeight`).";

    log(`1 MB page: ${Math.ceil(runs / 2)} traced loads`);
    const largeRuns = await measureLargePage(browser, Math.ceil(runs / 2));
    figures.extract_1mb_max_task_ms = round(summarise(largeRuns.map((run) => run.contentScriptTaskMs)).p50);
    const largeAny = summarise(largeRuns.map((run) => run.anyTaskMs));
    notes.extract_1mb_max_task_ms = `A generated ~1 MB documentation page (\`${LARGE_PAGE_FILE}\`) loaded under a Chromium trace and CPU profile; per load, the longest unit of main-thread work during which the content script ran; median over loads. Beside it, the longest task of any kind in the same loads (the page's own parsing and layout of 1 MB): p50 ${round(largeAny.p50)} ms.`;

    log(`bundled catalogue (${bundledReads.length} reads): ${runs} installs, ${runs} popup opens, keystrokes`);
    const bundled = await measureSize(browser, bundledVersion, { installs: runs, opens: runs, queries: TYPED_QUERIES });
    recordInstallRatio('install_vs_floor_ratio', bundled.install);
    recordPopupRatios('', bundled);
    notes.install_vs_floor_ratio = "Chromium restarted on the same profile with the extension's IndexedDB directory deleted, so the service worker's catalogue loader runs as on install (fetch the bundled JSON, `syncCatalogue` into a fresh database); ours is `syncCatalogue`'s own duration through its commit (`meta.lastCatalogueSync.durationMs`, rewritten after the commit). Right after, in the same worker, the storage floor: the same JSON parsed, then one bare IndexedDB transaction `put`ting every read into a fresh object store keyed by `id` with no indexes, timed from the transaction's start to its `complete`.";
    notes.popup_related_vs_floor_ratio = `\`popup.html?tabId=N\` opened in a tab (N: a tab showing \`${POPUP_PAGE}\` whose content script has reported — the e2e suite's way to open the popup, as Playwright cannot script the real toolbar popup before it runs); an init script stamps \`performance.now()\` in the task after the animation frame following the first \`ul.cards li[data-row]\` (after paint). Right after, in the same tab, the floor page \`bench-floor.html\` — the built popup.html with its scripts removed and one static read card in their place — timed by the same init script. The first open (which builds the background's related index) is left out. ${popupBreakdown(bundled.opens)}`;
    notes.keystroke_vs_floor_ratio = `Each query of \`TYPED_QUERIES\` typed key by key (Playwright \`keyboard.press\`) into the popup's search box once its index is built, then the same query into the floor page's bare \`<input>\`; sample = the keydown's \`event.timeStamp\` → the task after the animation frame following the \`input\` event. The floor is one frame of a page that does nothing with the key. Pairs are the same key of the same query.`;
    await investigate('popup_related_vs_floor_ratio', 'popup page during one open', async () => {
      const { page, worker } = await profilePopupRelated(browser, bundled.docsTab);
      investigations.push({ metric: 'popup_related_vs_floor_ratio', what: 'service worker during the same popup open', hot: withCodeHints(worker, builtExtensionDir) });
      return page;
    });
    await investigate('install_vs_floor_ratio', 'service worker during a fresh install (bundled catalogue)', () => profileInstall(browser, bundledVersion));

    for (const size of GROWTH_SIZES) {
      const full = size === FULL_SIZE;
      log(`synthetic catalogue of ${size} reads${full ? ' (the 100k figures)' : ''}`);
      const version = `synthetic-${size}-seed-${SYNTHETIC_SEED}`;
      await replaceBundledCatalogue(browser, syntheticReads(size, SYNTHETIC_SEED), version);
      const measured = await measureSize(browser, version, full ? { installs: install100kRuns, opens: runs, queries: TYPED_QUERIES } : GROWTH_RUNS);
      growth.push(growthPoint(size, measured));
      log(`growth ${size}: ${JSON.stringify(growth[growth.length - 1])}`);
      if (!full) continue;
      recordInstallRatio('install_100k_vs_floor_ratio', measured.install);
      recordPopupRatios('_100k', measured);
      figures.install_load_100k_max_ping_ms = round(Math.max(...measured.install.flatMap((run) => run.pingMs)));
      notes.install_100k_vs_floor_ratio = `As \`install_vs_floor_ratio\` with the build's catalogue replaced by \`syntheticReads(${size}, ${SYNTHETIC_SEED})\` — an extension update shipping a 100k catalogue — over ${install100kRuns} fresh installs, each followed by the floor. \`install_load_100k_max_ping_ms\`: meanwhile an extension page sends \`{type: 'ping'}\` to the worker every 20 ms; the slowest round trip over all installs.`;
      notes.popup_related_100k_vs_floor_ratio = `As \`popup_related_vs_floor_ratio\` with the 100k catalogue installed. The left-out first open, which builds the background's related index over 100k reads, took ${round(measured.firstOpen.firstReadMs)} ms. ${popupBreakdown(measured.opens)}`;
      notes.keystroke_100k_vs_floor_ratio = 'As `keystroke_vs_floor_ratio` with the 100k catalogue installed (the popup builds its search index over 100k reads first; not included).';
      await investigate('install_100k_vs_floor_ratio', 'service worker during a fresh install of 100k reads', () => profileInstall(browser, version));
    }
    extra.push(`Growth sizes: ${GROWTH_SIZES.join(', ')} reads; below 100k, ${GROWTH_RUNS.installs} installs, ${GROWTH_RUNS.opens} popup opens and ${GROWTH_RUNS.queries.length} typed queries per size. Related-index build (\`createCatalogueIndex\`) and the query (ours vs the raw FlexSearch floor, \`TYPED_QUERIES\`) are timed in Node over the same synthetic reads.`);
    if (SKIP_FULL_SIZE) extra.push('DOCENT_BENCH_SKIP_100K=1: the 100k size and its figures were left out of this run.');
  } finally {
    await browser.close();
    await rm(serveDir, { recursive: true, force: true });
  }

  extra.push(`Whole run: ${Math.round((Date.now() - startedAt) / 1000)} s.`);
  const report: Report = { ratios, figures, quality, growth, machine: describeMachine(CHROMIUM_BINARY, loadAtStart), date: new Date().toISOString(), notes, investigations, extra };
  await writeReport(report);
  log('wrote bench/results.json, bench/growth.svg and BENCHMARKS.md');
  const results = flatResults(report);
  for (const [key, target] of Object.entries(TARGETS)) {
    if (results[key] !== undefined && !target.met(results)) log(`target missed: ${key} = ${JSON.stringify(results[key])} (target ${target.text})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
