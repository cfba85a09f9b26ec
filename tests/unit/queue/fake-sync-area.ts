import { SYNC_QUOTA, syncItemBytes, type SyncArea } from '@/src/queue/sync';

/**
 * An in-memory storage.sync that enforces Chrome's quotas and fails with Chrome's own error
 * messages. `quotaBytes` can be lowered to reach "full" with a small queue.
 */
export class FakeSyncArea implements SyncArea {
  data: Record<string, unknown> = {};
  writes = 0;
  failNextSetWith: string | null = null;

  constructor(private quotaBytes: number = SYNC_QUOTA.QUOTA_BYTES) {}

  async get(): Promise<Record<string, unknown>> {
    return structuredClone(this.data);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failNextSetWith) {
      const message = this.failNextSetWith;
      this.failNextSetWith = null;
      throw new Error(message);
    }
    const next = { ...this.data, ...structuredClone(items) };
    for (const [key, value] of Object.entries(items)) {
      if (syncItemBytes(key, value) > SYNC_QUOTA.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    if (Object.keys(next).length > SYNC_QUOTA.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    const total = Object.entries(next).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
    if (total > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    this.data = next;
    this.writes++;
  }
}
