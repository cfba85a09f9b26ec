/** Related view: the catalogue reads for the target tab, each with the page terms it matched. */
import type { Read } from '@/src/catalogue/types';
import type { TabRelated } from '@/src/platform/messages';
import type { SearchEngine } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { EmptyState, RelatedCards, SkeletonList, type CardRead } from '../ReadCard';
import { BookmarkIcon, PageOffIcon, SearchIcon, SparkIcon } from '../icons';

/** What the popup knows about its tab so far. */
export type RelatedState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; tab: TabRelated };

type RelatedViewProps = {
  state: RelatedState;
  engine: SearchEngine;
  savedIds: ReadonlySet<string>;
  onToggleSave: (read: Read) => void;
  onTag: (tag: string) => void;
  onSearch: () => void;
  onMoreLikeThis: (read: CardRead, origin: HTMLElement) => void;
  /** The tab's own (web) page in the queue: whether it is saved, and the toggle. Absent where it cannot be saved. */
  page?: { saved: boolean; onToggleSave: () => void };
};

/** Saves the page the user is on, like any read: one click, and pressed while it is in the queue. */
function SavePageButton({ saved, onToggleSave }: { saved: boolean; onToggleSave: () => void }) {
  return (
    <button type="button" class="button save-page" aria-pressed={saved} data-save-page onClick={onToggleSave}>
      <BookmarkIcon filled={saved} />
      {t('savePage')}
    </button>
  );
}

export function RelatedView(props: RelatedViewProps) {
  const { state } = props;
  if (state.kind === 'loading') return <SkeletonList />;

  const searchInstead = (
    <button type="button" class="button" onClick={props.onSearch}>
      <SearchIcon />
      {t('searchCatalogue')}
    </button>
  );
  if (state.kind === 'failed') {
    return (
      <div class="related-view">
        <EmptyState icon={<PageOffIcon />} title={t('relatedFailed')} body={t('relatedFailedHint')} />
        <div class="related-actions">{searchInstead}</div>
      </div>
    );
  }

  const { tab } = state;
  const savePage = props.page && tab.status !== 'unreadable' ? <SavePageButton {...props.page} /> : null;
  if (tab.status !== 'related' || tab.related.length === 0) {
    const [title, body] =
      tab.status === 'unreadable'
        ? [t('pageUnreadable'), t('pageUnreadableHint')]
        : tab.status === 'unknown'
          ? [t('pageNotRead'), t('pageNotReadHint')]
          : [t('pageUnrelated'), t('pageUnrelatedHint')];
    return (
      <div class="related-view">
        <EmptyState icon={tab.status === 'unreadable' ? <PageOffIcon /> : <SparkIcon />} title={title} body={body} />
        <div class="related-actions">
          {searchInstead}
          {savePage}
        </div>
      </div>
    );
  }

  return (
    <div class="related-view">
      <div class="related-header">
        <p class="related-heading">
          {t('relatedHeading')} <span class="related-page">{tab.title}</span>
        </p>
        {savePage}
      </div>
      <RelatedCards
        label={t('relatedReads')}
        related={tab.related}
        engine={props.engine}
        savedIds={props.savedIds}
        onToggleSave={props.onToggleSave}
        onTag={props.onTag}
        onMoreLikeThis={props.onMoreLikeThis}
      />
    </div>
  );
}
