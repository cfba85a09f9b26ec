import { describe, expect, it } from 'vitest';
import { hotFunctions, longestTasks, type TraceEvent } from '@/scripts/bench/trace';

const task = (ts: number, durMs: number, tid = 1): TraceEvent => ({ name: 'RunTask', cat: 'toplevel', ph: 'X', pid: 7, tid, ts, dur: durMs * 1000 });
const call = (ts: number, url: string, tid = 1): TraceEvent => ({ name: 'FunctionCall', cat: 'devtools.timeline', ph: 'X', pid: 7, tid, ts, dur: 10, args: { data: { url } } });

describe('longestTasks', () => {
  it('finds the longest task that ran the script, and the longest task on its thread', () => {
    const events = [
      task(0, 120), // page parsing: long, but no content script in it
      task(200_000, 30),
      call(200_500, 'chrome-extension://abc/content-scripts/docs.js'),
      task(300_000, 12),
      call(300_100, 'chrome-extension://abc/content-scripts/docs.js'),
      task(400_000, 500, 2), // another thread
    ];
    expect(longestTasks(events, '/content-scripts/docs.js')).toEqual({ longestScriptTaskMs: 30, longestTaskMs: 120 });
  });

  it('says so when the script never ran', () => {
    expect(() => longestTasks([task(0, 5)], '/content-scripts/docs.js')).toThrow(/no script events/);
  });
});

describe('hotFunctions', () => {
  it('sums self time per function from the sample gaps, largest first', () => {
    // A sample's time is the gap to the next one: build 1 + 2 + 0 ms, the anonymous function 2 ms.
    const frame = (functionName: string, url = 'chrome-extension://id/chunks/a.js') => ({ functionName, url, lineNumber: 0, columnNumber: 9 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('build') },
        { id: 3, callFrame: frame('') },
      ],
      samples: [2, 3, 2, 2],
      timeDeltas: [0, 1000, 2000, 2000],
    };
    expect(hotFunctions(profile, 5)).toEqual([
      { functionName: 'build', location: '/chunks/a.js:1:10', selfMs: 3 },
      { functionName: '(anonymous)', location: '/chunks/a.js:1:10', selfMs: 2 },
    ]);
  });
});
