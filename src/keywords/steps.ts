/**
 * Work that can pause: extraction is written as generators that `yield` after every small,
 * bounded amount of work (a few dozen DOM nodes, one chunk of text). `runToEnd` runs them at once
 * (Node, tests, the CLI); `runInSlices` runs them in the page a few milliseconds at a time, giving
 * the page its thread back in between, so no task of the content script gets long on any page.
 */

/** A computation that yields whenever it has done a bounded step of work, and returns a T. */
export type WorkSteps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: WorkSteps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export type SliceOptions = {
  /** Work at most about this long before giving the page its turn (default SLICE_MS). */
  sliceMs?: number;
  /** Resolves once the page has had its turn (scheduler.yield, a 0 ms timeout…). */
  yieldToPage: () => Promise<void>;
  /** Asked after every pause: true abandons the work (the page navigated, the extension was reloaded). */
  shouldStop?: () => boolean;
  /** The clock (default performance.now). */
  now?: () => number;
};

export type SlicedResult<T> = {
  value: T;
  /** Time spent working, pauses excluded (ms). */
  busyMs: number;
  /** How many runs of work it took (pauses + 1). */
  slices: number;
};

/**
 * A slice long enough to get work done between pauses, short enough that the longest task stays
 * far below the 50 ms that makes a page feel stuck, even on a slow or loaded machine.
 */
export const SLICE_MS = 8;

/** Run `steps` in slices of about `sliceMs`, pausing for the page in between; null when stopped. */
export async function runInSlices<T>(steps: WorkSteps<T>, options: SliceOptions): Promise<SlicedResult<T> | null> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  let busyMs = 0;
  let slices = 1;
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, busyMs: busyMs + (now() - sliceStart), slices };
    const elapsed = now() - sliceStart;
    if (elapsed < sliceMs) continue;
    busyMs += elapsed;
    await options.yieldToPage();
    if (options.shouldStop?.()) {
      steps.return(undefined as T);
      return null;
    }
    slices++;
    sliceStart = now();
  }
}
