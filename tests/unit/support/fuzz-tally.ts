/**
 * Vitest global setup: sums the fuzz cases every test worker ran (see ./fuzz.ts) and prints one
 * line at the end of the run, also written to tests/.scratch/fuzz/last-run.json for reports.
 * Each run tallies into its own directory, so runs in parallel do not mix their counts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const SCRATCH = join(REPO, 'tests/.scratch/fuzz');

type TallyLine = { file: string; test: string; cases: number; seed: number; runs: number };

export default function setup(project: TestProject): () => void {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, 'run-'));
  project.provide('fuzzTallyDir', dir);
  return () => {
    const lines: TallyLine[] = readdirSync(dir).flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as TallyLine),
    );
    rmSync(dir, { recursive: true, force: true });
    if (lines.length === 0) return;
    const cases = lines.reduce((sum, line) => sum + line.cases, 0);
    const { seed, runs } = lines[0]!;
    const byFile: Record<string, number> = {};
    for (const line of lines) {
      const file = relative(REPO, line.file);
      byFile[file] = (byFile[file] ?? 0) + line.cases;
    }
    const summary = { seed, runsPerProperty: runs, properties: lines.length, cases, byFile };
    writeFileSync(join(SCRATCH, 'last-run.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`\nFuzz: ${cases} cases over ${lines.length} properties (seed ${seed}, ${runs} runs per property at scale 1)`);
  };
}
