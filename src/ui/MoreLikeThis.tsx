/** One step of a More-like-this thread (see ./thread.tsx): Back, the read it starts from, and its neighbours, best first, each with the concepts they share. Loaded when a thread first opens. */
import { useEffect, useRef } from 'preact/hooks';
import type { Read } from '@/src/catalogue/types';
import type { SearchEngine } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { EmptyState, RelatedCards, SkeletonList, type CardRead } from './ReadCard';
import { BackIcon, PageOffIcon, SparkIcon } from './icons';
import type { ThreadStep } from './thread';

export type MoreLikeThisViewProps = {
  step: ThreadStep;
  engine: SearchEngine;
  savedIds: ReadonlySet<string>;
  onToggleSave: (read: Read) => void;
  onTag: (tag: string) => void;
  onMoreLikeThis: (read: CardRead, origin: HTMLElement) => void;
  onBack: () => void;
};

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
        <RelatedCards
          label={t('moreLikeThisList')}
          related={step.related}
          listRef={listRef}
          engine={props.engine}
          savedIds={props.savedIds}
          onToggleSave={props.onToggleSave}
          onTag={props.onTag}
          onMoreLikeThis={props.onMoreLikeThis}
        />
      )}
    </div>
  );
}

