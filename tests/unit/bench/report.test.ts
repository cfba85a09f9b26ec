import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeReport, type Report } from '@/scripts/bench/report';
import type { Results } from '@/scripts/bench/targets';

const results: Results = {
  extract_ms_p50: 4, extract_ms_p95: 9.8, extract_1mb_max_task_ms: 43.1, popup_related_ms_p50: 110.4,
  popup_related_100k_ms_p50: 140.7, search_keystroke_ms_p50: 15.4, search_keystroke_100k_ms_p50: 17.3,
  search_query_us_p50: 25.1, search_query_minisearch_us_p50: 128.8, search_top5_overlap: 0.744, install_load_ms: 120,
  install_load_100k_ms: 10915, install_load_100k_max_ping_ms: 229.8, popup_js_gzip_kb: 81, content_js_gzip_kb: 19,
  background_js_gzip_kb: 75,
};
const report: Report = {
  results,
  samples: { extract_ms_p50: { n: 320, p50: 4, p95: 9.8, min: 1, max: 30 } },
  machine: { cpus: 2, model: 'AMD EPYC', memGB: 24, node: 'v20', chromium: 'Chromium 156', os: 'Linux', loadAverage: { atStart: 1, atEnd: 2 } },
  date: '2026-11-25T13:16:42.357Z',
  notes: { extract_ms_p50: 'measured in the page' },
  investigations: [{ metric: 'popup_related_ms_p50', what: 'popup page', hot: [{ functionName: 'D', location: '/chunks/a.js:1:5', selfMs: 10, code: 'a|b' }] }],
  extra: [],
};

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'bench-report-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeReport', () => {
  it('writes the results with machine, date, runs and a verdict per target', async () => {
    await writeReport(report, path.join(dir, 'results.json'), path.join(dir, 'BENCHMARKS.md'));
    const json = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
    expect(json.extract_ms_p50).toBe(4);
    expect(json.machine.cpus).toBe(2);
    expect(json.runs).toEqual({ extract_ms_p50: 320 });
    expect(json.targets.popup_related_ms_p50).toEqual({ target: '≤ 100 ms', met: false });
    expect(json.targets.search_query_us_p50.met).toBe(true);
    expect(json.targets.content_js_gzip_kb).toBeUndefined();
  });

  it('tables every figure, escapes profile code for markdown and keeps the hand-written analysis', async () => {
    const markdownPath = path.join(dir, 'BENCHMARKS.md');
    await writeReport(report, path.join(dir, 'results.json'), markdownPath);
    const first = readFileSync(markdownPath, 'utf8');
    expect(first).toContain('| `popup_related_ms_p50` | 110.4 |  |  |  | ≤ 100 ms | ❌ no |');
    expect(first).toContain('`a\\|b`');
    writeFileSync(markdownPath, first.replace('_No analysis written yet._', 'The popup waits for the index build.'));
    await writeReport({ ...report, date: '2026-11-26T00:00:00.000Z' }, path.join(dir, 'results.json'), markdownPath);
    const second = readFileSync(markdownPath, 'utf8');
    expect(second).toContain('2026-11-26T00:00:00.000Z');
    expect(second).toContain('The popup waits for the index build.');
  });
});
