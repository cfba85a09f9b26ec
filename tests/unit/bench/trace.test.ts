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

  it('counts a task where the CPU profile sampled the script, though no call event shows it', () => {
    // The script is injected in the first task, and continues in the second after an await.
    const events = [task(0, 30), call(0, 'chrome-extension://abc/content-scripts/docs.js'), task(100_000, 40), task(200_000, 45)];
    const frame = (url: string) => ({ functionName: 'f', url, lineNumber: 0, columnNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame(''), children: [2, 3] },
        { id: 2, callFrame: frame('chrome-extension://abc/content-scripts/docs.js'), children: [4] },
        { id: 3, callFrame: frame('http://page/app.js') },
        { id: 4, callFrame: frame('') }, // a native callee of the script: still the script's time
      ],
      startTime: 100_000,
      samples: [4, 3],
      timeDeltas: [500, 100_000], // the script at 100.5 ms (second task), the page's code at 200.5 ms
    };
    expect(longestTasks(events, '/content-scripts/docs.js', profile)).toEqual({ longestScriptTaskMs: 40, longestTaskMs: 45 });
    expect(longestTasks(events, '/content-scripts/docs.js').longestScriptTaskMs).toBe(30);
  });

  it('counts a microtask checkpoint outside any task as main-thread work', () => {
    const checkpoint: TraceEvent = { name: 'BlinkScheduler_PerformMicrotaskCheckpoint', cat: 'toplevel', ph: 'X', pid: 7, tid: 1, ts: 100_000, dur: 58_000 };
    const events = [task(0, 10), call(0, 'chrome-extension://abc/content-scripts/docs.js'), checkpoint, call(100_050, 'chrome-extension://abc/content-scripts/docs.js')];
    expect(longestTasks(events, '/content-scripts/docs.js')).toEqual({ longestScriptTaskMs: 58, longestTaskMs: 58 });
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
