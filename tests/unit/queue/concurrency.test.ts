/**
 * Several surfaces writing the queue at once: two popups, the side panel and the background's sync
 * rounds, each with its own Dexie connection to the same database, as the extension's pages have.
 *
 * The oracle: IndexedDB runs read-write transactions over the same tables one at a time, in the
 * order they were created, and every queue edit is one such transaction (src/queue/queue-transaction.ts).
 * So whatever the race, the result must be the same operations applied one after another in that
 * commit order. A Dexie middleware records the order as each transaction is created.
 */
import { describe, expect, it } from 'vitest';
import { createDb, type DocentDb } from '@/src/db';
import * as repository from '@/src/queue/repository';
import { QueueInputError } from '@/src/queue/rules';
import { pageId } from '@/src/queue/page-url';
import { runSyncRound } from '@/src/queue/sync-round';
import { FakeSyncArea } from './fake-sync-area';
import { makeRead } from './fixtures';
import { closeAll, connectSurfaces, expectNoDuplicates, ids, opened, type Surface } from './concurrency-surfaces';

describe('saves racing each other', () => {
  it('the same read saved from three surfaces at once is queued once, and every surface gets that one item back', async () => {
    const { popupA, popupB, sidePanel } = await connectSurfaces(['popupA', 'popupB', 'sidePanel']);
    await repository.save(popupA, makeRead('older'), 10);
    const returned = await Promise.all([popupA, popupB, sidePanel].map((db, index) => repository.save(db, makeRead('fencing'), 100 + index)));

    expect(new Set(returned.map((item) => JSON.stringify(item))).size).toBe(1);
    for (const db of [popupA, popupB, sidePanel]) {
      const queue = await repository.all(db);
      expect(ids(queue)).toEqual(['fencing', 'older']);
      expect(queue[0]).toEqual(returned[0]);
    }
  });

  it('interleaved saves of overlapping lists from three surfaces: each read once, in commit order, no shared position', async () => {
    const commits: Surface[] = [];
    const dbs = await connectSurfaces(['popupA', 'popupB', 'sidePanel'], commits);
    const lists: Record<'popupA' | 'popupB' | 'sidePanel', string[]> = {
      popupA: ['a', 'b', 'c', 'd'],
      popupB: ['c', 'b', 'e'],
      sidePanel: ['e', 'a', 'f'],
    };
    // Each surface saves one read after another, as a user does; the surfaces run at the same time.
    await Promise.all(
      Object.entries(lists).map(async ([surface, readIds]) => {
        for (const id of readIds) await repository.save(dbs[surface as keyof typeof lists], makeRead(id), 100);
      }),
    );

    const queue = await repository.all(dbs.popupA);
    expectNoDuplicates(queue);
    expect(new Set(queue.map((item) => item.position)).size, 'distinct positions').toBe(queue.length);
    // Newest first: the first commit that saved a read put it on top of everything saved before it.
    const remaining = { popupA: [...lists.popupA], popupB: [...lists.popupB], sidePanel: [...lists.sidePanel] };
    const firstSaves: string[] = [];
    for (const surface of commits as Array<keyof typeof lists>) {
      const id = remaining[surface].shift()!;
      if (!firstSaves.includes(id)) firstSaves.push(id);
    }
    expect(ids(queue)).toEqual([...firstSaves].reverse());
    expect(new Set(commits), 'the surfaces really interleaved').toEqual(new Set(['popupA', 'popupB', 'sidePanel']));
    expect(commits.slice(0, 3), 'every surface had a save in flight before any second save').toEqual(
      expect.arrayContaining(['popupA', 'popupB', 'sidePanel']),
    );
  });

  it('a page and the catalogue read with the same link, saved at once from two surfaces, end up as one item, whichever commits first', async () => {
    for (const pageFirst of [true, false]) {
      const commits: Surface[] = [];
      const { popupA, sidePanel } = await connectSurfaces(['popupA', 'sidePanel'], commits);
      await repository.save(popupA, makeRead('older'), 10);
      const read = makeRead('fencing-tokens', { url: 'https://martin.example/fencing' });
      const savePage = () => repository.savePage(popupA, { url: 'https://martin.example/fencing/?utm_source=feed', title: 'Fencing' }, 100);
      const saveRead = () => repository.save(sidePanel, read, 101);
      // Both are in flight before either commits; which one is created first decides the commit order.
      await Promise.all(pageFirst ? [savePage(), saveRead()] : [saveRead(), savePage()]);
      expect(commits.slice(1)).toEqual(pageFirst ? ['popupA', 'sidePanel'] : ['sidePanel', 'popupA']);

      const queue = await repository.all(sidePanel);
      expectNoDuplicates(queue);
      // The read is the richer entry (tags, reading time, a link to its catalogue entry), so it is what stays.
      expect(ids(queue), pageFirst ? 'page first' : 'read first').toEqual(['fencing-tokens', 'older']);
      // A replaced page leaves a tombstone, so sync takes it out on other devices too.
      expect(await sidePanel.syncTombstones.get(pageId('https://martin.example/fencing'))).toEqual(pageFirst ? expect.anything() : undefined);
      await closeAll(opened.splice(0));
    }
  });

  it('undoing the removal of a page whose link another surface saved as the read meanwhile keeps one item', async () => {
    const { popupA, sidePanel } = await connectSurfaces(['popupA', 'sidePanel']);
    const page = await repository.savePage(popupA, { url: 'https://martin.example/fencing', title: 'Fencing' }, 100);
    const removed = await repository.remove(popupA, page.id, 200);
    await repository.save(sidePanel, makeRead('fencing-tokens', { url: 'https://martin.example/fencing' }), 300);
    await repository.restore(popupA, removed!, 400);
    expect(ids(await repository.all(popupA))).toEqual(['fencing-tokens']);
  });
});

describe('reorders racing each other', () => {
  it('two popups moving items at once, many times into the same gap: positions stay distinct and both read one order, the commit-order one', async () => {
    const commits: Surface[] = [];
    const { popupA, popupB } = await connectSurfaces(['popupA', 'popupB'], commits);
    const seeded = ['top', 'a1', 'a2', 'b1', 'b2', 'bottom'];
    for (const [index, id] of [...seeded].reverse().entries()) await repository.save(popupA, makeRead(id), index);

    // Each popup keeps dragging its items to just below `top`: 60 moves halve the same gap until
    // floating point runs out, so the queue has to be renumbered on the way.
    const movesOf = (mine: string[]) => Array.from({ length: 30 }, (_, index) => mine[index % mine.length]!);
    const plans = { popupA: movesOf(['a1', 'a2']), popupB: movesOf(['b1', 'b2']) };
    const run = async (db: DocentDb, moves: string[]) => {
      for (const id of moves) await repository.move(db, id, { afterId: 'top' });
    };
    await Promise.all([run(popupA, plans.popupA), run(popupB, plans.popupB)]);

    const [fromA, fromB] = await Promise.all([repository.all(popupA), repository.all(popupB)]);
    expect(fromB).toEqual(fromA);
    expect(new Set(fromA.map((item) => item.position)).size, 'distinct positions').toBe(seeded.length);
    // Without renumbering, 60 halvings would have left gaps far below 1e-9.
    const positions = fromA.map((item) => item.position);
    expect(Math.min(...positions.slice(1).map((position, index) => position - positions[index]!))).toBeGreaterThan(1e-9);

    // The same moves one after another, in the order they committed, give the same order.
    const replay = createDb(`${popupA.name}-replay`);
    opened.push(replay);
    for (const [index, id] of [...seeded].reverse().entries()) await repository.save(replay, makeRead(id), index);
    const next = { popupA: [...plans.popupA], popupB: [...plans.popupB] };
    for (const surface of commits.slice(seeded.length) as Array<keyof typeof next>) {
      await repository.move(replay, next[surface].shift()!, { afterId: 'top' });
    }
    expect(ids(fromA)).toEqual(ids(await repository.all(replay)));
    expect(commits.slice(seeded.length).join(' '), 'the popups interleaved').toMatch(/popupA popupB|popupB popupA/);
    expect(ids(fromA).at(-1)).toBe('bottom');
    expect(ids(fromA)[0]).toBe('top');
  });
});

describe('a remove racing an edit of the same item', () => {
  const edits = {
    'a reorder': (db: DocentDb) => repository.move(db, 'x', { afterId: 'z' }, 300),
    'a mark-read': (db: DocentDb) => repository.setState(db, 'x', 'read', 300),
  };
  for (const [name, edit] of Object.entries(edits)) {
    for (const removeFirst of [true, false]) {
      it(`${name} and a remove from another popup, the ${removeFirst ? 'remove' : 'edit'} committing first: the item stays removed, once`, async () => {
        const commits: Surface[] = [];
        const { popupA, popupB, background } = await connectSurfaces(['popupA', 'popupB', 'background'], commits);
        for (const [index, id] of ['x', 'y', 'z'].entries()) await repository.save(popupA, makeRead(id), 100 + index);
        const area = new FakeSyncArea();
        await runSyncRound(background, area, 200);

        const remove = () => repository.remove(popupA, 'x', 301);
        const settled = await Promise.allSettled(removeFirst ? [remove(), edit(popupB)] : [edit(popupB), remove()]);
        expect(commits.slice(-2)).toEqual(removeFirst ? ['popupA', 'popupB'] : ['popupB', 'popupA']);
        const editOutcome = settled[removeFirst ? 1 : 0]!;
        if (removeFirst) {
          // The edit found nothing to edit: a typed error for the caller, nothing written.
          expect(editOutcome.status).toBe('rejected');
          expect((editOutcome as PromiseRejectedResult).reason).toBeInstanceOf(QueueInputError);
        } else {
          expect(editOutcome.status).toBe('fulfilled');
        }

        // Not resurrected by the edit, nor by the next sync round, on any surface.
        await runSyncRound(background, area, 400);
        for (const db of [popupA, popupB, background]) {
          const queue = await repository.all(db);
          expect(ids(queue)).toEqual(['z', 'y']);
          expectNoDuplicates(queue);
          expect(await db.syncTombstones.get('x')).toEqual({ id: 'x', deletedAt: 301 });
        }
      });
    }
  }
});

describe('stamps follow the commit order', () => {
  it('a change that commits after a synced one is stamped after it, even when its clock reads earlier, so sync keeps it', async () => {
    const { popupA, popupB, background } = await connectSurfaces(['popupA', 'popupB', 'background']);
    const area = new FakeSyncArea();
    await repository.save(popupA, makeRead('y'), 1_000);
    await repository.save(popupA, makeRead('x'), 1_001);
    // Popup B moves x; the background syncs that. Then popup A's mark-read of x commits, stamped
    // 2_000 (clicked before the move, or the clock stepped back), after the 2_050 that sync now holds.
    await repository.move(popupB, 'x', { afterId: 'y' }, 2_050);
    await runSyncRound(background, area, 2_100);
    await repository.setState(popupA, 'x', 'read', 2_000);
    const beforeRound = await repository.all(popupA);
    await runSyncRound(background, area, 2_200);

    const queue = await repository.all(popupB);
    expect(queue).toEqual(beforeRound);
    expect(queue.map((item) => [item.id, item.state])).toEqual([
      ['y', 'unread'],
      ['x', 'read'],
    ]);
    expect(queue[1]!.updatedAt).toBeGreaterThan(2_050);
  });
});
