/** Splits text into plain and marked segments from match ranges, so highlights render as <mark> nodes. */
import type { Range } from '@/src/search/types';

export type Segment = { text: string; marked: boolean };

/** Ranges may arrive unsorted, overlapping or out of bounds; they are clamped and merged. */
export function segmentByRanges(text: string, ranges: readonly Range[]): Segment[] {
  const clamped = ranges
    .map(([start, end]): Range => [Math.max(0, start), Math.min(text.length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}
