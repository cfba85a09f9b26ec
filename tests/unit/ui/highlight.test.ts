import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentByRanges } from '@/src/ui/highlight';
import type { Range } from '@/src/search/types';

describe('segmentByRanges', () => {
  it('marks the ranges and keeps the text between them plain', () => {
    expect(segmentByRanges('consistent hashing at scale', [[0, 10], [11, 18]])).toEqual([
      { text: 'consistent', marked: true },
      { text: ' ', marked: false },
      { text: 'hashing', marked: true },
      { text: ' at scale', marked: false },
    ]);
  });

  it('returns the whole text unmarked when there are no ranges', () => {
    expect(segmentByRanges('Kafka', [])).toEqual([{ text: 'Kafka', marked: false }]);
  });

  it('merges overlapping and touching ranges, in any order', () => {
    expect(segmentByRanges('abcdefgh', [[4, 6], [1, 3], [2, 4]])).toEqual([
      { text: 'a', marked: false },
      { text: 'bcdef', marked: true },
      { text: 'gh', marked: false },
    ]);
  });

  it('clamps ranges outside the text and drops empty ones', () => {
    expect(segmentByRanges('redis', [[-3, 2], [3, 99], [3, 3]])).toEqual([
      { text: 're', marked: true },
      { text: 'd', marked: false },
      { text: 'is', marked: true },
    ]);
  });

  it('always reassembles to the original text with no two adjacent marked segments', () => {
    const range = fc.tuple(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -5, max: 40 })) as fc.Arbitrary<Range>;
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(range, { maxLength: 6 }), (text, ranges) => {
        const segments = segmentByRanges(text, ranges);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        segments.forEach((segment, index) => {
          expect(segment.text.length).toBeGreaterThan(0);
          if (index > 0) expect(segment.marked && segments[index - 1]!.marked).toBe(false);
        });
      }),
    );
  });
});
