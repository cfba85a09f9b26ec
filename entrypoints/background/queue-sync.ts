/**
 * Keeps the reading queue in sync across the user's devices. A sync round runs when the service
 * worker starts, when another device writes the queue's keys in storage.sync, shortly after any
 * local queue change (Dexie's liveQuery sees writes from the popup and options page while the
 * worker is awake; each round compares the whole queue, so changes made while it slept go out on
 * the next round), and on request (`queue-sync-now`). Rounds never overlap. Turning sync off in
 * the options stops the rounds and takes the queue out of this browser's sync storage.
 */
import { liveQuery } from 'dexie';
import { db } from '@/src/db';
import type { SyncStatus } from '@/src/queue/sync';
import { runSyncRound } from '@/src/queue/sync-round';
import { onMessage } from '@/src/platform/messaging';
import { queueSyncSetting } from '@/src/platform/settings';
import { browserSyncArea, onRemoteQueueChanged, removeQueueFromSync, saveSyncStatus } from '@/src/platform/sync-storage';

/** Batches bursts of edits (a drag, an import) into one write; storage.sync allows 120 writes a minute. */
const DEBOUNCE_MS = 2_000;

let running: Promise<SyncStatus> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

async function syncRound(): Promise<SyncStatus> {
  let status: SyncStatus;
  try {
    status = (await queueSyncSetting.getValue()) ? await runSyncRound(db, browserSyncArea) : await stopSyncing();
  } catch (error) {
    status = { state: 'error', at: Date.now(), message: `Sync failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  await saveSyncStatus(status);
  return status;
}

/** Runs a round, or waits for the running one and then runs another (it may have started before the change). */
async function syncNow(): Promise<SyncStatus> {
  while (running) await running;
  running = syncRound();
  try {
    return await running;
  } finally {
    running = null;
  }
}

/** Sync off: the queue leaves sync storage (other devices keep theirs, and deletions need no tombstone here). */
async function stopSyncing(): Promise<SyncStatus> {
  await removeQueueFromSync();
  return { state: 'off' };
}

function scheduleSync(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void syncNow(), DEBOUNCE_MS);
}

export function registerQueueSync(): void {
  onRemoteQueueChanged(scheduleSync);
  onMessage('queue-sync-now', () => syncNow());
  queueSyncSetting.watch(() => void syncNow());
  // Emits once at start (the startup round), then on every change to the queue or its tombstones.
  liveQuery(() => Promise.all([db.queue.toArray(), db.syncTombstones.toArray()])).subscribe({ next: scheduleSync });
}
