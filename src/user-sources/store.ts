/**
 * User sources in the database: a `userSources` row per imported file and its reads in `reads`
 * (origin 'user', tagged with the source's id), so search and suggestions see them like bundled
 * reads and catalogue updates leave them alone. The queue is never touched: a queued read keeps
 * its own snapshot when its source goes.
 */
import type { Read } from '@/src/catalogue/types';
import { bumpReadsRevision, toStoredRead, type DocentDb, type UserSource } from '@/src/db';
import { normaliseUrl } from '@/src/queue/page-url';
import type { ParsedUserSource } from './parse';

export const MAX_SOURCE_NAME_LENGTH = 120;

/** The reads of a source the catalogue does not hold yet, and how many it already holds. */
export type UserSourcePreview = {
  toAdd: Read[];
  /** Links the catalogue already has (bundled, or from another of the user's sources): skipped. */
  alreadyInCatalogue: number;
  /** The source a file of the same name created earlier; adding replaces its reads. */
  replacing: UserSource | null;
};

export type AddedUserSource = { source: UserSource; added: number; alreadyInCatalogue: number };

/** What identifies a read already in the catalogue: its id, or the same link written differently. */
type KnownRead = Pick<Read, 'id' | 'url' | 'userSourceId'>;

/**
 * Splits `reads` into new ones and ones the catalogue already holds. Reads of the source being
 * replaced (`sourceId`) do not count as known: they are about to be replaced.
 */
function withoutKnownReads(reads: readonly Read[], known: readonly KnownRead[], sourceId: string): { toAdd: Read[]; alreadyInCatalogue: number } {
  const others = known.filter((read) => read.userSourceId !== sourceId);
  const knownIds = new Set(others.map((read) => read.id));
  const knownUrls = new Set(others.flatMap((read) => (read.url ? [comparableUrl(read.url)] : [])));
  const toAdd = reads.filter((read) => !knownIds.has(read.id) && !(read.url && knownUrls.has(comparableUrl(read.url))));
  return { toAdd, alreadyInCatalogue: reads.length - toAdd.length };
}

/** Bundled URLs were never checked by acceptedUrl, so one that does not parse is compared as written. */
function comparableUrl(url: string): string {
  return URL.canParse(url) ? normaliseUrl(url) : url;
}

async function knownReads(db: DocentDb): Promise<KnownRead[]> {
  const known: KnownRead[] = [];
  await db.reads.each((read) => known.push({ id: read.id, url: read.url, userSourceId: read.userSourceId }));
  return known;
}

export async function previewUserSource(db: DocentDb, parsed: ParsedUserSource): Promise<UserSourcePreview> {
  const [known, replacing] = await Promise.all([knownReads(db), db.userSources.get(parsed.sourceId)]);
  return { ...withoutKnownReads(parsed.reads, known, parsed.sourceId), replacing: replacing ?? null };
}

function cleanName(name: string, fallback: string): string {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_SOURCE_NAME_LENGTH);
  return clean || fallback;
}

/**
 * Adds the source and its new reads in one transaction; a source from a file of the same name is
 * replaced (its old reads deleted first). Reads the catalogue already holds are skipped, so a
 * bundled read is never overwritten.
 */
export async function addUserSource(db: DocentDb, parsed: ParsedUserSource, name: string, now = Date.now()): Promise<AddedUserSource> {
  return db.transaction('rw', db.reads, db.userSources, db.meta, async () => {
    const { toAdd, alreadyInCatalogue } = withoutKnownReads(parsed.reads, await knownReads(db), parsed.sourceId);
    const replaced = await deleteReadsOf(db, parsed.sourceId);
    const source: UserSource = {
      id: parsed.sourceId,
      name: cleanName(name, parsed.name),
      kind: parsed.kind,
      addedAt: now,
      readCount: toAdd.length,
    };
    // Stamped here too: origin 'user' is what keeps syncCatalogue from ever deleting these reads.
    await db.reads.bulkPut(toAdd.map((read) => toStoredRead({ ...read, origin: 'user', userSourceId: parsed.sourceId })));
    await db.userSources.put(source);
    await bumpReadsRevision(db);
    if (replaced > 0) await forgetCatalogueVersion(db);
    return { source, added: toAdd.length, alreadyInCatalogue };
  });
}

/** Every user source, most recently added first. */
export async function listUserSources(db: DocentDb): Promise<UserSource[]> {
  return db.userSources.orderBy('addedAt').reverse().toArray();
}

/** Removes a source and its reads; resolves to the number of reads removed. Queued reads stay queued. */
export async function removeUserSource(db: DocentDb, id: string): Promise<number> {
  return db.transaction('rw', db.reads, db.userSources, db.meta, async () => {
    const removed = await deleteReadsOf(db, id);
    await db.userSources.delete(id);
    await bumpReadsRevision(db);
    if (removed > 0) await forgetCatalogueVersion(db);
    return removed;
  });
}

function deleteReadsOf(db: DocentDb, sourceId: string): Promise<number> {
  return db.reads
    .where('userSourceId')
    .equals(sourceId)
    .and((read) => read.origin === 'user')
    .delete();
}

/**
 * A user read wins over a bundled read with the same id that a later catalogue version brought
 * (see syncCatalogue), so deleting user reads can leave a bundled read missing. Forgetting the
 * loaded version makes the next catalogue check re-sync and bring such reads back.
 */
async function forgetCatalogueVersion(db: DocentDb): Promise<void> {
  await db.meta.delete('catalogueVersion');
}
