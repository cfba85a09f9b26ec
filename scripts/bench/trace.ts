/** Chromium tracing and CPU profiling through Playwright's CDP session, for the task and profile figures. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

export type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time of a complete event (µs): the part of `dur` the thread was actually running. */
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string }; name?: string };
};

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime?: number;
  samples?: number[];
  timeDeltas?: number[];
};

/**
 * Record a trace (top-level tasks and the timeline's script events) and, on the same clock, a CPU
 * profile of the page's main thread around `action`.
 */
export async function traceDuring(page: Page, action: () => Promise<void>): Promise<{ events: TraceEvent[]; profile: CpuProfile }> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  await session.send('Profiler.start');
  try {
    await action();
    const { profile } = await session.send('Profiler.stop');
    return { events, profile };
  } finally {
    await session.send('Tracing.end');
    await complete;
    await session.detach();
  }
}

export type TaskFigures = {
  /** The longest task that ran script from `scriptUrlPart` (ms). */
  longestScriptTaskMs: number;
  /** The longest task of any kind on the same thread (parsing and layout of the page included). */
  longestTaskMs: number;
};

/**
 * The longest top-level task on the renderer thread that ran `scriptUrlPart` and, for comparison,
 * the longest task of any kind on that thread. A task ran the script when the trace shows a call into
 * it, or when the CPU profile sampled the script's code during the task (promise continuations and
 * callbacks of extension APIs leave no call event of their own). Throws if the script never ran.
 */
export function longestTasks(events: readonly TraceEvent[], scriptUrlPart: string, profile?: CpuProfile): TaskFigures {
  const { scriptTasks, threadTasks } = tasksRunning(events, scriptUrlPart, profile);
  const longest = (list: readonly TraceEvent[]) => Math.max(0, ...list.map((task) => task.dur! / 1000));
  return { longestScriptTaskMs: longest(scriptTasks), longestTaskMs: longest(threadTasks) };
}

/**
 * The top-level tasks that ran `scriptUrlPart` (as `longestTasks` attributes them), and every task
 * on that thread. Throws if the script never ran.
 */
export function tasksRunning(events: readonly TraceEvent[], scriptUrlPart: string, profile?: CpuProfile): { scriptTasks: TraceEvent[]; threadTasks: TraceEvent[] } {
  const scriptCalls = events.filter(
    (event) => (event.name === 'FunctionCall' || event.name === 'EvaluateScript' || event.name === 'v8.callFunction') && event.args?.data?.url?.includes(scriptUrlPart),
  );
  if (scriptCalls.length === 0) throw new Error(`The trace has no script events from ${scriptUrlPart}`);
  const thread = (event: TraceEvent) => `${event.pid}:${event.tid}`;
  const scriptThread = thread(scriptCalls[0]!);
  const tasks = events.filter((event) => event.ph === 'X' && event.dur !== undefined && isTopLevelTask(event) && thread(event) === scriptThread);
  const scriptMoments = [...scriptCalls.filter((call) => thread(call) === scriptThread).map((call) => call.ts), ...(profile ? sampleTimesIn(profile, scriptUrlPart) : [])];
  const scriptTasks = tasks.filter((task) => scriptMoments.some((moment) => moment >= task.ts && moment <= task.ts + task.dur!));
  return { scriptTasks, threadTasks: tasks };
}

/** Timestamps (µs, the trace's clock) of the profile's samples with code from `scriptUrlPart` on the stack. */
function sampleTimesIn(profile: CpuProfile, scriptUrlPart: string): number[] {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const inScript = new Map<number, boolean>();
  const runsScript = (id: number): boolean => {
    const known = inScript.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const answer = (nodeById.get(id)?.callFrame.url.includes(scriptUrlPart) ?? false) || (parent !== undefined && runsScript(parent));
    inScript.set(id, answer);
    return answer;
  };
  const times: number[] = [];
  let time = profile.startTime ?? 0;
  (profile.samples ?? []).forEach((id, i) => {
    time += profile.timeDeltas?.[i] ?? 0;
    if (runsScript(id)) times.push(time);
  });
  return times;
}

/**
 * Units of main-thread work: scheduler tasks, and microtask checkpoints run straight after a Mojo
 * message (how an extension API's answer resumes a content script's `await`), which are no task of
 * their own — so PerformanceObserver's 'longtask' never reports them, though they block the page alike.
 */
function isTopLevelTask(event: TraceEvent): boolean {
  return event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask' || event.name === 'BlinkScheduler_PerformMicrotaskCheckpoint';
}

export type HotFunction = {
  functionName: string;
  location: string;
  selfMs: number;
  /** The start of the function in the built file, to recognise a minified function. */
  code?: string;
};

/** Add the first characters of each built function (located under `extensionDir`) to a profile. */
export function withCodeHints(hot: readonly HotFunction[], extensionDir: string, length = 70): HotFunction[] {
  return hot.map((entry) => {
    const match = /^(\/[^:]+\.js):(\d+):(\d+)$/.exec(entry.location);
    const file = match && path.join(extensionDir, match[1]!);
    if (!match || !file || !existsSync(file)) return entry;
    const line = readFileSync(file, 'utf8').split('\n')[Number(match[2]) - 1] ?? '';
    return { ...entry, code: line.slice(Number(match[3]) - 1, Number(match[3]) - 1 + length) };
  });
}

/** CPU-profile the page's main thread during `action`; the functions with the most self time. */
export async function topSelfTime(page: Page, action: () => Promise<void>, top = 10): Promise<HotFunction[]> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  try {
    await action();
    const { profile } = await session.send('Profiler.stop');
    return hotFunctions(profile, top);
  } finally {
    await session.detach();
  }
}

/** Self time per function (summed over its profile nodes), largest first. */
export function hotFunctions(profile: CpuProfile, top: number): HotFunction[] {
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, { functionName: string; location: string; us: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((nodeId, i) => {
    const frame = nodeById.get(nodeId)?.callFrame;
    if (!frame) return;
    const file = frame.url ? frame.url.replace(/^chrome-extension:\/\/[^/]+/, '') : '(native)';
    const location = `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    const key = `${frame.functionName}@${location}`;
    const entry = selfUs.get(key) ?? { functionName: frame.functionName || '(anonymous)', location, us: 0 };
    entry.us += deltas[i + 1] ?? 0; // a sample's time is the gap to the next sample
    selfUs.set(key, entry);
  });
  return [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(({ functionName, location, us }) => ({ functionName, location, selfMs: Math.round(us / 100) / 10 }));
}
