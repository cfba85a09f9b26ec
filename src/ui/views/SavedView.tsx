/**
 * Saved view: the reading queue with unread/read filter, a text and a tag filter, three orders
 * (your own by default, date added, reading time), notes edited in place, reordering (Alt+↑/↓ or
 * drag, in your own order), remove and export.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QueueItem, QueueState } from '@/src/queue/types';
import { NOTE_MAX_LENGTH, unreadSummary } from '@/src/queue/rules';
import { SAVED_ORDERS, savedList, savedTags, tagKey, type SavedOrder } from '@/src/queue/saved-filter';
import type { SearchEngine } from '@/src/platform/settings';
import { t, type MessageKey } from '@/src/platform/i18n';
import { EmptyState, ReadCard, SkeletonList, type CardRead } from '../ReadCard';
import { CheckIcon, CircleIcon, GripIcon, InboxIcon, NoteIcon, SearchIcon, TrashIcon } from '../icons';
import { EXPORT_CHOICES, downloadQueue } from '../queue-export';

const orderLabel: Record<SavedOrder, MessageKey> = { manual: 'sortManual', newest: 'sortNewest', shortest: 'sortShortest' };

/** The row's note control, which gets focus back when an edit ends. */
const focusNoteButton = (id: string) =>
  document.querySelector<HTMLElement>(`[data-row="${CSS.escape(id)}"] [data-note]`)?.focus();

/**
 * A note edited in place: Enter (without Shift) or leaving the field saves, Esc cancels; capped
 * at the queue rules' length, with a counter.
 */
function NoteEditor({ item, onSave, onDone }: { item: QueueItem; onSave: (note: string) => void; onDone: () => void }) {
  const [text, setText] = useState(item.note);
  const finished = useRef(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Focused in the same commit as it appears: a key typed right after the click must land in the note, not act as a shortcut.
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (save && text.trim() !== item.note) onSave(text);
    onDone();
  };
  const count = Array.from(text).length;
  return (
    <div class="note-editor">
      <textarea
        ref={ref}
        class="note-input"
        rows={2}
        maxLength={NOTE_MAX_LENGTH}
        value={text}
        aria-label={t('noteLabel', item.title)}
        aria-describedby={`note-hint-${item.id}`}
        data-note-input
        onInput={(event) => setText(event.currentTarget.value)}
        onBlur={() => finish(true)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            finish(false);
            focusNoteButton(item.id);
          } else if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            finish(true);
            focusNoteButton(item.id);
          }
        }}
      />
      <p id={`note-hint-${item.id}`} class="note-hint">
        <span>{t('noteHint')}</span>
        <span class="note-count">{t('noteCount', count, NOTE_MAX_LENGTH)}</span>
      </p>
    </div>
  );
}

type SavedViewProps = {
  items: QueueItem[] | null;
  engine: SearchEngine;
  onTag: (tag: string) => void;
  onRemove: (item: QueueItem) => void;
  onSetState: (item: QueueItem, state: QueueState) => void;
  /** Move `id` to just before (or after, for the last slot) `targetId`. */
  onMove: (id: string, target: { beforeId: string } | { afterId: string }) => void;
  onSetNote: (item: QueueItem, note: string) => void;
  onMoreLikeThis: (read: CardRead, origin: HTMLElement) => void;
};

export function SavedView(props: SavedViewProps) {
  const [shown, setShown] = useState<QueueState>('unread');
  const [filterText, setFilterText] = useState('');
  const [filterTag, setFilterTag] = useState<string | null>(null);
  const [order, setOrder] = useState<SavedOrder>('manual');
  const [editingNote, setEditingNote] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  // A keyboard move re-sorts the list; keep focus on the row that moved.
  const [refocusId, setRefocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!refocusId) return;
    const row = document.querySelector<HTMLElement>(`[data-row="${CSS.escape(refocusId)}"] [data-primary]`);
    if (row && document.activeElement !== row) row.focus();
  }, [props.items, refocusId]);
  const tags = useMemo(() => savedTags(props.items ?? []), [props.items]);
  // A tag filter whose last read was removed would hide everything with no way to see why.
  const activeTag = filterTag !== null && tags.some(({ tag }) => tagKey(tag) === tagKey(filterTag)) ? filterTag : null;
  if (!props.items) return <SkeletonList rows={3} />;

  const items = props.items;
  const summary = unreadSummary(items);
  const readCount = items.length - summary.count;
  const visible = savedList(
    items.filter((item) => item.state === shown),
    { text: filterText, tag: activeTag },
    order,
  );
  const filtering = filterText.trim() !== '' || activeTag !== null;
  const reorderable = order === 'manual';

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

      {items.length > 0 ? (
        <div class="saved-tools">
          <div class="search-box saved-filter">
            <SearchIcon />
            <input
              type="search"
              class="search-input"
              value={filterText}
              placeholder={t('savedFilterPlaceholder')}
              aria-label={t('savedFilterLabel')}
              autocomplete="off"
              spellcheck={false}
              data-list-input
              onInput={(event) => setFilterText(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && filterText !== '') {
                  event.preventDefault();
                  setFilterText('');
                }
              }}
            />
          </div>
          <select
            class="select"
            aria-label={t('savedTagLabel')}
            value={activeTag ?? ''}
            onChange={(event) => setFilterTag(event.currentTarget.value || null)}
          >
            <option value="">{t('savedAllTags')}</option>
            {tags.map(({ tag, count }) => (
              <option key={tag} value={tag}>
                {tag} ({count})
              </option>
            ))}
          </select>
          <select
            class="select"
            aria-label={t('savedSortLabel')}
            value={order}
            onChange={(event) => setOrder(event.currentTarget.value as SavedOrder)}
          >
            {SAVED_ORDERS.map((choice) => (
              <option key={choice} value={choice}>
                {t(orderLabel[choice])}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {visible.length === 0 ? (
        items.length === 0 ? (
          <EmptyState icon={<InboxIcon />} title={t('queueEmpty')} body={t('queueEmptyHint')} />
        ) : filtering ? (
          <EmptyState icon={<SearchIcon />} title={t('savedNoMatch')} />
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
              onMoreLikeThis={(origin) => props.onMoreLikeThis(item, origin)}
              note={
                editingNote === item.id ? (
                  <NoteEditor item={item} onSave={(note) => props.onSetNote(item, note)} onDone={() => setEditingNote(null)} />
                ) : item.note ? (
                  <p class="card-note">{item.note}</p>
                ) : null
              }
              class={[
                item.state === 'read' ? 'is-read' : '',
                dragged === item.id ? 'is-dragging' : '',
                dropTarget === item.id && dragged !== item.id ? 'is-drop-target' : '',
              ].join(' ')}
              dragHandle={
                reorderable ? (
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
                ) : null
              }
              onDragOver={(event) => {
                if (!dragged || !reorderable) return;
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
              onReorderKey={reorderable ? (step) => moveBy(item, step) : undefined}
              actions={
                <>
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={item.note ? t('noteEdit', item.note) : t('noteAdd')}
                    title={item.note ? t('noteEdit', item.note) : t('noteAdd')}
                    data-note
                    onClick={() => setEditingNote(item.id)}
                  >
                    <NoteIcon />
                  </button>
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
        {reorderable ? t('reorderHint') : t('reorderOnlyOwnOrder')}
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
