/**
 * Several surfaces writing the queue at once: two popups, the side panel and the background's sync
 * rounds, each with its own Dexie connection to the same database, as the extension's pages have.
 *
 * The oracle: IndexedDB runs read-write transactions over the same tables one at a time, in the
 * order they were created, and every queue edit is one such transaction (src/queue/queue-transaction.ts).
 * So whatever the race, the result must be the same operations applied one after another in that
 * commit order. A Dexie middleware records the order as each transaction is created.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDb, type DocentDb } from '@/src/db';
import * as repository from '@/src/queue/repository';
import { QueueInputError, sortQueue } from '@/src/queue/rules';
import { normaliseUrl, pageId } from '@/src/queue/page-url';
import { runSyncRound } from '@/src/queue/sync-round';
import type { QueueItem, QueueState } from '@/src/queue/types';
import { fuzzAsync, runsFor } from '../support/fuzz';
import { FakeSyncArea } from './fake-sync-area';
import { makeRead } from './fixtures';

type Surface = 'popupA' | 'popupB' | 'sidePanel' | 'background';

let counter = 0;
const opened: DocentDb[] = [];

/**
 * One open connection per surface on a fresh database. `commits` receives a surface's name each time
 * it creates a read-write transaction on the queue, i.e. in the order those transactions run.
 */
async function connectSurfaces<S extends Surface>(surfaces: readonly S[], commits: S[] = []): Promise<Record<S, DocentDb>> {
  const name = `queue-concurrency-${++counter}`;
  const dbs = surfaces.map((surface) => connect(name, surface, commits));
  // Open before racing: a connection's first transaction would otherwise wait for its opening.
  for (const db of dbs) await db.open();
  return Object.fromEntries(surfaces.map((surface, index) => [surface, dbs[index]])) as Record<S, DocentDb>;
}

function connect<S extends Surface>(name: string, surface: S, commits: S[]): DocentDb {
  const db = createDb(name);
  db.use({
    stack: 'dbcore',
    name: 'commit-order',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite' && stores.includes('queue')) commits.push(surface);
        return down.transaction(stores, mode, options);
      },
    }),
  });
  opened.push(db);
  return db;
}

async function closeAll(dbs: DocentDb[]): Promise<void> {
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await createDb(name).delete();
}

afterEach(() => closeAll(opened.splice(0)));

const ids = (items: readonly QueueItem[]) => items.map((item) => item.id);
const linkOf = (item: QueueItem) => (item.url === null ? null : normaliseUrl(item.url));

/** Every invariant a queue read back from any surface must satisfy: one item per id and per link. */
function expectNoDuplicates(queue: readonly QueueItem[]): void {
  expect(new Set(ids(queue)).size, 'one item per id').toBe(queue.length);
  const links = queue.map(linkOf).filter((link) => link !== null);
  expect(new Set(links).size, 'one item per link').toBe(links.length);
}

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

// ---------- Random races (property-based) ----------

const READ_IDS = ['a', 'b', 'c', 'd'] as const;
/** Two pages: one the same link as read `a` (a tracking parameter apart), one not in the catalogue. */
const PAGE_URLS = ['https://example.com/a?utm_source=feed', 'https://example.org/p'] as const;
const TARGETS = [...READ_IDS, ...PAGE_URLS.map((url) => pageId(url))];

type Op =
  | { kind: 'save'; read: string; at: number }
  | { kind: 'savePage'; url: string; at: number }
  | { kind: 'remove'; target: string; at: number }
  /** The snackbar's Undo of this surface's last remove. */
  | { kind: 'undo'; at: number }
  | { kind: 'setState'; target: string; state: QueueState; at: number }
  | { kind: 'move'; target: string; where: 'beforeId' | 'afterId'; other: string; at: number }
  | { kind: 'setNote'; target: string; note: string; at: number }
  | { kind: 'sync'; at: number };

/** Clocks are not trusted to agree with the commit order: every stamp comes from the same small range. */
const AT = fc.integer({ min: 1_000, max: 1_040 });
const TARGET = fc.constantFrom(...TARGETS);
const USER_OP: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), read: fc.constantFrom(...READ_IDS), at: AT }),
  fc.record({ kind: fc.constant('savePage' as const), url: fc.constantFrom(...PAGE_URLS), at: AT }),
  fc.record({ kind: fc.constant('remove' as const), target: TARGET, at: AT }),
  fc.record({ kind: fc.constant('undo' as const), at: AT }),
  fc.record({ kind: fc.constant('setState' as const), target: TARGET, state: fc.constantFrom<QueueState>('read', 'unread'), at: AT }),
  fc.record({ kind: fc.constant('move' as const), target: TARGET, where: fc.constantFrom('beforeId' as const, 'afterId' as const), other: TARGET, at: AT }),
  fc.record({ kind: fc.constant('setNote' as const), target: TARGET, note: fc.constantFrom('', 'see §3', 'diagrams'), at: AT }),
);
const USER_SCRIPT = fc.array(USER_OP, { maxLength: 6 });
const SYNC_SCRIPT = fc.array(fc.record({ kind: fc.constant('sync' as const), at: AT }), { maxLength: 3 });

type SurfaceState = { lastRemoved: QueueItem | null };

/** What an operation did: 'ok', or the name of the error it failed with. */
async function apply(db: DocentDb, op: Op, state: SurfaceState, area: FakeSyncArea): Promise<string> {
  try {
    switch (op.kind) {
      case 'save':
        await repository.save(db, makeRead(op.read), op.at);
        break;
      case 'savePage':
        await repository.savePage(db, { url: op.url, title: 'A page' }, op.at);
        break;
      case 'remove':
        state.lastRemoved = (await repository.remove(db, op.target, op.at)) ?? state.lastRemoved;
        break;
      case 'undo':
        await repository.restore(db, state.lastRemoved!, op.at);
        state.lastRemoved = null;
        break;
      case 'setState':
        await repository.setState(db, op.target, op.state, op.at);
        break;
      case 'move':
        await repository.move(db, op.target, { [op.where]: op.other } as { beforeId: string } | { afterId: string }, op.at);
        break;
      case 'setNote':
        await repository.setNote(db, op.target, op.note, op.at);
        break;
      case 'sync':
        await runSyncRound(db, area, op.at);
        break;
    }
    return 'ok';
  } catch (error) {
    if (error instanceof QueueInputError) return error.name;
    throw error;
  }
}

/** An Undo with nothing removed has no button to press: the surface skips it (and writes nothing). */
const isSkipped = (op: Op, state: SurfaceState) => op.kind === 'undo' && state.lastRemoved === null;

type Snapshot = { queue: QueueItem[]; tombstones: Array<{ id: string; deletedAt: number }> };
async function snapshot(db: DocentDb): Promise<Snapshot> {
  return { queue: await db.queue.toArray(), tombstones: await db.syncTombstones.toArray() };
}

/** Last-writer-wins sync needs every stored change of an item to carry a later stamp than the version it replaced. */
function expectStampsAdvanced(before: Snapshot, after: Snapshot, label: string): void {
  const previous = new Map(before.queue.map((item) => [item.id, item]));
  const deletedAt = new Map(before.tombstones.map((tombstone) => [tombstone.id, tombstone.deletedAt]));
  for (const item of after.queue) {
    const old = previous.get(item.id);
    if (old && JSON.stringify(old) === JSON.stringify(item)) continue;
    const floor = Math.max(old?.updatedAt ?? -Infinity, deletedAt.get(item.id) ?? -Infinity);
    expect(item.updatedAt, `${label}: ${item.id} stamped after the version it replaced`).toBeGreaterThan(floor);
  }
}

describe('random races (property-based)', () => {
  it('three surfaces and the background sync, racing in any interleaving, leave what their operations leave one after another in commit order', async () => {
    await fuzzAsync(
      fc.asyncProperty(fc.scheduler(), USER_SCRIPT, USER_SCRIPT, USER_SCRIPT, SYNC_SCRIPT, async (scheduler, popupA, popupB, sidePanel, background) => {
        const scripts: Record<Surface, Op[]> = { popupA, popupB, sidePanel, background };
        const surfaces = Object.keys(scripts) as Surface[];
        const commits: Surface[] = [];
        const dbs = await connectSurfaces(surfaces, commits);
        const replayDb = createDb(`${dbs.popupA.name}-replay`);
        opened.push(replayDb);
        try {
          // The race: every surface runs its script, one operation after another; the scheduler
          // decides when each surface issues its next one.
          const area = new FakeSyncArea();
          const issued: Record<Surface, Array<{ op: Op; outcome: string }>> = { popupA: [], popupB: [], sidePanel: [], background: [] };
          const runSurface = async (surface: Surface) => {
            const state: SurfaceState = { lastRemoved: null };
            for (const op of scripts[surface]) {
              await scheduler.schedule(Promise.resolve(), `${surface} ${op.kind}`);
              if (isSkipped(op, state)) continue;
              issued[surface].push({ op, outcome: await apply(dbs[surface], op, state, area) });
            }
          };
          await scheduler.waitFor(Promise.all(surfaces.map(runSurface)));
          const raced = await snapshot(dbs.popupA);

          // The oracle: the same operations on one connection, one after another, in commit order.
          const replayArea = new FakeSyncArea();
          const replayStates = Object.fromEntries(surfaces.map((surface) => [surface, { lastRemoved: null }])) as Record<Surface, SurfaceState>;
          const next = Object.fromEntries(surfaces.map((surface) => [surface, [...issued[surface]]])) as typeof issued;
          expect(commits.length, 'one transaction per operation').toBe(surfaces.reduce((sum, surface) => sum + issued[surface].length, 0));
          for (const [index, surface] of commits.entries()) {
            const { op, outcome } = next[surface].shift()!;
            const before = await snapshot(replayDb);
            const label = `commit ${index} (${surface} ${op.kind})`;
            expect(isSkipped(op, replayStates[surface]), `${label} has something to undo`).toBe(false);
            expect(await apply(replayDb, op, replayStates[surface], replayArea), label).toBe(outcome);
            expectStampsAdvanced(before, await snapshot(replayDb), label);
          }
          const replayed = await snapshot(replayDb);
          const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
          expect(raced.queue.sort(byId)).toEqual(replayed.queue.sort(byId));
          expect(raced.tombstones.sort(byId)).toEqual(replayed.tombstones.sort(byId));
          expect(area.data).toEqual(replayArea.data);
          expectNoDuplicates(raced.queue);

          // Every surface reads the same order, and one more sync round takes nothing back.
          const order = ids(sortQueue(raced.queue, 'manual'));
          for (const surface of surfaces) expect(ids(await repository.all(dbs[surface]))).toEqual(order);
          await runSyncRound(dbs.background, area, 1_050);
          expect((await snapshot(dbs.sidePanel)).queue.sort(byId)).toEqual(raced.queue);
        } finally {
          await closeAll(opened.splice(0));
        }
      }),
    );
    // About 15 ms a case on a busy machine; longer runs (DOCENT_FUZZ_RUNS) get the time they need.
  }, 10_000 + runsFor() * 40);
});
