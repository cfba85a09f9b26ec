/**
 * One read as a card, the same in Related, Search, Saved, More like this and the side panel: title
 * (opens it), source, date or section, read time, the summary (clamped, expandable in place), "why",
 * tags, save toggle and "More like this".
 */
import type { ComponentChildren, JSX, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Read } from '@/src/catalogue/types';
import type { Range } from '@/src/search/types';
import type { RelatedRead } from '@/src/platform/messages';
import type { SearchEngine } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { segmentByRanges } from './highlight';
import { openUrlFor, webUrlOf } from './web-search';
import { BookmarkIcon, BranchIcon, ExternalIcon, GlobeIcon } from './icons';

/** What a card needs of a read; queue items (snapshots) lack the catalogue-only fields. */
export type CardRead = Pick<Read, 'id' | 'title' | 'url' | 'source' | 'tags' | 'readMinutes'> &
  Partial<Pick<Read, 'published' | 'section' | 'category' | 'summary'>>;

const MAX_TAGS = 5;

function Highlighted({ text, ranges }: { text: string; ranges?: readonly Range[] }) {
  if (!ranges?.length) return <>{text}</>;
  return (
    <>
      {segmentByRanges(text, ranges).map((segment, index) =>
        segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}

function formatPublished(published: string): string {
  const date = new Date(`${published}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return published;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });
}

function SaveToggle({ saved, onToggle }: { saved: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      class="icon-button save-toggle"
      aria-pressed={saved}
      aria-label={t('saveForLater')}
      title={saved ? t('savedTooltip') : t('saveTooltip')}
      data-save
      onClick={onToggle}
    >
      <BookmarkIcon filled={saved} />
    </button>
  );
}

/**
 * The summary, clamped to its first lines (CSS) with a More/Less toggle when the clamp hides text:
 * a reader decides from it, and for reads without a link it is all the catalogue knows.
 * Whether the clamp hides anything is read in a ResizeObserver callback, after the browser's own
 * layout (never forcing one while the list first renders), and again when the card's width
 * changes (side panel); the toggle then sits over the end of the last line, so nothing moves.
 */
function Summary({ id, title, text, ranges }: { id: string; title: string; text: string; ranges?: readonly Range[] }) {
  const [expanded, setExpanded] = useState(false);
  const [clamped, setClamped] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || expanded || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => setClamped(element.scrollHeight > element.clientHeight + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, [text, expanded]);
  const summaryId = `summary-${id}`;
  return (
    <div class={`card-summary-block ${expanded ? 'is-expanded' : ''}`}>
      <p id={summaryId} ref={ref} class={`card-summary ${expanded ? 'is-expanded' : ''}`}>
        <Highlighted text={text} ranges={ranges} />
      </p>
      {clamped || expanded ? (
        <button
          type="button"
          class="summary-toggle"
          aria-expanded={expanded}
          aria-controls={summaryId}
          aria-label={t('summaryToggleLabel', title)}
          data-expand
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('summaryLess') : t('summaryMore')}
        </button>
      ) : null}
    </div>
  );
}

function MoreLikeThisButton({ onOpen }: { onOpen: (origin: HTMLElement) => void }) {
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={t('moreLikeThis')}
      title={t('moreLikeThisTooltip')}
      data-more
      // Focus returns to what held it: the title link when M opened it from the keyboard, else this button.
      onClick={(event) => {
        const page = event.currentTarget.ownerDocument;
        const focused = page.activeElement as HTMLElement | null;
        onOpen(focused && focused !== page.body ? focused : event.currentTarget);
      }}
    >
      <BranchIcon />
    </button>
  );
}

type ReadCardProps = {
  read: CardRead;
  engine: SearchEngine;
  /** Omitted where the card has its own remove control (Saved view). */
  saved?: boolean;
  onToggleSave?: () => void;
  onTag: (tag: string) => void;
  highlights?: { title: Range[]; summary: Range[] };
  /** Page terms this read matched (Related view), or the concepts it shares with another read (More like this). */
  why?: string[];
  /** Opens "More like this" for the read; `origin` is where focus returns after Esc. */
  onMoreLikeThis?: (origin: HTMLElement) => void;
  /** Under the tags: the Saved view's note. */
  note?: ComponentChildren;
  /** Extra controls after the save toggle (Saved view). */
  actions?: ComponentChildren;
  class?: string;
  /** Saved view: a drag grip, drop handlers and Alt+↑/↓ reordering. */
  dragHandle?: ComponentChildren;
  onDragOver?: JSX.DragEventHandler<HTMLLIElement>;
  onDrop?: JSX.DragEventHandler<HTMLLIElement>;
  onReorderKey?: (step: -1 | 1) => void;
};

export function ReadCard(props: ReadCardProps) {
  const { read, engine, highlights, why } = props;
  const when = read.published ? formatPublished(read.published) : (read.section ?? read.category ?? null);
  const meta = [read.source, when, read.readMinutes ? t('readMinutes', read.readMinutes) : null].filter(
    (part): part is string => !!part,
  );
  return (
    <li
      class={`card ${props.class ?? ''}`}
      data-row={read.id}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
      onKeyDown={(event) => {
        if (!props.onReorderKey || !event.altKey) return;
        if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
        event.preventDefault();
        event.stopPropagation();
        props.onReorderKey(event.key === 'ArrowUp' ? -1 : 1);
      }}
    >
      {props.dragHandle}
      <div class="card-body">
        <a class="card-title" href={openUrlFor(read, engine)} target="_blank" rel="noopener noreferrer" data-primary>
          <Highlighted text={read.title} ranges={highlights?.title} />
        </a>
        <p class="card-meta">
          {meta.map((part, index) => (
            <span key={index} class="card-meta-part">
              {part}
            </span>
          ))}
          {webUrlOf(read) ? (
            <span class="card-open-kind" title={t('opensInNewTab')}>
              <ExternalIcon />
            </span>
          ) : (
            <span class="card-open-kind web-search" title={t('webSearchTooltip')}>
              <GlobeIcon />
              {t('searchTheWeb')}
            </span>
          )}
        </p>
        {read.summary ? <Summary id={read.id} title={read.title} text={read.summary} ranges={highlights?.summary} /> : null}
        {why?.length ? (
          <p class="card-why">
            <span class="card-why-label">{t('whyLabel')}</span> {why.join(', ')}
          </p>
        ) : null}
        {read.tags.length ? (
          <ul class="tags" aria-label={t('tagsLabel')}>
            {read.tags.slice(0, MAX_TAGS).map((tag) => (
              <li key={tag}>
                <button type="button" class="tag" title={t('filterByTag', tag)} onClick={() => props.onTag(tag)}>
                  {tag}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {props.note}
      </div>
      <div class="card-actions">
        {props.onToggleSave ? <SaveToggle saved={!!props.saved} onToggle={props.onToggleSave} /> : null}
        {props.actions}
        {props.onMoreLikeThis ? <MoreLikeThisButton onOpen={props.onMoreLikeThis} /> : null}
      </div>
    </li>
  );
}

/** Placeholder rows while data loads, shaped like cards so nothing jumps when they arrive. */
export function SkeletonList({ rows = 4 }: { rows?: number }) {
  return (
    <ul class="cards" aria-busy="true" aria-label={t('loading')}>
      {Array.from({ length: rows }, (_, index) => (
        <li key={index} class="card skeleton" aria-hidden="true">
          <div class="card-body">
            <span class="skeleton-line wide" />
            <span class="skeleton-line" />
            <span class="skeleton-line short" />
          </div>
        </li>
      ))}
    </ul>
  );
}

type RelatedCardsProps = {
  label: string;
  related: readonly RelatedRead[];
  engine: SearchEngine;
  savedIds: ReadonlySet<string>;
  onToggleSave: (read: Read) => void;
  onTag: (tag: string) => void;
  onMoreLikeThis: (read: CardRead, origin: HTMLElement) => void;
  listRef?: Ref<HTMLUListElement>;
};

/** Related reads as cards, best first, each with its "Why" (the Related view, More like this). */
export function RelatedCards(props: RelatedCardsProps) {
  return (
    <ul class="cards" aria-label={props.label} ref={props.listRef}>
      {props.related.map(({ read, matched }) => (
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
  );
}

export function EmptyState({ icon, title, body }: { icon: ComponentChildren; title: string; body?: string }) {
  return (
    <div class="empty" role="status">
      <span class="empty-icon">{icon}</span>
      <p class="empty-title">{title}</p>
      {body ? <p class="empty-body">{body}</p> : null}
    </div>
  );
}
