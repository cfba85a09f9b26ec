import { describe, expect, it } from 'vitest';
import { meanTopKOverlap, percentile, round, summarise } from '@/scripts/bench/stats';

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
  it('gives count, p50, p95, min and max', () => {
    expect(summarise([5, 1, 9, 3])).toEqual({ n: 4, p50: 3, p95: 9, min: 1, max: 9 });
  });
});

describe('round', () => {
  it('rounds to the given number of decimals', () => {
    expect(round(1.2345)).toBe(1.2);
    expect(round(1.2355, 2)).toBe(1.24);
    expect(round(12.5, 0)).toBe(13);
  });
});

describe('meanTopKOverlap', () => {
  it('averages the shared share of the top k over queries', () => {
    const full: [string[], string[]] = [['a', 'b', 'c', 'd', 'e', 'x'], ['e', 'd', 'c', 'b', 'a']];
    const half: [string[], string[]] = [['a', 'b'], ['a', 'z']];
    expect(meanTopKOverlap([full, half], 5)).toBe(0.75);
  });

  it('counts two empty rankings as agreeing and one empty ranking as no overlap', () => {
    expect(meanTopKOverlap([[[], []]], 5)).toBe(1);
    expect(meanTopKOverlap([[['a'], []]], 5)).toBe(0);
  });

  it('rejects an empty list of queries', () => {
    expect(() => meanTopKOverlap([], 5)).toThrow(/no rankings/);
  });
});
