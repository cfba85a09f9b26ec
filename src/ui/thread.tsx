/**
 * "More like this": from any read, the catalogue reads related to it, best first, each with the
 * concepts the two share. Each of those has its own "More like this", so a reader can follow a
 * thread; Back (or Esc) peels one step and puts focus back where it was. The view under a step
 * stays mounted (hidden), so its scroll position, query and focus target survive.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RelatedRead } from '@/src/platform/messages';
import { moreLikeThisFor } from './data';
import { SkeletonList, type CardRead } from './ReadCard';
import type { MoreLikeThisViewProps } from './MoreLikeThis';
import { useLazyModule } from './use-lazy-module';

const loadView = () => import('./MoreLikeThis');

export type ThreadStep = {
  key: number;
  read: CardRead;
  related: RelatedRead[] | 'loading' | 'failed';
  /** What had focus when this step opened; it gets focus back on Back. */
  origin: HTMLElement | null;
};

export type Thread = {
  steps: ThreadStep[];
  open(read: CardRead, origin: HTMLElement | null): void;
  /** Leaves the top step; false when there was none (Esc then means something else). */
  back(): boolean;
  clear(): void;
};

/** Deep enough for any real thread, shallow enough that hidden steps never pile up. */
const MAX_STEPS = 12;

export function useThread(): Thread {
  const [steps, setSteps] = useState<ThreadStep[]>([]);
  const latest = useRef(steps);
  latest.current = steps;
  const nextKey = useRef(0);
  const restoreFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const origin = restoreFocus.current;
    if (!origin) return;
    restoreFocus.current = null;
    // The view under the step is shown again in this commit; focus it once it is laid out.
    requestAnimationFrame(() => {
      if (origin.isConnected) origin.focus();
    });
  }, [steps]);

  return {
    steps,
    open(read, origin) {
      const key = nextKey.current++;
      const step: ThreadStep = { key, read, related: 'loading', origin };
      setSteps((current) => [...current, step].slice(-MAX_STEPS));
      moreLikeThisFor(read).then(
        (related) => setSteps((current) => current.map((other) => (other.key === key ? { ...other, related } : other))),
        (error: unknown) => {
          console.error('Docent: more like this unavailable', error);
          setSteps((current) => current.map((other) => (other.key === key ? { ...other, related: 'failed' } : other)));
        },
      );
    },
    back() {
      const current = latest.current;
      if (current.length === 0) return false;
      restoreFocus.current = current[current.length - 1]!.origin;
      setSteps(current.slice(0, -1));
      return true;
    },
    clear() {
      setSteps([]);
    },
  };
}

/**
 * The thread's steps over `base` (the view the thread started from): every step stays mounted,
 * only the top one shows, so Back returns to exactly what was there.
 */
export function ThreadPanel(props: Omit<MoreLikeThisViewProps, 'step' | 'onBack'> & { thread: Thread; base: ComponentChildren }) {
  const { thread, base, ...viewProps } = props;
  const top = thread.steps.length - 1;
  // The view's code loads with the first thread, alongside the background's answer.
  const view = useLazyModule(loadView, top >= 0);
  return (
    <>
      <div class="thread-base" hidden={top >= 0}>
        {base}
      </div>
      {thread.steps.map((step, index) => (
        <div key={step.key} hidden={index !== top} data-thread-top={index === top ? '' : undefined}>
          {view ? <view.MoreLikeThisView {...viewProps} step={step} onBack={() => thread.back()} /> : <SkeletonList rows={3} />}
        </div>
      ))}
    </>
  );
}
