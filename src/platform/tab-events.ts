/**
 * In-worker notifications about tabs, so background managers stay independent: the manager
 * that computes a tab's related reads announces them, the badge manager listens.
 */
import type { TabRelated } from './messages';

type TabRelatedListener = (tabId: number, related: TabRelated) => void;

const tabRelatedListeners = new Set<TabRelatedListener>();

/** Call `listener` whenever a tab's related reads are (re)computed. Returns an unsubscribe. */
export function onTabRelatedChanged(listener: TabRelatedListener): () => void {
  tabRelatedListeners.add(listener);
  return () => tabRelatedListeners.delete(listener);
}

export function emitTabRelatedChanged(tabId: number, related: TabRelated): void {
  for (const listener of tabRelatedListeners) {
    try {
      listener(tabId, related);
    } catch (error) {
      // One failing listener (e.g. a closed tab's badge) must not starve the others.
      console.error('Docent: tab-related listener failed', error);
    }
  }
}
