/**
 * JSON export/import: the complete queue in a versioned schema. Lossless: every field of every
 * item is written, so export → wipe → import restores the queue exactly.
 */
import type { QueueItem } from '../types';
import { sortQueue } from '../rules';
import type { ImportEntry, ParseResult, Rejection } from './parsed';

export const JSON_FORMAT = 'docent-queue';
const JSON_VERSION = 1;

export type QueueExportFile = {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  items: QueueItem[];
};

export function exportJson(items: readonly QueueItem[], now: number): string {
  const file: QueueExportFile = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt: new Date(now).toISOString(),
    items: sortQueue(items, 'manual').map(pickItemFields),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Writes fields in a fixed order and drops anything that is not part of QueueItem. */
function pickItemFields(item: QueueItem): QueueItem {
  const { id, readId, title, url, source, tags, readMinutes, addedAt, state, readAt, position, note, updatedAt } = item;
  return { id, readId, title, url, source, tags, readMinutes, addedAt, state, readAt, position, note, updatedAt };
}

export function parseJsonExport(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `This file is not valid JSON (${(error as Error).message}).` };
  }
  if (!isRecord(data) || data.format !== JSON_FORMAT) {
    return { ok: false, error: 'This JSON file is not a Docent queue export (no "format": "docent-queue").' };
  }
  if (data.version !== JSON_VERSION) {
    return {
      ok: false,
      error:
        typeof data.version === 'number' && data.version > JSON_VERSION
          ? `This export was made by a newer Docent (format version ${data.version}); update Docent to import it.`
          : `Unknown Docent export version: ${JSON.stringify(data.version)}.`,
    };
  }
  if (!Array.isArray(data.items)) return { ok: false, error: 'This Docent export has no "items" list.' };

  const entries: ImportEntry[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  data.items.forEach((raw: unknown, index: number) => {
    const where = `item ${index + 1}${isRecord(raw) && typeof raw.title === 'string' ? ` (${raw.title.slice(0, 80)})` : ''}`;
    const checked = toQueueItem(raw);
    if (typeof checked === 'string') return rejected.push({ where, reason: checked });
    if (seen.has(checked.id)) return rejected.push({ where, reason: `duplicate id ${checked.id}` });
    seen.add(checked.id);
    entries.push({ kind: 'item', where, item: checked });
  });
  return { ok: true, entries, rejected };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** The item, or why it is not one. */
function toQueueItem(raw: unknown): QueueItem | string {
  if (!isRecord(raw)) return 'not an object';
  const r = raw;
  if (typeof r.id !== 'string' || r.id === '' || r.id.length > 2048) return 'missing or invalid "id"';
  if (!isStringOrNull(r.readId)) return '"readId" must be a string or null';
  if (typeof r.title !== 'string') return 'missing "title"';
  if (!isStringOrNull(r.url)) return '"url" must be a string or null';
  if (typeof r.source !== 'string') return 'missing "source"';
  if (!Array.isArray(r.tags) || !r.tags.every((tag) => typeof tag === 'string')) return '"tags" must be a list of strings';
  if (r.readMinutes !== null && !isTime(r.readMinutes)) return '"readMinutes" must be a non-negative number or null';
  if (!isTime(r.addedAt)) return '"addedAt" must be a timestamp';
  if (r.state !== 'unread' && r.state !== 'read') return '"state" must be "unread" or "read"';
  if (r.readAt !== null && !isTime(r.readAt)) return '"readAt" must be a timestamp or null';
  if (typeof r.position !== 'number' || !Number.isFinite(r.position)) return '"position" must be a number';
  if (typeof r.note !== 'string') return '"note" must be a string';
  if (!isTime(r.updatedAt)) return '"updatedAt" must be a timestamp';
  return pickItemFields({ ...(r as QueueItem), tags: [...(r.tags as string[])] });
}
