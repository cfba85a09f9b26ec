import { describe, expect, it } from 'vitest';
import { fitPowerLaw, pairRatios, percentile, round, summarise } from '@/scripts/bench/stats';

describe('percentile (nearest rank)', () => {
  it('returns a measured sample: the smallest with at least p% of samples at or below it', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([4, 1, 3, 2], 75)).toBe(3);
    expect(percentile([4, 1, 3, 2], 100)).toBe(4);
    expect(percentile([10], 95)).toBe(10);
  });

  it('p95 of 1..20 is 19 and p50 is 10', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 50)).toBe(10);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('rejects empty input, out-of-range p and non-finite samples', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow(/p must be/);
    expect(() => percentile([1], 101)).toThrow(/p must be/);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/finite/);
  });
});

describe('summarise', () => {
  it('gives count, quartiles, p95, min and max', () => {
    expect(summarise([5, 1, 9, 3])).toEqual({ n: 4, p25: 1, p50: 3, p75: 5, p95: 9, min: 1, max: 9 });
  });
});

describe('round', () => {
  it('rounds to the given number of decimals', () => {
    expect(round(1.2345)).toBe(1.2);
    expect(round(1.2355, 2)).toBe(1.24);
    expect(round(12.5, 0)).toBe(13);
  });
});

describe('pairRatios', () => {
  it('divides each sample by its interleaved floor', () => {
    expect(pairRatios([10, 30], [5, 10])).toEqual([2, 3]);
  });

  it('rejects series of different lengths and a floor of zero', () => {
    expect(() => pairRatios([1, 2], [1])).toThrow(/equally long/);
    expect(() => pairRatios([1], [0])).toThrow(/not positive/);
  });
});

describe('fitPowerLaw', () => {
  const sizes = [1_000, 10_000, 30_000, 100_000];

  it('finds the exponent of cost ∝ size^k and names the growth', () => {
    expect(fitPowerLaw(sizes.map((size) => ({ size, cost: size * 0.002 })))).toEqual({ exponent: 1, growth: '≈ linear' });
    expect(fitPowerLaw(sizes.map((size) => ({ size, cost: 7 })))).toEqual({ exponent: 0, growth: '≈ constant' });
    expect(fitPowerLaw(sizes.map((size) => ({ size, cost: size * Math.log(size) }))).growth).toBe('≈ n log n');
    expect(fitPowerLaw(sizes.map((size) => ({ size, cost: Math.sqrt(size) }))).growth).toBe('sublinear (≈ n^0.5)');
    expect(fitPowerLaw(sizes.map((size) => ({ size, cost: size ** 2 }))).growth).toBe('superlinear (≈ n^2)');
  });

  it('needs two usable points', () => {
    expect(() => fitPowerLaw([{ size: 10, cost: 1 }])).toThrow(/two points/);
  });
});
