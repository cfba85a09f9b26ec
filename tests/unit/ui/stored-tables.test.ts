/**
 * The popup's Dexie-free reads against a database Dexie wrote, and its live updates through
 * Dexie's own mutation channel: if a Dexie upgrade renames that channel or changes what it
 * announces, these tests fail before a popup goes stale.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, setMeta, type DocentDb } from '@/src/db';
import { save, setNote } from '@/src/queue/repository';
import type { QueueItem } from '@/src/queue/types';
import { allRows, onTablesChanged, rowByKey, rowCount } from '@/src/ui/stored-tables';
import { makeRead } from '../support/reads';

let name: string;
let db: DocentDb;

beforeEach(() => {
  name = `stored-tables-${Math.random()}`;
  db = createDb(name);
});

afterEach(async () => {
  await db.delete();
});

/** Resolves with how often `listener` ran once `action` is done and the channel had time to deliver. */
async function notificationsDuring(tables: Parameters<typeof onTablesChanged>[0], action: () => Promise<unknown>): Promise<number> {
  let calls = 0;
  const stop = onTablesChanged(tables, () => calls++, name);
  try {
    await action();
    await new Promise((resolve) => setTimeout(resolve, 50));
    return calls;
  } finally {
    stop();
  }
}

describe('stored tables', () => {
  it('reads nothing from a database that does not exist yet, and does not create it', async () => {
    const missing = `missing-${Math.random()}`;
    expect(await allRows('queue', missing)).toEqual([]);
    expect(await rowCount('reads', missing)).toBe(0);
    expect(await rowByKey('meta', 'catalogueProblem', missing)).toBeUndefined();
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(missing);
  });

  it('reads the rows Dexie stored', async () => {
    await save(db, makeRead('r1', { title: 'Raft' }));
    await setMeta(db, 'catalogueProblem', { reason: 'failed', version: null, at: 1 });
    const queue = await allRows<QueueItem>('queue', name);
    expect(queue.map((item) => [item.id, item.title])).toEqual([['r1', 'Raft']]);
    expect(await rowCount('queue', name)).toBe(1);
    expect(await rowByKey('meta', 'catalogueProblem', name)).toEqual({ key: 'catalogueProblem', value: { reason: 'failed', version: null, at: 1 } });
  });

  it('hears every Dexie write to the tables it watches, and not to others', async () => {
    await db.open();
    expect(await notificationsDuring(['queue'], () => save(db, makeRead('r1')))).toBeGreaterThanOrEqual(1);
    expect(await notificationsDuring(['queue'], () => setNote(db, 'r1', 'fencing'))).toBeGreaterThanOrEqual(1);
    expect(await notificationsDuring(['meta'], () => setMeta(db, 'readsRevision', 3))).toBeGreaterThanOrEqual(1);
    expect(await notificationsDuring(['queue'], () => setMeta(db, 'readsRevision', 4))).toBe(0);
  });

  it('stops hearing once unsubscribed', async () => {
    let calls = 0;
    const stop = onTablesChanged(['queue'], () => calls++, name);
    stop();
    await save(db, makeRead('r2'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(0);
  });
});
