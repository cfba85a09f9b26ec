/** Saved view: the reading queue with unread/read filter, reordering (Alt+↑/↓ or drag), remove and export. */
import { useEffect, useState } from 'preact/hooks';
import type { QueueItem, QueueState } from '@/src/queue/types';
import { unreadSummary } from '@/src/queue/rules';
import type { SearchEngine } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { EmptyState, ReadCard, SkeletonList } from '../ReadCard';
import { CheckIcon, CircleIcon, GripIcon, InboxIcon, TrashIcon } from '../icons';
import { EXPORT_CHOICES, downloadQueue } from '../queue-export';

type SavedViewProps = {
  items: QueueItem[] | null;
  engine: SearchEngine;
  onTag: (tag: string) => void;
  onRemove: (item: QueueItem) => void;
  onSetState: (item: QueueItem, state: QueueState) => void;
  /** Move `id` to just before (or after, for the last slot) `targetId`. */
  onMove: (id: string, target: { beforeId: string } | { afterId: string }) => void;
};

export function SavedView(props: SavedViewProps) {
  const [shown, setShown] = useState<QueueState>('unread');
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  // A keyboard move re-sorts the list; keep focus on the row that moved.
  const [refocusId, setRefocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!refocusId) return;
    const row = document.querySelector<HTMLElement>(`[data-row="${CSS.escape(refocusId)}"] [data-primary]`);
    if (row && document.activeElement !== row) row.focus();
  }, [props.items, refocusId]);
  if (!props.items) return <SkeletonList rows={3} />;

  const items = props.items;
  const summary = unreadSummary(items);
  const readCount = items.length - summary.count;
  const visible = items.filter((item) => item.state === shown);

  /** The row is about to leave the visible list: if it held focus, hand focus to its neighbour. */
  const keepFocusNear = (item: QueueItem) => {
    const row = document.querySelector(`[data-row="${CSS.escape(item.id)}"]`);
    if (!row?.contains(document.activeElement)) return;
    const index = visible.indexOf(item);
    setRefocusId((visible[index + 1] ?? visible[index - 1])?.id ?? null);
  };

  const moveBy = (item: QueueItem, step: -1 | 1) => {
    const index = visible.indexOf(item);
    const neighbour = visible[index + step];
    if (!neighbour) return;
    setRefocusId(item.id);
    props.onMove(item.id, step === -1 ? { beforeId: neighbour.id } : { afterId: neighbour.id });
  };

  return (
    <div class="saved-view">
      <div class="saved-header">
        <p class="saved-summary" role="status">
          {summary.count === 0
            ? t('allCaughtUp')
            : summary.minutes > 0
              ? t('unreadSummary', summary.count, summary.minutes)
              : t('unreadCount', summary.count)}
        </p>
        <div class="segmented" role="group" aria-label={t('showSaved')}>
          <button type="button" class="segment" aria-pressed={shown === 'unread'} onClick={() => setShown('unread')}>
            {t('unreadFilter', summary.count)}
          </button>
          <button type="button" class="segment" aria-pressed={shown === 'read'} onClick={() => setShown('read')}>
            {t('readFilter', readCount)}
          </button>
        </div>
      </div>

      {visible.length === 0 ? (
        items.length === 0 ? (
          <EmptyState icon={<InboxIcon />} title={t('queueEmpty')} body={t('queueEmptyHint')} />
        ) : (
          <EmptyState
            icon={<InboxIcon />}
            title={shown === 'unread' ? t('allCaughtUp') : t('nothingReadYet')}
          />
        )
      ) : (
        <ul class="cards" aria-label={t('savedReads')} aria-describedby="reorder-hint">
          {visible.map((item) => (
            <ReadCard
              key={item.id}
              read={item}
              engine={props.engine}
              onTag={props.onTag}
              class={[
                item.state === 'read' ? 'is-read' : '',
                dragged === item.id ? 'is-dragging' : '',
                dropTarget === item.id && dragged !== item.id ? 'is-drop-target' : '',
              ].join(' ')}
              dragHandle={
                <span
                  class="drag-handle"
                  draggable
                  title={t('dragToReorder')}
                  onDragStart={(event) => {
                    event.dataTransfer?.setData('text/plain', item.id);
                    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
                    setDragged(item.id);
                  }}
                  onDragEnd={() => {
                    setDragged(null);
                    setDropTarget(null);
                  }}
                >
                  <GripIcon />
                </span>
              }
              onDragOver={(event) => {
                if (!dragged) return;
                event.preventDefault();
                setDropTarget(item.id);
              }}
              onDrop={(event) => {
                event.preventDefault();
                const id = event.dataTransfer?.getData('text/plain') || dragged;
                setDragged(null);
                setDropTarget(null);
                if (!id || id === item.id) return;
                // Dropping on a row below the dragged one puts it after that row, above puts it before.
                const from = visible.findIndex((other) => other.id === id);
                const to = visible.indexOf(item);
                props.onMove(id, from < to ? { afterId: item.id } : { beforeId: item.id });
              }}
              onReorderKey={(step) => moveBy(item, step)}
              actions={
                <>
                  <button
                    type="button"
                    class="icon-button"
                    aria-pressed={item.state === 'read'}
                    aria-label={t('markedRead')}
                    title={item.state === 'read' ? t('markUnread') : t('markRead')}
                    onClick={() => {
                      keepFocusNear(item);
                      props.onSetState(item, item.state === 'read' ? 'unread' : 'read');
                    }}
                  >
                    {item.state === 'read' ? <CheckIcon /> : <CircleIcon />}
                  </button>
                  <button
                    type="button"
                    class="icon-button danger"
                    aria-label={t('removeSaved')}
                    title={t('removeSaved')}
                    data-save
                    onClick={() => {
                      keepFocusNear(item);
                      props.onRemove(item);
                    }}
                  >
                    <TrashIcon />
                  </button>
                </>
              }
            />
          ))}
        </ul>
      )}
      <p id="reorder-hint" class="sr-only">
        {t('reorderHint')}
      </p>
      {items.length > 0 ? (
        <div class="saved-header" role="group" aria-label={t('export_group_label')}>
          <span class="muted small">{t('export_label')}</span>
          <div class="chips">
            {EXPORT_CHOICES.map((choice) => (
              <button key={choice.format} type="button" class="chip" title={t(choice.hint)} onClick={() => void downloadQueue(items, choice.format)}>
                {t(choice.label)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
