/**
 * Queue sync through the browser's sync storage, pure part. The queue travels in a compact form
 * (one short entry per item or deletion) spread over a fixed set of bucket keys chosen by a hash of
 * the item id, so two devices editing different items rarely touch the same key, and merging is per
 * item: the later `updatedAt` wins, deletions are tombstones kept {@link TOMBSTONE_MAX_AGE_MS}.
 * An entry missing from sync storage never means "deleted" (only a tombstone does), so leaving
 * entries out when the quota is full can delay sync but never lose a read.
 */
import type { Read } from '@/src/catalogue/types';
import type { SyncTombstone } from '@/src/db';
import type { QueueItem } from './types';
import { itemFromRead, newItem } from './rules';
import { acceptedUrl } from './page-url';

/** chrome.storage.sync limits (Firefox uses the same numbers). */
export const SYNC_QUOTA = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 } as const;
/** 12 × 8 KiB = 96 KiB: the buckets alone can never exceed the total quota, and leave room for settings. */
export const SYNC_BUCKET_COUNT = 12;
export const SYNC_KEY_PREFIX = 'queue.';
/** Long enough for a laptop left in a drawer for a few weeks to learn about deletions when it comes back. */
export const TOMBSTONE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

// Field names are one letter because every byte counts against the quota:
// i id · r readId · s state · p position · a addedAt · d readAt · n note · u updatedAt · x deletedAt;
// snapshot: t title · l url · o source · g tags · m readMinutes.

/** Snapshot of a read for devices whose catalogue lacks it (saved pages, user sources). */
export type SyncedSnapshot = { t: string; l: string | null; o: string; g: string[]; m: number | null };
export type SyncedItem = {
  i: string;
  /** readId, omitted when it equals the id (every catalogue read), null for saved pages. */
  r?: string | null;
  /** 1 = read. */
  s: 0 | 1;
  p: number;
  a: number;
  d?: number;
  n?: string;
  u: number;
  snap?: SyncedSnapshot;
};
export type SyncedTombstone = { i: string; x: number };
export type SyncEntry = SyncedItem | SyncedTombstone;

export type SyncArea = {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

export type SyncStatus =
  | { state: 'never' }
  /** Counts are sync entries: saved items plus remembered deletions. */
  | { state: 'synced'; at: number; syncedCount: number }
  /** Some entries did not fit in sync storage; they stay on this device and sync once there is room. */
  | { state: 'full'; at: number; syncedCount: number; unsyncedCount: number; message: string }
  | { state: 'error'; at: number; message: string }
  /** The user turned queue sync off on this device: nothing is read from or written to sync storage. */
  | { state: 'off' };

export const isTombstone = (entry: SyncEntry): entry is SyncedTombstone => 'x' in entry;
export const readIdOf = (entry: SyncedItem): string | null => (entry.r === undefined ? entry.i : entry.r);
const stampOf = (entry: SyncEntry) => (isTombstone(entry) ? entry.x : entry.u);

export function toSyncEntry(item: QueueItem, isInCatalogue: (readId: string) => boolean): SyncedItem {
  const entry: SyncedItem = { i: item.id, s: item.state === 'read' ? 1 : 0, p: item.position, a: item.addedAt, u: item.updatedAt };
  if (item.readId !== item.id) entry.r = item.readId;
  if (item.readAt !== null) entry.d = item.readAt;
  if (item.note) entry.n = item.note;
  if (item.readId === null || !isInCatalogue(item.readId)) {
    entry.snap = { t: item.title, l: item.url, o: item.source, g: item.tags, m: item.readMinutes };
  }
  return entry;
}

export function localEntries(
  items: readonly QueueItem[],
  tombstones: readonly SyncTombstone[],
  isInCatalogue: (readId: string) => boolean,
): SyncEntry[] {
  return [
    ...items.map((item) => toSyncEntry(item, isInCatalogue)),
    ...tombstones.map((tombstone) => ({ i: tombstone.id, x: tombstone.deletedAt })),
  ];
}

/** Content of an entry without the snapshot, in a fixed key order (for deterministic tie-breaks and equality). */
function stateKey(entry: SyncEntry): string {
  return isTombstone(entry)
    ? JSON.stringify(['x', entry.i, entry.x])
    : JSON.stringify(['u', entry.i, entry.u, entry.s, entry.p, entry.a, entry.d ?? null, entry.n ?? '', readIdOf(entry)]);
}

/**
 * Which of two entries for one id wins: the later timestamp; on a tie a kept item beats a deletion
 * (never lose a read), and two items fall back to comparing content so every device picks the same one.
 */
function winner(a: SyncEntry, b: SyncEntry): SyncEntry {
  const difference = stampOf(a) - stampOf(b);
  if (difference !== 0) return difference > 0 ? a : b;
  if (isTombstone(a) !== isTombstone(b)) return isTombstone(a) ? b : a;
  return tieBreakKey(a) >= tieBreakKey(b) ? a : b;
}

/** A total order over same-time entries; with equal content, the one carrying a snapshot wins (it tells more). */
function tieBreakKey(entry: SyncEntry): string {
  const snap = !isTombstone(entry) && entry.snap;
  return `${stateKey(entry)}|${snap ? `1${JSON.stringify([snap.t, snap.l, snap.o, snap.g, snap.m])}` : '0'}`;
}

/**
 * Per-item last-writer-wins merge; commutative, associative and idempotent, so devices may merge
 * in any order any number of times. Result sorted by id. An entry without a snapshot (its writer
 * has the read in its catalogue) waits on devices whose catalogue lacks it; see planLocalChanges.
 */
export function mergeEntries(...sources: readonly SyncEntry[][]): SyncEntry[] {
  const merged = new Map<string, SyncEntry>();
  for (const entries of sources) {
    for (const entry of entries) {
      const current = merged.get(entry.i);
      merged.set(entry.i, current ? winner(current, entry) : entry);
    }
  }
  return [...merged.values()].sort((a, b) => (a.i < b.i ? -1 : a.i > b.i ? 1 : 0));
}

export function pruneTombstones(entries: SyncEntry[], now: number, maxAge = TOMBSTONE_MAX_AGE_MS): SyncEntry[] {
  return entries.filter((entry) => !isTombstone(entry) || now - entry.x <= maxAge);
}

export type LocalSyncChanges = { put: QueueItem[]; delete: string[]; tombstones: SyncTombstone[]; clearTombstones: string[] };

/**
 * What this device must change so its queue reflects `merged`. Local items missing from `merged`
 * are kept (absence is not deletion). An item this device has never seen and cannot describe (no
 * snapshot, read not in its catalogue) is skipped; it stays in sync storage for later.
 */
export function planLocalChanges(
  items: readonly QueueItem[],
  tombstones: readonly SyncTombstone[],
  merged: readonly SyncEntry[],
  findRead: (readId: string) => Read | undefined,
): LocalSyncChanges {
  const itemsById = new Map(items.map((item) => [item.id, item]));
  const tombstonesById = new Map(tombstones.map((tombstone) => [tombstone.id, tombstone]));
  const changes: LocalSyncChanges = { put: [], delete: [], tombstones: [], clearTombstones: [] };
  for (const entry of merged) {
    const local = itemsById.get(entry.i);
    if (isTombstone(entry)) {
      if (local && entry.x > local.updatedAt) changes.delete.push(entry.i);
      const known = tombstonesById.get(entry.i);
      if ((local ? entry.x > local.updatedAt : true) && (!known || known.deletedAt < entry.x)) {
        changes.tombstones.push({ id: entry.i, deletedAt: entry.x });
      }
      continue;
    }
    if (local && stateKey(toSyncEntry(local, () => true)) === stateKey(entry)) continue;
    if (local && local.updatedAt > entry.u) continue;
    const base = local ?? describe(entry, findRead);
    if (!base) continue;
    changes.put.push(applyEntry(base, entry));
    if (tombstonesById.has(entry.i)) changes.clearTombstones.push(entry.i);
  }
  return changes;
}

/** A new local item for an entry this device has not got: from its snapshot, else from the local catalogue. */
function describe(entry: SyncedItem, findRead: (readId: string) => Read | undefined): QueueItem | null {
  const readId = readIdOf(entry);
  if (entry.snap) {
    const { t, l, o, g, m } = entry.snap;
    return newItem({ id: entry.i, readId, title: t, url: l, source: o, tags: g, readMinutes: m }, entry.p, entry.u);
  }
  const read = readId === null ? undefined : findRead(readId);
  return read ? { ...itemFromRead(read, entry.p, entry.u), id: entry.i, readId } : null;
}

function applyEntry(base: QueueItem, entry: SyncedItem): QueueItem {
  return {
    ...base,
    readId: readIdOf(entry),
    state: entry.s === 1 ? 'read' : 'unread',
    readAt: entry.d ?? null,
    position: entry.p,
    addedAt: entry.a,
    note: entry.n ?? '',
    updatedAt: entry.u,
  };
}

export function bucketKey(id: string): string {
  let hash = 2166136261;
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 16777619) >>> 0;
  return `${SYNC_KEY_PREFIX}b${String(hash % SYNC_BUCKET_COUNT).padStart(2, '0')}`;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** Bytes storage.sync charges for one key: its name plus its JSON value. */
export const syncItemBytes = (key: string, value: unknown) => byteLength(key) + byteLength(JSON.stringify(value));

/**
 * Lays entries out in buckets that fit the quotas: each bucket within QUOTA_BYTES_PER_ITEM, all
 * together within `budgetBytes` (the total quota minus what other settings use). When space runs
 * out, tombstones go first (they stop resurrections), then unread items, then read ones, each
 * most recently changed first; the rest are returned as `left` and stay local.
 */
export function packBuckets(entries: readonly SyncEntry[], budgetBytes: number): { buckets: Record<string, SyncEntry[]>; left: string[] } {
  const buckets: Record<string, SyncEntry[]> = {};
  const sizes = new Map<string, number>();
  let total = 0;
  for (let index = 0; index < SYNC_BUCKET_COUNT; index++) {
    const key = `${SYNC_KEY_PREFIX}b${String(index).padStart(2, '0')}`;
    buckets[key] = [];
    sizes.set(key, syncItemBytes(key, []));
    total += sizes.get(key)!;
  }
  const rank = (entry: SyncEntry) => (isTombstone(entry) ? 0 : entry.s === 0 ? 1 : 2);
  const ordered = [...entries].sort((a, b) => rank(a) - rank(b) || stampOf(b) - stampOf(a) || (a.i < b.i ? -1 : 1));
  const left: string[] = [];
  for (const entry of ordered) {
    const key = bucketKey(entry.i);
    const cost = byteLength(JSON.stringify(entry)) + (buckets[key].length > 0 ? 1 : 0);
    if (sizes.get(key)! + cost > SYNC_QUOTA.QUOTA_BYTES_PER_ITEM || total + cost > budgetBytes) {
      left.push(entry.i);
      continue;
    }
    buckets[key].push(entry);
    sizes.set(key, sizes.get(key)! + cost);
    total += cost;
  }
  for (const key of Object.keys(buckets)) buckets[key].sort((a, b) => (a.i < b.i ? -1 : a.i > b.i ? 1 : 0));
  return { buckets, left };
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function toEntry(raw: unknown): SyncEntry | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.i !== 'string' || r.i === '') return null;
  if (isFiniteNumber(r.x)) return { i: r.i, x: r.x };
  if (!isFiniteNumber(r.u) || !isFiniteNumber(r.p) || !isFiniteNumber(r.a) || (r.s !== 0 && r.s !== 1)) return null;
  const entry: SyncedItem = { i: r.i, s: r.s, p: r.p, a: r.a, u: r.u };
  if (r.r === null || typeof r.r === 'string') entry.r = r.r;
  if (isFiniteNumber(r.d)) entry.d = r.d;
  if (typeof r.n === 'string' && r.n) entry.n = r.n;
  const snap = r.snap as Record<string, unknown> | undefined;
  if (snap && typeof snap === 'object' && typeof snap.t === 'string' && typeof snap.o === 'string') {
    entry.snap = {
      t: snap.t,
      // Another device's data: a link that is not http(s) is dropped here, as an import would reject it.
      l: typeof snap.l === 'string' && acceptedUrl(snap.l).ok ? snap.l : null,
      o: snap.o,
      g: Array.isArray(snap.g) ? snap.g.filter((tag): tag is string => typeof tag === 'string') : [],
      m: isFiniteNumber(snap.m) ? snap.m : null,
    };
  }
  return entry;
}

/** The entries stored under the queue's keys; anything malformed (another version, manual edits) is skipped. */
export function unpackBuckets(stored: Record<string, unknown>): SyncEntry[] {
  const lists = Object.entries(stored)
    .filter(([key, value]) => key.startsWith(SYNC_KEY_PREFIX) && Array.isArray(value))
    .map(([, value]) => (value as unknown[]).map(toEntry).filter((entry): entry is SyncEntry => entry !== null));
  return mergeEntries(...lists);
}

/** Bytes used by keys that are not the queue's (settings share the sync area). */
export function bytesUsedByOthers(stored: Record<string, unknown>): number {
  return Object.entries(stored)
    .filter(([key]) => !key.startsWith(SYNC_KEY_PREFIX))
    .reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
}

/** Chrome reports quota problems as errors whose message names the limit. */
export function describeSyncError(error: unknown): { full: boolean; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (/QUOTA_BYTES|MAX_ITEMS/.test(message)) return { full: true, message: 'Sync storage is full; new changes stay on this device.' };
  if (/MAX_WRITE_OPERATIONS/.test(message)) return { full: false, message: 'Too many sync writes; Docent will retry shortly.' };
  return { full: false, message: `Sync failed: ${message}` };
}
