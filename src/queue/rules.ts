/**
 * Pure queue rules. Every rule takes the current queue and returns a {@link QueueEdit}: the new
 * queue plus exactly which items to write and delete, so the repository can persist one edit in
 * one transaction and the UI can apply it optimistically. Every change bumps `updatedAt`, which
 * is what sync's last-writer-wins merge compares.
 */
import type { Read } from '@/src/catalogue/types';
import type { QueueItem, QueueState } from './types';
import { acceptedUrl, normaliseUrl, pageId } from './page-url';

export type QueueEdit = {
  queue: QueueItem[];
  /** Items added or modified by this edit. */
  changed: QueueItem[];
  /** Items deleted by this edit (what an undo needs to put back). */
  removed: QueueItem[];
};

export type PageToSave = { url: string; title: string };

export type QueueOrder = 'manual' | 'newest' | 'oldest' | 'shortest';

/** Notes are reminders ("read the section on fencing"), not documents; the cap also keeps sync entries small. */
export const NOTE_MAX_LENGTH = 280;

/** Titles come from web pages and foreign files; a bound keeps one hostile title from filling sync storage. */
const TITLE_MAX_LENGTH = 500;

/** Control characters removed, whitespace trimmed, capped at {@link TITLE_MAX_LENGTH} characters. */
export function cleanTitle(title: string): string {
  return Array.from(title.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()).slice(0, TITLE_MAX_LENGTH).join('').trim();
}

/** A rule was asked for something impossible (unknown item, unsupported link); the message says what. */
export class QueueInputError extends Error {
  override name = 'QueueInputError';
}

const unchanged = (queue: QueueItem[]): QueueEdit => ({ queue, changed: [], removed: [] });

/** Position that sorts above every item, so new saves appear at the top (newest first). */
function positionOnTop(queue: readonly QueueItem[]): number {
  return queue.length === 0 ? 0 : Math.min(...queue.map((item) => item.position)) - 1;
}

/** Position that sorts below every item (imports append in file order rather than flood the top). */
export function positionAtBottom(queue: readonly QueueItem[]): number {
  return queue.length === 0 ? 0 : Math.max(...queue.map((item) => item.position)) + 1;
}

type ItemSnapshot = Pick<QueueItem, 'id' | 'readId' | 'title' | 'url' | 'source' | 'tags' | 'readMinutes'>;

/** What every save starts as: unread, no note, at `position`. */
export function newItem(snapshot: ItemSnapshot, position: number, now: number): QueueItem {
  return { ...snapshot, addedAt: now, state: 'unread', readAt: null, position, note: '', updatedAt: now };
}

export function itemFromRead(read: Read, position: number, now: number): QueueItem {
  const { id, title, url, source, readMinutes } = read;
  return newItem({ id, readId: id, title, url, source, tags: [...read.tags], readMinutes }, position, now);
}

/**
 * Saving a read that is already in the queue changes nothing. A page saved with the read's link
 * becomes the read (richer: tags, reading time), keeping its place, state and note, so the link is
 * queued once whichever of the two was saved first (e.g. from two popups at once).
 */
export function saveRead(queue: QueueItem[], read: Read, now: number): QueueEdit {
  if (queue.some((item) => item.id === read.id)) return unchanged(queue);
  const page = read.url !== null && acceptedUrl(read.url).ok ? findByUrl(queue, read.url) : undefined;
  if (page && page.readId === null) {
    const { addedAt, state, readAt, position, note } = page;
    const item = { ...itemFromRead(read, position, now), addedAt, state, readAt, note };
    return { queue: [...queue.filter((other) => other !== page), item], changed: [item], removed: [page] };
  }
  const item = itemFromRead(read, positionOnTop(queue), now);
  return { queue: [...queue, item], changed: [item], removed: [] };
}

/** The item a page would become; throws {@link QueueInputError} for links that are not http(s). */
export function itemFromPage(page: PageToSave, position: number, now: number): QueueItem {
  const checked = acceptedUrl(page.url);
  if (!checked.ok) throw new QueueInputError(`Cannot save this page: ${checked.reason}`);
  const url = checked.url;
  const source = new URL(url).hostname.replace(/^www\./, '');
  return newItem({ id: pageId(url), readId: null, title: cleanTitle(page.title) || url, url, source, tags: [], readMinutes: null }, position, now);
}

/** Saves any web page; a no-op when the same link (normalised) is already queued, even as a catalogue read. */
export function savePage(queue: QueueItem[], page: PageToSave, now: number): QueueEdit {
  const item = itemFromPage(page, positionOnTop(queue), now);
  if (findByUrl(queue, item.url!) || queue.some((existing) => existing.id === item.id)) return unchanged(queue);
  return { queue: [...queue, item], changed: [item], removed: [] };
}

/** The queued item whose link is the same page as `url`, if any. */
export function findByUrl(queue: readonly QueueItem[], url: string): QueueItem | undefined {
  const wanted = normaliseUrl(url);
  return queue.find((item) => item.url !== null && acceptedUrl(item.url).ok && normaliseUrl(item.url) === wanted);
}

/** Removes an item; `removed[0]` is what {@link restore} needs to undo it. */
export function unsave(queue: QueueItem[], id: string): QueueEdit {
  const item = queue.find((candidate) => candidate.id === id);
  if (!item) return unchanged(queue);
  return { queue: queue.filter((candidate) => candidate.id !== id), changed: [], removed: [item] };
}

/**
 * Undo of {@link unsave}: the item returns where it was, with a fresh `updatedAt` so it beats its own
 * deletion in sync. A no-op when its link was queued again meanwhile under another id (a page as the read).
 */
export function restore(queue: QueueItem[], item: QueueItem, now: number): QueueEdit {
  const sameLink = item.url !== null && acceptedUrl(item.url).ok ? findByUrl(queue, item.url) : undefined;
  if (sameLink && sameLink.id !== item.id) return unchanged(queue);
  const restored = { ...item, updatedAt: Math.max(now, item.updatedAt) };
  const rest = queue.filter((candidate) => candidate.id !== item.id);
  return { queue: [...rest, restored], changed: [restored], removed: [] };
}

function update(queue: QueueItem[], id: string, change: (item: QueueItem) => QueueItem | null): QueueEdit {
  const index = queue.findIndex((item) => item.id === id);
  if (index === -1) throw new QueueInputError(`No saved read with id ${id}`);
  const next = change(queue[index]);
  if (next === null) return unchanged(queue);
  const copy = [...queue];
  copy[index] = next;
  return { queue: copy, changed: [next], removed: [] };
}

export function setState(queue: QueueItem[], id: string, state: QueueState, now: number): QueueEdit {
  return update(queue, id, (item) =>
    item.state === state ? null : { ...item, state, readAt: state === 'read' ? now : null, updatedAt: now },
  );
}

export const markRead = (queue: QueueItem[], id: string, now: number) => setState(queue, id, 'read', now);
export const markUnread = (queue: QueueItem[], id: string, now: number) => setState(queue, id, 'unread', now);

/** Trims and caps a note at {@link NOTE_MAX_LENGTH} characters (never splitting a surrogate pair). */
export function cleanNote(note: string): string {
  return Array.from(note.trim()).slice(0, NOTE_MAX_LENGTH).join('').trim();
}

export function setNote(queue: QueueItem[], id: string, note: string, now: number): QueueEdit {
  const cleaned = cleanNote(note);
  return update(queue, id, (item) => (item.note === cleaned ? null : { ...item, note: cleaned, updatedAt: now }));
}

export type MoveTarget = { beforeId: string } | { afterId: string };

/**
 * Moves an item in the manual order to just before or after another item. Only the moved item
 * changes (its position becomes the midpoint of its new neighbours), unless repeated moves into
 * the same gap exhausted floating-point precision; then the whole queue is renumbered.
 */
export function move(queue: QueueItem[], id: string, target: MoveTarget, now: number): QueueEdit {
  const targetId = 'beforeId' in target ? target.beforeId : target.afterId;
  if (targetId === id) return unchanged(queue);
  const moving = queue.find((item) => item.id === id);
  if (!moving) throw new QueueInputError(`No saved read with id ${id}`);
  const others = sortQueue(queue.filter((item) => item.id !== id), 'manual');
  const targetIndex = others.findIndex((item) => item.id === targetId);
  if (targetIndex === -1) throw new QueueInputError(`No saved read with id ${targetId}`);
  const insertAt = 'beforeId' in target ? targetIndex : targetIndex + 1;
  const above = others[insertAt - 1];
  const below = others[insertAt];
  const position =
    above && below ? (above.position + below.position) / 2 : above ? above.position + 1 : below.position - 1;
  if (above && below && (position <= above.position || position >= below.position)) {
    const order = [...others.slice(0, insertAt), moving, ...others.slice(insertAt)];
    return renumber(order, now);
  }
  if (moving.position === position) return unchanged(queue);
  return update(queue, id, (item) => ({ ...item, position, updatedAt: now }));
}

function renumber(order: QueueItem[], now: number): QueueEdit {
  const changed: QueueItem[] = [];
  const queue = order.map((item, index) => {
    if (item.position === index) return item;
    const moved = { ...item, position: index, updatedAt: now };
    changed.push(moved);
    return moved;
  });
  return { queue, changed, removed: [] };
}

const byId = (a: QueueItem, b: QueueItem) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A sorted copy. `manual` is the user's drag order (top = lowest position); ties fall back to id so every device shows the same order. */
export function sortQueue(items: readonly QueueItem[], order: QueueOrder): QueueItem[] {
  const compare: Record<QueueOrder, (a: QueueItem, b: QueueItem) => number> = {
    manual: (a, b) => a.position - b.position || byId(a, b),
    newest: (a, b) => b.addedAt - a.addedAt || byId(a, b),
    oldest: (a, b) => a.addedAt - b.addedAt || byId(a, b),
    shortest: (a, b) =>
      (a.readMinutes ?? Number.POSITIVE_INFINITY) - (b.readMinutes ?? Number.POSITIVE_INFINITY) ||
      a.position - b.position ||
      byId(a, b),
  };
  return [...items].sort(compare[order]);
}

/** What the badge and Saved tab show: unread count and their total reading time (unknown lengths count as 0). */
export function unreadSummary(items: readonly QueueItem[]): { count: number; minutes: number } {
  const unread = items.filter((item) => item.state === 'unread');
  return { count: unread.length, minutes: unread.reduce((sum, item) => sum + (item.readMinutes ?? 0), 0) };
}
