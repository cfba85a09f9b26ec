import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type DocentDb } from '@/src/db';
import * as repository from '@/src/queue/repository';
import { QueueStorageFullError } from '@/src/queue/repository';
import { applyImport } from '@/src/queue/import-repository';
import { QueueInputError } from '@/src/queue/rules';
import { exportJson } from '@/src/queue/formats/json';
import { previewImport } from '@/src/queue/import';
import { makeRead } from './fixtures';

let counter = 0;
const opened: DocentDb[] = [];
function freshDb(name = `queue-repo-${++counter}`): DocentDb {
  const db = createDb(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await db.delete();
});

describe('queue repository', () => {
  it('saves, edits, removes with a tombstone, and undoes', async () => {
    const db = freshDb();
    await repository.save(db, makeRead('a'), 100);
    const page = await repository.savePage(db, { url: 'https://example.org/p', title: 'P' }, 200);
    expect((await repository.save(db, makeRead('a'), 300)).addedAt).toBe(100);
    await repository.setState(db, 'a', 'read', 400);
    await repository.setNote(db, 'a', 'great diagrams', 500);
    await repository.move(db, 'a', { beforeId: page.id }, 600);
    expect((await repository.all(db)).map((item) => [item.id, item.state, item.note])).toEqual([
      ['a', 'read', 'great diagrams'],
      [page.id, 'unread', ''],
    ]);

    const removed = await repository.remove(db, 'a', 700);
    expect(await db.syncTombstones.toArray()).toEqual([{ id: 'a', deletedAt: 700 }]);
    await repository.restore(db, removed!, 800);
    expect(await db.syncTombstones.count()).toBe(0);
    expect(await db.queue.get('a')).toEqual({ ...removed, updatedAt: 800 });
    expect(await repository.remove(db, 'missing')).toBeNull();
  });

  it('rejects non-web pages and unknown ids with typed errors', async () => {
    const db = freshDb();
    await expect(repository.savePage(db, { url: 'javascript:alert(1)', title: 'x' })).rejects.toThrow(QueueInputError);
    await expect(repository.setState(db, 'nope', 'read')).rejects.toThrow('No saved read with id nope');
  });

  it('JSON export → wipe → import restores the queue exactly', async () => {
    const db = freshDb();
    for (const id of ['a', 'b', 'c']) await repository.save(db, makeRead(id), 1_000 + id.charCodeAt(0));
    await repository.savePage(db, { url: 'https://example.org/p?x=1', title: 'Page' }, 2_000);
    await repository.setState(db, 'b', 'read', 3_000);
    await repository.setNote(db, 'c', 'note with "quotes" and ünïcode ✓', 4_000);
    await repository.move(db, 'a', { beforeId: 'c' }, 5_000);
    const before = await repository.all(db);
    const file = exportJson(before, 6_000);

    await db.queue.clear();
    expect(await repository.all(db)).toEqual([]);
    const preview = previewImport(await repository.all(db), file, 'docent-queue.json', 7_000);
    expect(preview.ok && preview.toAdd).toHaveLength(4);
    expect(await applyImport(db, preview, 7_000)).toBe(4);
    expect(await repository.all(db)).toEqual(before);
  });

  it('re-importing an item removed on this device makes it newer than its deletion', async () => {
    const db = freshDb();
    await repository.save(db, makeRead('a'), 100);
    const file = exportJson(await repository.all(db), 150);
    await repository.remove(db, 'a', 200);
    await applyImport(db, previewImport([], file, 'q.json', 300), 300);
    expect((await db.queue.get('a'))?.updatedAt).toBe(300);
    expect(await db.syncTombstones.count()).toBe(0);
  });

  it('reports a full disk with a typed error and keeps what was saved', async () => {
    const db = freshDb();
    await repository.save(db, makeRead('a'), 100);
    const spy = vi.spyOn(db.queue, 'bulkPut').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const attempt = repository.save(db, makeRead('b'), 200);
    await expect(attempt).rejects.toBeInstanceOf(QueueStorageFullError);
    await expect(attempt).rejects.toThrow('Your saved reads are safe');
    spy.mockRestore();
    expect((await repository.all(db)).map((item) => item.id)).toEqual(['a']);
  });

  it('two pages writing at once both land (transactions serialise)', async () => {
    const name = `queue-repo-shared-${++counter}`;
    const popupA = freshDb(name);
    const popupB = freshDb(name);
    await Promise.all([
      ...['a1', 'a2', 'a3'].map((id, index) => repository.save(popupA, makeRead(id), 10 + index)),
      ...['b1', 'b2', 'b3'].map((id, index) => repository.save(popupB, makeRead(id), 10 + index)),
    ]);
    const items = await repository.all(popupA);
    expect(items.map((item) => item.id).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
    expect(new Set(items.map((item) => item.position)).size).toBe(6);
  });
});
