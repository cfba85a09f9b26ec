import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentByRanges } from '@/src/ui/highlight';
import type { Range } from '@/src/search/types';
import { fuzz } from '../support/fuzz';

const RANGE = fc.tuple(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -5, max: 40 })) as fc.Arbitrary<Range>;

describe('segmentByRanges (property-based)', () => {
  it('reassembles the text and marks exactly the characters some range covers, in maximal segments', () => {
    fuzz(
      fc.property(fc.string({ maxLength: 30, unit: 'binary' }), fc.array(RANGE, { maxLength: 6 }), (text, ranges) => {
        const segments = segmentByRanges(text, ranges);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        // The oracle: one flag per UTF-16 unit, set by any range that covers it.
        const expected = Array<boolean>(text.length).fill(false);
        for (const [start, end] of ranges) for (let at = Math.max(0, start); at < Math.min(text.length, end); at++) expected[at] = true;
        expect(segments.flatMap((segment) => Array<boolean>(segment.text.length).fill(segment.marked))).toEqual(expected);
        segments.forEach((segment, index) => {
          expect(segment.text.length).toBeGreaterThan(0);
          if (index > 0) expect(segment.marked).not.toBe(segments[index - 1]!.marked);
        });
      }),
      { scale: 2 },
    );
  });
});
