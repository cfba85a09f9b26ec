import { describe, expect, it } from 'vitest';
import { segmentByRanges } from '@/src/ui/highlight';

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
});
