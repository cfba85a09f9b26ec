/** Pure keyboard rules of the popup, kept apart from the DOM so they can be tested. */

export type View = 'related' | 'search' | 'saved';
export const views: readonly View[] = ['related', 'search', 'saved'];

/** `1`/`2`/`3` pick a view; anything else is not a view shortcut. */
export function viewForKey(key: string): View | null {
  const index = ['1', '2', '3'].indexOf(key);
  return index === -1 ? null : views[index]!;
}

/** ←/→ in the tab list, wrapping around (WAI-ARIA tabs pattern). */
export function adjacentView(current: View, key: string): View | null {
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return null;
  return views[(views.indexOf(current) + step + views.length) % views.length]!;
}

/**
 * Where ↑/↓/Home/End move the active row in a list of `count` rows; -1 means "no row"
 * (↑ from the first row goes back to the search box). Returns null for other keys.
 */
export function nextRowIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, -1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Esc peels one layer at a time: the query first, then the facets, then nothing is left to clear. */
export function escapeAction(query: string, facetCount: number): 'clear-query' | 'clear-facets' | null {
  if (query !== '') return 'clear-query';
  if (facetCount > 0) return 'clear-facets';
  return null;
}

/** True when a key press belongs to a text field, so single-letter shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.isContentEditable === true;
}

/**
 * The card control a single key works on when a card has focus: `S` save (or remove, in Saved),
 * `M` More like this, `E` expand the summary, `N` the note (Saved). Null for other keys.
 */
export function cardKeyTarget(key: string): string | null {
  switch (key.toLowerCase()) {
    case 's':
      return '[data-save]';
    case 'm':
      return '[data-more]';
    case 'e':
      return '[data-expand]';
    case 'n':
      return '[data-note]';
    default:
      return null;
  }
}
