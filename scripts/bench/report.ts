/** Writes bench/results.json and BENCHMARKS.md from one run's figures. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { TARGETS, type ResultKey, type Results } from './targets';
import type { Summary } from './stats';
import type { HotFunction } from './trace';

export type Machine = {
  cpus: number;
  model: string;
  memGB: number;
  node: string;
  chromium: string;
  os: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews the figures. */
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
    loadAverage: { atStart: Math.round(loadAtStart * 100) / 100, atEnd: Math.round(os.loadavg()[0]! * 100) / 100 },
  };
}

/** A CPU profile taken because a target was missed: where the time went. */
export type Investigation = { metric: ResultKey; what: string; hot: HotFunction[] };

export type Report = {
  results: Results;
  /** The samples behind each figure, summarised (same unit as the figure). */
  samples: Partial<Record<ResultKey, Summary>>;
  machine: Machine;
  date: string;
  /** How each figure was measured, and any detail worth keeping (one paragraph per key). */
  notes: Partial<Record<ResultKey, string>>;
  investigations: Investigation[];
  extra: string[];
};

const ANALYSIS_START = '<!-- analysis:start (kept across runs: edit freely) -->';
const ANALYSIS_END = '<!-- analysis:end -->';

export async function writeReport(report: Report, resultsPath = 'bench/results.json', markdownPath = 'BENCHMARKS.md'): Promise<void> {
  const targets = Object.fromEntries(
    (Object.keys(TARGETS) as ResultKey[]).map((key) => [key, { target: TARGETS[key]!.text, met: TARGETS[key]!.met(report.results) }]),
  );
  const runs = Object.fromEntries(Object.entries(report.samples).map(([key, summary]) => [key, summary!.n]));
  const json = { ...report.results, machine: report.machine, date: report.date, runs, targets };
  await mkdir(path.dirname(resultsPath), { recursive: true });
  await writeFile(resultsPath, `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(markdownPath, markdown(report, keptAnalysis(markdownPath)));
}

function keptAnalysis(markdownPath: string): string {
  const previous = existsSync(markdownPath) ? readFileSync(markdownPath, 'utf8') : '';
  const start = previous.indexOf(ANALYSIS_START);
  const end = previous.indexOf(ANALYSIS_END);
  if (start === -1 || end === -1) return '_No analysis written yet._';
  return previous.slice(start + ANALYSIS_START.length, end).trim();
}

function markdown(report: Report, analysis: string): string {
  const { results, samples, machine } = report;
  const keys = Object.keys(results) as ResultKey[];
  const cell = (value: number | undefined) => (value === undefined ? '' : String(value));
  const rows = keys.map((key) => {
    const target = TARGETS[key];
    const summary = samples[key];
    const met = target ? (target.met(results) ? '✅ yes' : '❌ no') : '—';
    return `| \`${key}\` | ${results[key]} | ${cell(summary?.p50)} | ${cell(summary?.p95)} | ${cell(summary?.n)} | ${target?.text ?? '—'} | ${met} |`;
  });
  const notes = keys.filter((key) => report.notes[key]).map((key) => `- **\`${key}\`** — ${report.notes[key]}`);
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

Figures from \`npm run bench\` (headless Chromium driving the built extension; written by
\`scripts/bench.ts\`, raw figures in \`bench/results.json\`). Re-run it to refresh this file; only the
analysis section below is kept between runs.

- **Date:** ${report.date}
- **Machine:** ${machine.cpus} × ${machine.model}, ${machine.memGB} GB RAM, ${machine.os}
- **Software:** ${machine.chromium}, Node ${machine.node}
- **Load average (1 min):** ${machine.loadAverage.atStart} at the start, ${machine.loadAverage.atEnd} at the end (on ${machine.cpus} cores; above ${machine.cpus} other work was competing with the benchmark)

## Results

Value is what \`results.json\` holds; p50/p95 are nearest-rank percentiles of the samples (n). Times in ms
unless the key says \`_us\` (microseconds) or \`_kb\` (KB of gzip -9).

| Key | Value | p50 | p95 | n | Target | Met? |
|---|---|---|---|---|---|---|
${rows.join('\n')}

## Method

${notes.join('\n')}

${report.extra.map((line) => `- ${line}`).join('\n')}

## Profiles of missed targets

CPU profiles (Chromium's sampling profiler through Playwright's CDP session; the service worker's through a
second CDP connection) recorded in the same run, right after a target was missed. Top self time first.

${investigations.length > 0 ? investigations.join('\n\n') : '_Every target was met: nothing to profile._'}

## Analysis

${ANALYSIS_START}
${analysis}
${ANALYSIS_END}
`;
}
