/** Pure statistics for the benchmark: nearest-rank percentiles over samples. */

/**
 * The nearest-rank percentile: the smallest sample such that at least `p`% of the samples are ≤ it
 * (so p50 of [1, 2, 3, 4] is 2, and every result is a sample that was actually measured).
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile: no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile: p must be in (0, 100], got ${p}`);
  if (samples.some((sample) => !Number.isFinite(sample))) throw new Error('percentile: samples must be finite numbers');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1]!;
}

export type Summary = { n: number; p25: number; p50: number; p75: number; p95: number; min: number; max: number };

export function summarise(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p25: percentile(samples, 25),
    p50: percentile(samples, 50),
    p75: percentile(samples, 75),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** Round to `digits` decimals for reporting (keeps results.json readable). */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Per-pair ratios a[i] / b[i] of two interleaved sample series. */
export function pairRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length || a.length === 0) throw new Error(`pairRatios: need two equally long, non-empty series (got ${a.length} and ${b.length})`);
  return a.map((value, i) => {
    if (!(b[i]! > 0)) throw new Error(`pairRatios: the floor of pair ${i} is ${b[i]}, not positive`);
    return value / b[i]!;
  });
}

export type PowerFit = { exponent: number; growth: string };

/**
 * Least-squares fit of log(cost) against log(size): cost ∝ size^exponent. The exponent names the
 * growth: ≈ 0 constant, between 0 and 1 sublinear, ≈ 1 linear (n log n over these sizes fits ≈ 1.1), above superlinear.
 */
export function fitPowerLaw(points: readonly { size: number; cost: number }[]): PowerFit {
  const usable = points.filter((point) => point.size > 0 && point.cost > 0);
  if (usable.length < 2) throw new Error('fitPowerLaw: need two points with positive size and cost');
  const xs = usable.map((point) => Math.log(point.size));
  const ys = usable.map((point) => Math.log(point.cost));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  const exponent = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i]! - meanY), 0) / xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const growth =
    exponent < 0.15 ? '≈ constant'
      : exponent < 0.85 ? `sublinear (≈ n^${round(exponent, 2)})`
        : exponent <= 1.2 ? (exponent > 1.05 ? '≈ n log n' : '≈ linear')
          : `superlinear (≈ n^${round(exponent, 2)})`;
  return { exponent: round(exponent, 2), growth };
}
