/** Writes bench/results.json, bench/growth.svg and BENCHMARKS.md from one run's figures. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { growthChart, type Series } from './chart';
import { fitPowerLaw, round, type Summary } from './stats';
import { applicableTargets, type Results } from './targets';
import type { HotFunction } from './trace';

export type Machine = {
  cpus: number;
  model: string;
  memGB: number;
  node: string;
  chromium: string;
  os: string;
  /** 1-minute load average when the run started and ended: how much other work shared the machine. */
  loadAverage: { atStart: number; atEnd: number };
};

export function describeMachine(chromiumBinary: string, loadAtStart: number): Machine {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model.trim() ?? 'unknown',
    memGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: execFileSync(chromiumBinary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    os: `${os.type()} ${os.release()}`,
    loadAverage: { atStart: round(loadAtStart, 2), atEnd: round(os.loadavg()[0]!, 2) },
  };
}

/** A timed figure beside its floor or peer from the same run: both medians and the per-pair ratios. */
export type RatioFigure = {
  key: string;
  ours: { name: string; summary: Summary };
  peer: { name: string; summary: Summary };
  /** Summary of ours / peer per interleaved pair; the figure is its median (or its inverse for a speed-up). */
  ratios: Summary;
  unit: 'ms' | 'µs';
  /** A speed-up reads peer / ours (higher is better); every other ratio reads ours / peer. */
  speedUp?: boolean;
};

/** One catalogue size of the growth curve (ms unless `_us`). */
export type GrowthPoint = {
  size: number;
  install_ms: number;
  install_floor_ms: number;
  related_index_build_ms: number;
  popup_related_ms: number;
  popup_floor_ms: number;
  keystroke_ms: number;
  keystroke_floor_ms: number;
  query_us: number;
  query_floor_us: number;
};

/** A CPU profile taken because a target was missed: where the time went. */
export type Investigation = { metric: string; what: string; hot: HotFunction[] };

export type Report = {
  ratios: RatioFigure[];
  /** Figures with no floor of their own (sizes, quality, the platform's responsiveness bounds). */
  figures: Record<string, number>;
  quality: {
    kinds: Record<string, string>;
    byKind: Record<string, { ours: { p5: number; mrr: number }; miniSearch: { p5: number; mrr: number }; queries: number }>;
  };
  growth: GrowthPoint[];
  machine: Machine;
  date: string;
  /** How each figure was measured (one paragraph per key). */
  notes: Record<string, string>;
  investigations: Investigation[];
  extra: string[];
};

const ANALYSIS_START = '<!-- analysis:start (kept across runs: edit freely) -->';
const ANALYSIS_END = '<!-- analysis:end -->';

/** The figure a ratio row stands for. */
export function ratioValue(figure: RatioFigure): number {
  return round(figure.speedUp ? 1 / figure.ratios.p50 : figure.ratios.p50, 2);
}

/** Every figure as results.json holds it (flat keys, then the per-kind quality and the growth curve). */
export function flatResults(report: Report): Results {
  const results: Results = {};
  for (const figure of report.ratios) results[figure.key] = ratioValue(figure);
  Object.assign(results, report.figures);
  results.search_quality_by_kind = report.quality.byKind;
  results.growth = Object.fromEntries(report.growth.map((point) => [String(point.size), point]));
  return results;
}

const GROWTH_METRICS: { key: keyof GrowthPoint; name: string; unit: 'ms' | 'µs' }[] = [
  { key: 'install_ms', name: 'install load', unit: 'ms' },
  { key: 'install_floor_ms', name: 'storage floor', unit: 'ms' },
  { key: 'related_index_build_ms', name: 'related-index build', unit: 'ms' },
  { key: 'popup_related_ms', name: 'popup related', unit: 'ms' },
  { key: 'keystroke_ms', name: 'keystroke → painted', unit: 'ms' },
  { key: 'query_us', name: 'query (Node)', unit: 'µs' },
];

export async function writeReport(report: Report, resultsPath = 'bench/results.json', markdownPath = 'BENCHMARKS.md'): Promise<void> {
  const results = flatResults(report);
  const previous = previousRatios(resultsPath);
  const targets = Object.fromEntries(applicableTargets(results).map(([key, target]) => [key, { target: target.text, met: target.met(results) }]));
  const runs = Object.fromEntries(report.ratios.map((figure) => [figure.key, figure.ratios.n]));
  const spread = Object.fromEntries(
    report.ratios.filter((figure) => previous[figure.key] !== undefined).map((figure) => [figure.key, round(ratioValue(figure) / previous[figure.key]! - 1, 3)]),
  );
  const json = { ...results, machine: report.machine, date: report.date, runs, targets, change_vs_previous_run: spread };
  await mkdir(path.dirname(resultsPath), { recursive: true });
  await writeFile(resultsPath, `${JSON.stringify(json, null, 2)}\n`);
  const chartPath = path.join(path.dirname(resultsPath), 'growth.svg');
  if (report.growth.length > 0) await writeFile(chartPath, growthChart(growthSeries(report.growth)));
  await writeFile(markdownPath, markdown(report, results, previous, path.relative(path.dirname(markdownPath), chartPath), keptAnalysis(markdownPath)));
}

function growthSeries(growth: readonly GrowthPoint[]): Series[] {
  return GROWTH_METRICS.map(({ key, name, unit }) => ({ name, unit, points: growth.map((point) => ({ size: point.size, cost: point[key] })) }));
}

/** The ratios of the run before this one (results.json as it was), for the run-to-run spread. */
function previousRatios(resultsPath: string): Record<string, number> {
  if (!existsSync(resultsPath)) return {};
  const previous = JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(previous).filter(([key, value]) => /_(ratio|speedup)$/.test(key) && typeof value === 'number')) as Record<string, number>;
}

function keptAnalysis(markdownPath: string): string {
  const previous = existsSync(markdownPath) ? readFileSync(markdownPath, 'utf8') : '';
  const start = previous.indexOf(ANALYSIS_START);
  const end = previous.indexOf(ANALYSIS_END);
  if (start === -1 || end === -1) return '_No analysis written yet._';
  return previous.slice(start + ANALYSIS_START.length, end).trim();
}

function markdown(report: Report, results: Results, previous: Record<string, number>, chartFile: string, analysis: string): string {
  const { machine } = report;
  const targets = new Map(applicableTargets(results));
  const verdict = (key: string) => {
    const target = targets.get(key);
    return target ? `${target.text} | ${target.met(results) ? '✅ met' : '❌ missed'}` : '— | —';
  };
  const change = (key: string, value: number) => (previous[key] === undefined ? '—' : `${value >= previous[key]! ? '+' : ''}${round((value / previous[key]! - 1) * 100, 1)} %`);
  const ratioRows = report.ratios.map((figure) => {
    const value = ratioValue(figure);
    const spread = figure.speedUp
      ? `${round(1 / figure.ratios.p75, 2)}–${round(1 / figure.ratios.p25, 2)}`
      : `${round(figure.ratios.p25, 2)}–${round(figure.ratios.p75, 2)}`;
    return `| \`${figure.key}\` | ${figure.ours.name} ${round(figure.ours.summary.p50, 1)} ${figure.unit} | ${figure.peer.name} ${round(figure.peer.summary.p50, 1)} ${figure.unit} | **${value}×** | ${spread} | ${figure.ratios.n} | ${verdict(figure.key)} | ${change(figure.key, value)} |`;
  });
  const figureRows = Object.entries(report.figures).map(([key, value]) => `| \`${key}\` | ${value} | ${verdict(key)} |`);
  const qualityRows = Object.entries(report.quality.byKind).map(
    ([kind, { ours, miniSearch, queries }]) =>
      `| ${kind} (${queries}) — ${report.quality.kinds[kind] ?? ''} | ${round(ours.p5, 3)} | ${round(miniSearch.p5, 3)} | ${round(ours.mrr, 3)} | ${round(miniSearch.mrr, 3)} | ${ours.p5 >= miniSearch.p5 && ours.mrr >= miniSearch.mrr ? '✅' : '❌'} |`,
  );
  const growthRows = report.growth.map(
    (point) =>
      `| ${point.size.toLocaleString('en')} | ${point.install_ms} | ${point.install_floor_ms} | ${round(point.install_ms / point.install_floor_ms, 2)}× | ${point.related_index_build_ms} | ${point.popup_related_ms} | ${point.popup_floor_ms} | ${point.keystroke_ms} | ${point.keystroke_floor_ms} | ${point.query_us} | ${point.query_floor_us} |`,
  );
  const fits = report.growth.length >= 2
    ? GROWTH_METRICS.map(({ key, name }) => {
        const fit = fitPowerLaw(report.growth.map((point) => ({ size: point.size, cost: point[key] })));
        return `- **${name}**: ${fit.growth} (fitted exponent ${fit.exponent}).`;
      })
    : ['- Fewer than two sizes measured: no fit.'];
  const notes = Object.entries(report.notes).map(([key, note]) => `- **\`${key}\`** — ${note}`);
  const investigations = report.investigations.map((investigation) =>
    [
      `#### \`${investigation.metric}\`: ${investigation.what}`,
      '',
      '| Self time (ms) | Function (minified name) | Location in the build | Code there |',
      '|---|---|---|---|',
      ...investigation.hot.map(
        (hot) => `| ${hot.selfMs} | \`${hot.functionName}\` | \`${hot.location}\` | ${hot.code ? `\`${hot.code.replace(/\|/g, '\\|').replace(/`/g, "'")}\`` : ''} |`,
      ),
    ].join('\n'),
  );
  return `# Benchmarks

Figures from \`npm run bench\` (headless Chromium driving the built extension, and Node for the search
engines; written by \`scripts/bench.ts\`, raw figures in \`bench/results.json\`). Every timed figure is a
ratio to a floor or a peer measured in the same run, interleaved (A B A B …), so a slower or busier
machine slows both sides alike. Re-run it to refresh this file; only the analysis section is kept.

- **Date:** ${report.date}
- **Machine:** ${machine.cpus} × ${machine.model}, ${machine.memGB} GB RAM, ${machine.os}
- **Software:** ${machine.chromium}, Node ${machine.node}
- **Load average (1 min):** ${machine.loadAverage.atStart} at the start, ${machine.loadAverage.atEnd} at the end (on ${machine.cpus} cores; above ${machine.cpus} other work was competing with the benchmark)

## Ratios

Ours and the floor/peer are medians of their samples; the ratio is the median of the per-pair ratios
(ours / floor, or peer / ours for a speed-up), with the middle half of the pairs (p25–p75) beside it as
the in-run spread. The last column is the change from the previous run's ratio (run-to-run spread).

| Key | Ours | Floor / peer | Ratio | p25–p75 | Pairs | Target | Met? | vs previous run |
|---|---|---|---|---|---|---|---|---|
${ratioRows.join('\n')}

## Other figures

| Key | Value | Target | Met? |
|---|---|---|---|
${figureRows.join('\n')}

## Search quality (judged set)

\`bench/search-judgements.json\`: ${Object.values(report.quality.byKind).reduce((sum, kind) => sum + kind.queries, 0)} queries over the bundled catalogue, each with the reads
that should come first, written by reading the catalogue. P@5 = wanted reads in the top 5 / min(5, wanted);
MRR = mean of 1 / rank of the first wanted read (top 25). Ours must be ≥ MiniSearch on every kind.

| Kind (queries) | P@5 ours | P@5 MiniSearch | MRR ours | MRR MiniSearch | Ours ≥ MiniSearch |
|---|---|---|---|---|---|
${qualityRows.join('\n')}

## Growth with the catalogue

Synthetic catalogues (\`syntheticReads(n, 1)\`) replacing the bundled one. Times in ms except the query (µs).
Medians per size.

| Reads | Install | Storage floor | Install / floor | Related-index build | Popup related | Popup floor | Keystroke | Keystroke floor | Query (µs) | FlexSearch floor (µs) |
|---|---|---|---|---|---|---|---|---|---|---|
${growthRows.join('\n')}

![Cost against catalogue size, log–log](${chartFile})

Fitted growth (least squares of log time on log size; exponent 1 = linear):

${fits.join('\n')}

## Method

${notes.join('\n')}

${report.extra.map((line) => `- ${line}`).join('\n')}

## Profiles of missed targets

CPU profiles (Chromium's sampling profiler through Playwright's CDP session; the service worker's through a
second CDP connection) recorded in the same run, right after a target was missed. Top self time first.

${investigations.length > 0 ? investigations.join('\n\n') : '_No timed target was missed: nothing to profile._'}

## Analysis

${ANALYSIS_START}
${analysis}
${ANALYSIS_END}
`;
}
