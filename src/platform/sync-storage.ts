/**
 * The browser side of queue sync: `storage.sync` as a {@link SyncArea}, change notifications for
 * the queue's keys, and the last sync status (kept in `storage.local`, per device) for the UI.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { SYNC_KEY_PREFIX, type SyncArea, type SyncStatus } from '@/src/queue/sync';

export const browserSyncArea: SyncArea = {
  get: () => browser.storage.sync.get(null) as Promise<Record<string, unknown>>,
  set: (items) => browser.storage.sync.set(items),
};

/** Takes the queue out of this browser's sync storage (queue sync turned off); other keys stay. */
export async function removeQueueFromSync(): Promise<void> {
  const keys = Object.keys(await browser.storage.sync.get(null)).filter((key) => key.startsWith(SYNC_KEY_PREFIX));
  if (keys.length > 0) await browser.storage.sync.remove(keys);
}

/** Calls `listener` when another device (or this one) changed the queue's entries in sync storage. */
export function onRemoteQueueChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync' && Object.keys(changes).some((key) => key.startsWith(SYNC_KEY_PREFIX))) listener();
  });
}

const syncStatusItem = storage.defineItem<SyncStatus>('local:queueSyncStatus', { fallback: { state: 'never' } });

/** What the Saved view and options page show: synced, sync full (with how many items stay local), or an error. */
export function getSyncStatus(): Promise<SyncStatus> {
  return syncStatusItem.getValue();
}

export function saveSyncStatus(status: SyncStatus): Promise<void> {
  return syncStatusItem.setValue(status);
}

/** Live updates of the status; returns the unsubscribe function. */
export function watchSyncStatus(listener: (status: SyncStatus) => void): () => void {
  return syncStatusItem.watch((status) => listener(status ?? { state: 'never' }));
}
