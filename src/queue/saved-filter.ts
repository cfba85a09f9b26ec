/**
 * What the Saved view shows of the queue: a text filter over what the user can see on a card (title,
 * source, tags, note), a tag filter, and one of three orders. Pure, so the popup and tests agree.
 */
import { normaliseTag } from '@/src/catalogue/tags';
import type { QueueItem } from './types';
import { sortQueue, type QueueOrder } from './rules';

/** The orders the Saved view offers; `manual` (the drag / Alt+↑↓ order) is the default. */
export const SAVED_ORDERS = ['manual', 'newest', 'shortest'] as const satisfies readonly QueueOrder[];
export type SavedOrder = (typeof SAVED_ORDERS)[number];

export type SavedFilter = { text: string; tag: string | null };

/** Spellings of one tag (`Event Sourcing`, `event-sourcing`) are one choice in the tag filter. */
export function tagKey(tag: string): string {
  return normaliseTag(tag).replace(/[-_\s]+/g, ' ');
}

const searchable = (text: string) => text.normalize('NFKC').toLowerCase();

/** Items matching every word of `text` (anywhere in title, source, tags or note) and carrying `tag`. */
export function filterSaved(items: readonly QueueItem[], filter: SavedFilter): QueueItem[] {
  const words = searchable(filter.text).split(/\s+/).filter((word) => word !== '');
  const tag = filter.tag === null ? null : tagKey(filter.tag);
  return items.filter((item) => {
    if (tag !== null && !item.tags.some((other) => tagKey(other) === tag)) return false;
    if (words.length === 0) return true;
    const haystack = searchable([item.title, item.source, item.note, ...item.tags].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}

/** The tags in the queue for the tag filter: one entry per tag key, as first written, most used first. */
export function savedTags(items: readonly QueueItem[]): { tag: string; count: number }[] {
  const byKey = new Map<string, { tag: string; count: number }>();
  for (const item of items) {
    for (const key of new Set(item.tags.map(tagKey))) {
      const entry = byKey.get(key);
      if (entry) entry.count++;
      else byKey.set(key, { tag: item.tags.find((tag) => tagKey(tag) === key)!, count: 1 });
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

/** The Saved list: filtered, then in the chosen order. */
export function savedList(items: readonly QueueItem[], filter: SavedFilter, order: SavedOrder): QueueItem[] {
  return sortQueue(filterSaved(items, filter), order);
}
