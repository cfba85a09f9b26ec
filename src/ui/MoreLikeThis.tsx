/**
 * "More like this": from any read, the catalogue reads related to it, best first, each with the
 * concepts the two share. Each of those has its own "More like this", so a reader can follow a
 * thread; Back (or Esc) peels one step and puts focus back where it was. The view under a step
 * stays mounted (hidden), so its scroll position, query and focus target survive.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Read } from '@/src/catalogue/types';
import type { RelatedRead } from '@/src/platform/messages';
import type { SearchEngine } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { moreLikeThisFor } from './data';
import { EmptyState, ReadCard, SkeletonList, type CardRead } from './ReadCard';
import { BackIcon, PageOffIcon, SparkIcon } from './icons';

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

type MoreLikeThisViewProps = {
  step: ThreadStep;
  engine: SearchEngine;
  savedIds: ReadonlySet<string>;
  onToggleSave: (read: Read) => void;
  onTag: (tag: string) => void;
  onMoreLikeThis: (read: CardRead, origin: HTMLElement) => void;
  onBack: () => void;
};

/** One step of the thread: Back, the read it starts from, and its neighbours. */
export function MoreLikeThisView(props: MoreLikeThisViewProps) {
  const { step } = props;
  const backRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Opened from the keyboard, the reader goes on from the first neighbour; until it arrives, Back holds focus.
  useEffect(() => backRef.current?.focus(), []);
  useEffect(() => {
    if (Array.isArray(step.related) && document.activeElement === backRef.current) {
      listRef.current?.querySelector<HTMLElement>('[data-row] [data-primary]')?.focus();
    }
  }, [step.related]);

  return (
    <div class="thread-view" data-thread-step>
      <div class="thread-header">
        <button type="button" class="button thread-back" ref={backRef} title={t('backTooltip')} data-thread-back onClick={props.onBack}>
          <BackIcon />
          {t('back')}
        </button>
        <h2 class="thread-heading">
          <span class="thread-kicker">{t('moreLikeThis')}</span>
          <span class="thread-title">
            {t('moreLikeThisHeading')} “{step.read.title}”
          </span>
        </h2>
      </div>
      {step.related === 'loading' ? (
        <SkeletonList rows={3} />
      ) : step.related === 'failed' ? (
        <EmptyState icon={<PageOffIcon />} title={t('moreLikeThisFailed')} />
      ) : step.related.length === 0 ? (
        <EmptyState icon={<SparkIcon />} title={t('moreLikeThisNone')} body={t('moreLikeThisNoneHint')} />
      ) : (
        <ul class="cards" aria-label={t('moreLikeThisList')} ref={listRef}>
          {step.related.map(({ read, matched }) => (
            <ReadCard
              key={read.id}
              read={read}
              why={matched}
              engine={props.engine}
              saved={props.savedIds.has(read.id)}
              onToggleSave={() => props.onToggleSave(read)}
              onTag={props.onTag}
              onMoreLikeThis={(origin) => props.onMoreLikeThis(read, origin)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The thread's steps over `base` (the view the thread started from): every step stays mounted,
 * only the top one shows, so Back returns to exactly what was there.
 */
export function ThreadPanel(props: Omit<MoreLikeThisViewProps, 'step' | 'onBack'> & { thread: Thread; base: preact.ComponentChildren }) {
  const { thread, base, ...viewProps } = props;
  const top = thread.steps.length - 1;
  return (
    <>
      <div class="thread-base" hidden={top >= 0}>
        {base}
      </div>
      {thread.steps.map((step, index) => (
        <div key={step.key} hidden={index !== top} data-thread-top={index === top ? '' : undefined}>
          <MoreLikeThisView {...viewProps} step={step} onBack={() => thread.back()} />
        </div>
      ))}
    </>
  );
}
