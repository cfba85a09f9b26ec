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

export type Summary = { n: number; p50: number; p95: number; min: number; max: number };

export function summarise(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
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

/**
 * Share of the top-k ids two rankings have in common, averaged over queries: |A ∩ B| / max(|A|, |B|)
 * per query (1 when both are empty, as they agree there is nothing).
 */
export function meanTopKOverlap(pairs: readonly (readonly [readonly string[], readonly string[]])[], k: number): number {
  if (pairs.length === 0) throw new Error('meanTopKOverlap: no rankings to compare');
  const overlaps = pairs.map(([a, b]) => {
    const topA = a.slice(0, k);
    const topB = new Set(b.slice(0, k));
    const size = Math.max(topA.length, topB.size);
    if (size === 0) return 1;
    return topA.filter((id) => topB.has(id)).length / size;
  });
  return overlaps.reduce((sum, overlap) => sum + overlap, 0) / overlaps.length;
}
