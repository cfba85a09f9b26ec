import { afterEach, describe, expect, it } from 'vitest';
import { bumpReadsRevision, createDb, watchReadsRevision, type DocentDb } from '@/src/db';
import { freshDbName } from './helpers';

let db: DocentDb;
afterEach(async () => {
  await db.delete();
});

describe('watchReadsRevision', () => {
  it('answers the stored revision, then follows every bump without being asked again', async () => {
    db = createDb(freshDbName());
    const watch = watchReadsRevision(db);
    const seen: number[] = [];
    watch.onChange((revision) => seen.push(revision));
    expect(await watch.current()).toBe(0);

    await db.transaction('rw', db.meta, () => bumpReadsRevision(db));
    await expect.poll(() => watch.current()).toBe(1);
    expect(seen).toEqual([0, 1]);
  });
});
