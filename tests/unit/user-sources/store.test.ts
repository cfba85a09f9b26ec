import { afterEach, describe, expect, it } from 'vitest';
import { createDb, getMeta, syncCatalogue, type DocentDb } from '@/src/db';
import { idForUrl } from '@/src/catalogue/ids';
import * as queue from '@/src/queue/repository';
import {
  addUserSource,
  listUserSources,
  parseUserSource,
  previewUserSource,
  removeUserSource,
  type ParsedUserSource,
} from '@/src/user-sources';
import { freshDbName, makeRead } from '../db/helpers';

const opened: DocentDb[] = [];
function newDb(): DocentDb {
  const db = createDb(freshDbName());
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function parsedOk(fileName: string, text: string): ParsedUserSource {
  const result = parseUserSource(fileName, text);
  if (!result.ok) throw new Error(`expected a parsed source, got: ${result.error}`);
  return result;
}

const BUNDLED_URL = 'https://www.allthingsdistributed.com/2007/10/amazons_dynamo.html';
/** Two bundled reads, one of them also linked (with a trailing slash) from the user's list. */
const bundled = [
  makeRead(idForUrl(BUNDLED_URL), { url: BUNDLED_URL, title: "Amazon's Dynamo", origin: 'awesome-scalability' }),
  makeRead('listing-read'),
];

const STORAGE_MD = `# Storage reading
## Key-value stores
- [Dynamo: Amazon's Highly Available Key-value Store](${BUNDLED_URL}/)
- [Bigtable: A Distributed Storage System for Structured Data - Google](https://research.google/pubs/bigtable-a-distributed-storage-system-for-structured-data/)
## Logs
- [The Log: What every software engineer should know - Jay Kreps](https://engineering.linkedin.com/distributed-systems/log-what-every-software-engineer-should-know-about-real-time-datas-unifying)
`;

async function catalogueWithBundledReads(): Promise<DocentDb> {
  const db = newDb();
  await syncCatalogue(db, bundled, 'v1');
  return db;
}

describe('user sources in the database', () => {
  it('previews what is new and skips links the bundled catalogue already has', async () => {
    const db = await catalogueWithBundledReads();
    const parsed = parsedOk('storage.md', STORAGE_MD);

    const preview = await previewUserSource(db, parsed);
    expect(preview.toAdd.map((read) => read.title)).toEqual([
      'Bigtable: A Distributed Storage System for Structured Data - Google',
      'The Log: What every software engineer should know - Jay Kreps',
    ]);
    expect(preview.alreadyInCatalogue).toBe(1);
    expect(preview.replacing).toBeNull();
    expect(await db.reads.count()).toBe(2); // a preview writes nothing
  });

  it('adds the source and its reads together, and lists it', async () => {
    const db = await catalogueWithBundledReads();
    const parsed = parsedOk('storage.md', STORAGE_MD);

    const added = await addUserSource(db, parsed, '  My storage  list ', 1_700_000_000_000);
    expect(added).toMatchObject({ added: 2, alreadyInCatalogue: 1 });
    expect(await listUserSources(db)).toEqual([
      { id: parsed.sourceId, name: 'My storage list', kind: 'awesome-markdown', addedAt: 1_700_000_000_000, readCount: 2 },
    ]);
    const mine = await db.reads.where('userSourceId').equals(parsed.sourceId).toArray();
    expect(mine.map((read) => read.origin)).toEqual(['user', 'user']);
    // Indexed like bundled reads: tag keys for the tag facet.
    expect(mine.find((read) => read.title.startsWith('Bigtable'))?.tagKeys).toEqual(['bigtable', 'distributed storage']);
    // The bundled read was not overwritten by the user's copy.
    expect(await db.reads.get(idForUrl(BUNDLED_URL))).toMatchObject({ origin: 'awesome-scalability', title: "Amazon's Dynamo" });
  });

  it('uses the suggested name when none is given, and lists newest first', async () => {
    const db = newDb();
    await addUserSource(db, parsedOk('storage.md', STORAGE_MD), '', 1);
    await addUserSource(db, parsedOk('caching.md', '## Caching\n- [Caching at Scale](https://example.org/caching)\n'), '', 2);
    expect((await listUserSources(db)).map((source) => source.name)).toEqual(['caching', 'Storage reading']);
  });

  it('re-importing the same file name replaces that source and its reads', async () => {
    const db = await catalogueWithBundledReads();
    const first = parsedOk('storage.md', STORAGE_MD);
    await addUserSource(db, first, 'Storage', 1);
    const second = parsedOk('storage.md', '## Logs\n- [Kafka at LinkedIn](https://engineering.linkedin.com/kafka/kafka-linkedin)\n');
    expect(second.sourceId).toBe(first.sourceId);
    expect((await previewUserSource(db, second)).replacing?.name).toBe('Storage');

    await addUserSource(db, second, 'Storage', 2);
    const sources = await listUserSources(db);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ readCount: 1, addedAt: 2 });
    expect((await db.reads.where('origin').equals('user').toArray()).map((read) => read.title)).toEqual(['Kafka at LinkedIn']);
    expect(await db.reads.count()).toBe(bundled.length + 1);
  });

  it('skips a link another user source already brought, so removing one never takes the other’s read', async () => {
    const db = newDb();
    const shared = '## A\n- [Shared](https://example.org/shared)\n';
    await addUserSource(db, parsedOk('one.md', shared), 'One');
    const second = await addUserSource(db, parsedOk('two.md', `${shared}- [Own](https://example.org/own)\n`), 'Two');
    expect(second).toMatchObject({ added: 1, alreadyInCatalogue: 1 });

    await removeUserSource(db, second.source.id);
    expect((await db.reads.toArray()).map((read) => read.title)).toEqual(['Shared']);
  });

  it('removing a source deletes its reads and row but leaves the queue intact', async () => {
    const db = await catalogueWithBundledReads();
    const parsed = parsedOk('storage.md', STORAGE_MD);
    await addUserSource(db, parsed, 'Storage');
    const bigtable = parsed.reads.find((read) => read.title.startsWith('Bigtable'))!;
    await queue.save(db, bigtable, 1_700_000_000_000);

    expect(await removeUserSource(db, parsed.sourceId)).toBe(2);
    expect(await listUserSources(db)).toEqual([]);
    expect(await db.reads.where('origin').equals('user').count()).toBe(0);
    expect(await db.reads.count()).toBe(bundled.length);
    const queued = await queue.all(db);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ readId: bigtable.id, title: bigtable.title, url: bigtable.url, source: 'Google' });
  });

  it('removing an unknown source changes nothing', async () => {
    const db = await catalogueWithBundledReads();
    expect(await removeUserSource(db, 'user:nope')).toBe(0);
    expect(await db.reads.count()).toBe(bundled.length);
    expect(await getMeta(db, 'catalogueVersion')).toBe('v1');
  });

  it('user reads survive a new bundled catalogue version, even one that drops or adds the same links', async () => {
    const db = await catalogueWithBundledReads();
    const parsed = parsedOk('storage.md', STORAGE_MD);
    await addUserSource(db, parsed, 'Storage');
    const bigtable = parsed.reads.find((read) => read.title.startsWith('Bigtable'))!;

    // v2 drops both old reads and bundles the Bigtable paper itself.
    const counts = await syncCatalogue(db, [makeRead(bigtable.id, { url: bigtable.url, title: 'Bigtable (bundled)' }), makeRead('new')], 'v2');
    expect(counts).toMatchObject({ removed: 2 });
    expect(await db.reads.where('origin').equals('user').count()).toBe(2);
    expect(await db.reads.get(bigtable.id)).toMatchObject({ origin: 'user', userSourceId: parsed.sourceId });
    expect((await listUserSources(db))[0]!.readCount).toBe(2);
  });

  it('after removing a source that shadowed a bundled read, the next catalogue check brings it back', async () => {
    const db = await catalogueWithBundledReads();
    const parsed = parsedOk('storage.md', STORAGE_MD);
    await addUserSource(db, parsed, 'Storage');
    const bigtable = parsed.reads.find((read) => read.title.startsWith('Bigtable'))!;
    const v2 = [...bundled, makeRead(bigtable.id, { url: bigtable.url, title: 'Bigtable (bundled)' })];
    await syncCatalogue(db, v2, 'v2');

    await removeUserSource(db, parsed.sourceId);
    expect(await getMeta(db, 'catalogueVersion')).toBeUndefined();
    await syncCatalogue(db, v2, 'v2');
    expect(await db.reads.get(bigtable.id)).toMatchObject({ origin: 'listing', title: 'Bigtable (bundled)' });
  });
});
