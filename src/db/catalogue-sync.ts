/**
 * Bring the `reads` table in line with a bundled catalogue: add new reads, update changed ones,
 * delete bundled reads that are gone. User-imported reads and the queue are never touched, so a
 * queued read that leaves the catalogue stays queued with its own snapshot.
 *
 * One transaction: when the disk fills up part-way it rolls back, leaving the previous catalogue
 * (or none) whole and `catalogueVersion` unchanged, so the next load tries again.
 */
import type { Read } from '@/src/catalogue/types';
import type { DocentDb } from './database';
import { bumpReadsRevision, getMeta, setMeta } from './database';
import type { CatalogueSyncRecord } from './tables/meta';
import { retryOnConnectionLoss } from './storage-errors';
import { fromStoredRead, toStoredRead, type StoredRead } from './tables/reads';

/** Reads written per bulkPut while loading a catalogue. */
const WRITE_SLICE = 2_000;

export type CatalogueSyncCounts = { added: number; updated: number; removed: number; unchanged: number };

export async function syncCatalogue(db: DocentDb, reads: readonly Read[], version: string): Promise<CatalogueSyncCounts> {
  assertValidCatalogue(reads, version);
  const startedAt = performance.now();

  // The transaction compares with what is stored when it runs, so a rerun after a lost connection is safe.
  // (An async scope function: Dexie keeps its transaction across native awaits only for those.)
  const { counts, wrote } = await retryOnConnectionLoss(db, () => db.transaction('rw', db.reads, db.meta, async () => applyCatalogue(db, reads, version, startedAt)));
  if (wrote) {
    // Written again after the commit, so the duration is what the load really took (IndexedDB's
    // commit of a large catalogue is a good part of it). Only diagnostics: if this small write is
    // lost, the record from inside the transaction stands.
    await setMeta(db, 'lastCatalogueSync', syncRecord(version, counts, startedAt, true));
  }
  return counts;
}

function syncRecord(version: string, counts: CatalogueSyncCounts, startedAt: number, committed: boolean): CatalogueSyncRecord {
  return { version, at: Date.now(), durationMs: Math.round(performance.now() - startedAt), committed, ...counts };
}

/** The body of {@link syncCatalogue}'s transaction; `wrote` is false when this version was already stored. */
async function applyCatalogue(db: DocentDb, reads: readonly Read[], version: string, startedAt: number): Promise<{ counts: CatalogueSyncCounts; wrote: boolean }> {
  if ((await getMeta(db, 'catalogueVersion')) === version) {
    return { counts: { added: 0, updated: 0, removed: 0, unchanged: reads.length }, wrote: false };
  }

  const stored = new Map<string, StoredRead>((await db.reads.toArray()).map((read) => [read.id, read]));

  const toPut: StoredRead[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const incomingIds = new Set<string>();
  for (const read of reads) {
    incomingIds.add(read.id);
    const existing = stored.get(read.id);
    if (existing === undefined) {
      added++;
      toPut.push(toStoredRead(read));
    } else if (existing.origin === 'user') {
      // The user imported this URL themselves; their read (and its source) wins.
      unchanged++;
    } else if (sameRead(fromStoredRead(existing), read)) {
      unchanged++;
    } else {
      updated++;
      toPut.push(toStoredRead(read));
    }
  }
  const toDelete = [...stored.values()]
    .filter((read) => read.origin !== 'user' && !incomingIds.has(read.id))
    .map((read) => read.id);

  // In slices: between them the worker's event loop answers messages (a 100k-read catalogue
  // would otherwise leave the popup waiting for seconds); the transaction stays one.
  for (let start = 0; start < toPut.length; start += WRITE_SLICE) {
    await db.reads.bulkPut(toPut.slice(start, start + WRITE_SLICE));
  }
  await db.reads.bulkDelete(toDelete);
  await setMeta(db, 'catalogueVersion', version);
  await bumpReadsRevision(db);
  const counts = { added, updated, removed: toDelete.length, unchanged };
  await setMeta(db, 'lastCatalogueSync', syncRecord(version, counts, startedAt, false));
  await db.meta.delete('catalogueProblem');
  return { counts, wrote: true };
}

/** Field-by-field equality, independent of key order in the JSON. */
function sameRead(a: Read, b: Read): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(read: Read): string {
  return JSON.stringify(read, Object.keys(read).sort());
}

function assertValidCatalogue(reads: readonly Read[], version: string): void {
  if (typeof version !== 'string' || version.trim() === '') {
    throw new Error('syncCatalogue: the catalogue version must be a non-empty string');
  }
  if (!Array.isArray(reads)) {
    throw new Error(`syncCatalogue: expected an array of reads, got ${typeof reads}`);
  }
  const seen = new Set<string>();
  reads.forEach((read, index) => {
    if (typeof read !== 'object' || read === null || typeof read.id !== 'string' || read.id === '') {
      throw new Error(`syncCatalogue: read #${index} has no string id`);
    }
    if (typeof read.title !== 'string' || !Array.isArray(read.tags)) {
      throw new Error(`syncCatalogue: read "${read.id}" lacks a title or a tags array`);
    }
    if (read.origin === 'user') {
      throw new Error(`syncCatalogue: read "${read.id}" has origin "user"; the bundled catalogue holds only bundled reads`);
    }
    if (seen.has(read.id)) throw new Error(`syncCatalogue: duplicate read id "${read.id}"`);
    seen.add(read.id);
  });
}
