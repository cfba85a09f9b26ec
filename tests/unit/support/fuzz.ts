/**
 * The one place for the property-based tests' settings (fast-check), loaded as a setup file so a
 * plain `fc.assert` anywhere gets them too:
 *
 * - a fixed seed, so `npm test` is deterministic: `DOCENT_FUZZ_SEED` picks another one;
 * - a bounded number of cases per property: `DOCENT_FUZZ_RUNS` (what `npm run fuzz` raises), times
 *   a per-property `scale` for properties much cheaper or dearer than the usual one;
 * - a tally of the cases actually run, summed over the whole run by ./fuzz-tally.ts;
 * - on failure, the seed, the counterexample's path and the command that replays it
 *   (`DOCENT_FUZZ_PATH` replays a path; select the one property with `-t`).
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each test worker appends the cases it ran (set by ./fuzz-tally.ts). */
    fuzzTallyDir: string | undefined;
  }
}

const DEFAULT_FUZZ_SEED = 20_260_514;
/** Cases per property in `npm test`: together the fuzz files stay well under 20 s on two cores. */
const DEFAULT_FUZZ_RUNS = 150;

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

export const FUZZ_SEED = integerFromEnv('DOCENT_FUZZ_SEED', DEFAULT_FUZZ_SEED);
export const FUZZ_RUNS = Math.max(1, integerFromEnv('DOCENT_FUZZ_RUNS', DEFAULT_FUZZ_RUNS));
const REPLAY_PATH = process.env.DOCENT_FUZZ_PATH || undefined;

fc.configureGlobal({ seed: FUZZ_SEED, numRuns: FUZZ_RUNS });

export type FuzzOptions = {
  /** Cases relative to DOCENT_FUZZ_RUNS: 0.2 for a property five times dearer than usual. */
  scale?: number;
};

/** The number of cases a property with this scale runs. */
export function runsFor(scale = 1): number {
  return Math.max(1, Math.round(FUZZ_RUNS * scale));
}

function parametersFor<Ts>(options: FuzzOptions): fc.Parameters<Ts> {
  return { seed: FUZZ_SEED, numRuns: runsFor(options.scale), ...(REPLAY_PATH ? { path: REPLAY_PATH, endOnFailure: true } : {}) };
}

/** Runs a property with the shared settings; counts its cases and fails with a replayable message. */
export function fuzz<Ts>(property: fc.IProperty<Ts>, options: FuzzOptions = {}): void {
  report(fc.check(property, parametersFor<Ts>(options)));
}

export async function fuzzAsync<Ts>(property: fc.IAsyncProperty<Ts>, options: FuzzOptions = {}): Promise<void> {
  report(await fc.check(property, parametersFor<Ts>(options)));
}

function report<Ts>(details: fc.RunDetails<Ts>): void {
  const { testPath, currentTestName } = expect.getState();
  tally(testPath ?? 'unknown', currentTestName ?? 'unknown', details.numRuns);
  if (!details.failed) return;
  const file = testPath ? testPath.replace(`${process.cwd()}/`, '') : '<file>';
  const select = `-t ${shellQuote(escapeRegExp(currentTestName?.split(' > ').at(-1) ?? ''))}`;
  const path = details.counterexamplePath ? ` DOCENT_FUZZ_PATH=${details.counterexamplePath}` : '';
  const replay = `DOCENT_FUZZ_SEED=${details.seed}${path} npx vitest run ${file} ${select}`;
  const message = `${fc.defaultReportMessage(details) ?? 'Property failed'}\n\nReplay: ${replay}`;
  throw new Error(message, { cause: details.errorInstance ?? undefined });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function tally(file: string, test: string, cases: number): void {
  const dir = inject('fuzzTallyDir');
  if (!dir) return;
  const line = JSON.stringify({ file, test, cases, seed: FUZZ_SEED, runs: FUZZ_RUNS });
  appendFileSync(join(dir, `${process.pid}.jsonl`), `${line}\n`);
}

/**
 * Characters that break naive text handling: bidi marks, joiners, combining marks, astral emoji,
 * odd spaces, a byte-order mark, NFKC-expanding and -composing forms, typographic dashes and quotes.
 */
export const AWKWARD_CHARS = [
  '\u200f', '\u202e', '\u200d', '\u200b', '\u0301', '👩‍💻', '🚀', '𝔘', '\u00a0', '\u2009', '\u3000', '\ufeff',
  'ﬁ', 'e\u0301', 'İ', 'ẞ', '‑', '—', '’', '“', '·', '\t', '<', '&', '"', '\\',
] as const;

/** Text of one line (no line breaks) mixing ASCII, any printable Unicode grapheme and {@link AWKWARD_CHARS}. */
export function lineText(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_CHARS) },
  );
  return fc.array(unit, constraints).map((parts) => parts.join('').replace(/[\n\r\u2028\u2029\u0085]/g, ' '));
}
