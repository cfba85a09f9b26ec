/**
 * Keeps an open side panel (Chrome sidePanel, Firefox sidebar) current: when a tab's related
 * reads are recomputed, extension pages are told, so the panel need not poll.
 */
import { onTabRelatedChanged } from '@/src/platform/tab-events';
import { sendMessage } from '@/src/platform/messaging';

export function registerSidePanelUpdates(): void {
  onTabRelatedChanged((_tabId, related) => {
    // Rejects when no extension page is open to listen; that is the usual case and harmless.
    sendMessage({ type: 'tab-related-changed', related }).catch(() => undefined);
  });
}
