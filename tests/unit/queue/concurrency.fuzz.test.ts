/**
 * Random races between two popups, the side panel and the background's sync rounds (see
 * ./concurrency.test.ts for the oracle): whatever the interleaving, the result is the operations
 * applied one after another in commit order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDb, type DocentDb } from '@/src/db';
import * as repository from '@/src/queue/repository';
import { QueueInputError, sortQueue } from '@/src/queue/rules';
import { pageId } from '@/src/queue/page-url';
import { runSyncRound } from '@/src/queue/sync-round';
import type { QueueItem, QueueState } from '@/src/queue/types';
import { fuzzAsync, runsFor } from '../support/fuzz';
import { FakeSyncArea } from './fake-sync-area';
import { makeRead } from './fixtures';
import { closeAll, connectSurfaces, expectNoDuplicates, ids, opened, type Surface } from './concurrency-surfaces';

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
