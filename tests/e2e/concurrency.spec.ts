/**
 * Concurrency (issue 8): two popups and the side panel save, reorder, mark read and remove at the
 * same time, through their own UI (keys, clicks, a drag), in rounds. The final queue must be the
 * sequential result with no duplicate, every surface must show it, and a browser restart keeps it.
 *
 * Each round starts with a read-write transaction on the queue held open in the service worker
 * (`holdQueue`), as a slow disk would: every surface acts on the same queue, and all their writes
 * are in flight together when it is released, which is the tightest race there is. It also makes
 * each gesture mean one thing: what a key does depends on the list it acts on (Alt+↓ moves below
 * the next row, S toggles), and no surface's list changes until every surface has acted.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page, Worker } from '@playwright/test';
import type { Read } from '@/src/catalogue/types';
import type { PageKeywords } from '@/src/keywords/types';
import type { QueueItem } from '@/src/queue/types';
import { normaliseUrl } from '@/src/queue/page-url';
import * as rules from '@/src/queue/rules';
import { docsTest as test, docsUrl, expect, tabIdOf, type ExtensionHarness } from './fixtures';

const catalogue = JSON.parse(await readFile('assets/catalogue.json', 'utf8')) as Read[];
const catalogueById = new Map(catalogue.map((read) => [read.id, read]));

const POPUP_SIZE = { width: 400, height: 580 };
/** The content script reads on idle and the catalogue loads on install; allow for both on a busy machine. */
const READ_TIMEOUT = 15_000;

// ---------- What the surfaces do ----------

type SurfaceName = 'popup A' | 'popup B' | 'side panel';
type MoveTarget = { beforeId: string } | { afterId: string };

/** One user action on a surface. Only `view` leaves the queue alone. */
type Action =
  | { kind: 'view'; key: '3' }
  | { kind: 'save'; id: string }
  | { kind: 'unsave'; id: string }
  | { kind: 'move'; id: string; by: 'Alt+ArrowUp' | 'Alt+ArrowDown' | 'drag'; target: MoveTarget }
  | { kind: 'markRead'; id: string }
  /** Remove from the Saved view, which offers Undo. */
  | { kind: 'remove'; id: string }
  | { kind: 'undo' };

/**
 * The rounds, on the first eight related reads r0…r7 of the docs page. Every surface that saves new
 * reads in a round saves a prefix of the same list (so a read saved by two or three surfaces at once
 * lands once, at one place); moves, marks and removals in a round touch distinct items and gaps.
 * `sequentialOracle` checks that this makes each round's result independent of the interleaving.
 */
function roundsFor(r: readonly string[]): Array<Record<SurfaceName, Action[]>> {
  return [
    {
      'popup A': [{ kind: 'save', id: r[0]! }, { kind: 'save', id: r[1]! }, { kind: 'save', id: r[2]! }, { kind: 'save', id: r[3]! }],
      'popup B': [{ kind: 'save', id: r[0]! }, { kind: 'save', id: r[1]! }, { kind: 'save', id: r[2]! }],
      'side panel': [{ kind: 'save', id: r[0]! }, { kind: 'save', id: r[1]! }],
    },
    {
      'popup A': [{ kind: 'view', key: '3' }, { kind: 'move', id: r[3]!, by: 'Alt+ArrowDown', target: { afterId: r[2]! } }],
      'popup B': [{ kind: 'view', key: '3' }, { kind: 'move', id: r[0]!, by: 'drag', target: { beforeId: r[1]! } }],
      'side panel': [{ kind: 'save', id: r[4]! }, { kind: 'save', id: r[5]! }],
    },
    {
      'popup A': [{ kind: 'markRead', id: r[0]! }, { kind: 'remove', id: r[3]! }],
      'popup B': [{ kind: 'move', id: r[0]!, by: 'Alt+ArrowDown', target: { afterId: r[1]! } }],
      'side panel': [{ kind: 'unsave', id: r[4]! }, { kind: 'save', id: r[6]! }],
    },
    {
      'popup A': [{ kind: 'undo' }],
      'popup B': [{ kind: 'markRead', id: r[5]! }, { kind: 'move', id: r[1]!, by: 'Alt+ArrowUp', target: { beforeId: r[2]! } }],
      'side panel': [{ kind: 'save', id: r[7]! }, { kind: 'unsave', id: r[6]! }],
    },
  ];
}

const SURFACES: readonly SurfaceName[] = ['popup A', 'popup B', 'side panel'];
const writesOf = (actions: readonly Action[]) => actions.filter((action) => action.kind !== 'view');

// ---------- The oracle: the same operations, one after another, with the queue rules ----------

/** The queue, and each surface's last removal (what its Undo brings back). */
type OracleState = { queue: QueueItem[]; removed: Partial<Record<SurfaceName, QueueItem>> };

function applyAction(state: OracleState, surface: SurfaceName, action: Action): OracleState {
  // One timestamp for every operation: order in the queue never depends on it, and equal
  // states from different interleavings then compare equal.
  const now = 1;
  const edit = (): rules.QueueEdit => {
    switch (action.kind) {
      case 'save':
        return rules.saveRead(state.queue, catalogueById.get(action.id)!, now);
      case 'unsave':
      case 'remove':
        return rules.unsave(state.queue, action.id);
      case 'undo':
        return rules.restore(state.queue, state.removed[surface]!, now);
      case 'markRead':
        return rules.markRead(state.queue, action.id, now);
      case 'move':
        return rules.move(state.queue, action.id, action.target, now);
      case 'view':
        return { queue: state.queue, changed: [], removed: [] };
    }
  };
  const result = edit();
  const removed = action.kind === 'remove' && result.removed[0] ? { ...state.removed, [surface]: result.removed[0] } : state.removed;
  return { queue: result.queue, removed };
}

/** Every order the surfaces' operations can commit in, each surface's own operations staying in order. */
function* interleavings(scripts: ReadonlyArray<readonly Action[]>, prefix: Array<[number, Action]> = []): Generator<Array<[number, Action]>> {
  if (scripts.every((script) => script.length === 0)) yield prefix;
  for (const [index, script] of scripts.entries()) {
    if (script.length === 0) continue;
    const rest = scripts.map((other, at) => (at === index ? other.slice(1) : other));
    yield* interleavings(rest, [...prefix, [index, script[0]!]]);
  }
}

/** What a person sees: the read ids in queue order, each with its state. */
type QueueView = Array<{ id: string; state: QueueItem['state'] }>;
const viewOf = (items: readonly QueueItem[]): QueueView => rules.sortQueue(items, 'manual').map(({ id, state }) => ({ id, state }));

/**
 * The sequential result of each round: its operations applied one after another, starting from the
 * state the previous rounds left. Computed for every interleaving of the round, and from every state
 * the previous rounds could have left (positions differ between interleavings even when the order
 * does not), it must come out the same: that is what lets one sequential result stand for any race.
 * Returns, per round, that result and the number of interleavings that gave it.
 */
function sequentialOracle(rounds: ReadonlyArray<Record<SurfaceName, Action[]>>): Array<{ view: QueueView; interleavings: number }> {
  let states: OracleState[] = [{ queue: [], removed: {} }];
  return rounds.map((round, index) => {
    const next = new Map<string, OracleState>();
    let count = 0;
    for (const state of states) {
      for (const order of interleavings(SURFACES.map((surface) => writesOf(round[surface])))) {
        const after = order.reduce((current, [surface, action]) => applyAction(current, SURFACES[surface]!, action), state);
        next.set(JSON.stringify([rules.sortQueue(after.queue, 'manual'), after.removed]), after);
        count++;
      }
    }
    states = [...next.values()];
    const views = new Set(states.map((state) => JSON.stringify(viewOf(state.queue))));
    expect(views.size, `round ${index + 1}: one result whatever the interleaving`).toBe(1);
    // The one "popup A, then popup B, then the side panel" run is among those interleavings.
    let sequential: OracleState = { queue: [], removed: {} };
    for (const earlier of rounds.slice(0, index + 1)) {
      for (const surface of SURFACES) for (const action of writesOf(earlier[surface])) sequential = applyAction(sequential, surface, action);
    }
    expect(viewOf(sequential.queue)).toEqual(viewOf(states[0]!.queue));
    return { view: viewOf(sequential.queue), interleavings: count };
  });
}

// ---------- The browser ----------

type Handlers = { tabKeywords(tabId: number): Promise<PageKeywords | undefined> };

async function openDocsTab(harness: ExtensionHarness, fixtureFile: string): Promise<number> {
  const page = await harness.context.newPage();
  const url = docsUrl(fixtureFile);
  await page.goto(url);
  const tabId = await tabIdOf(harness.serviceWorker, url);
  await expect
    .poll(
      () => harness.serviceWorker.evaluate(async (id) => (await (self as unknown as { docentHandlers: Handlers }).docentHandlers.tabKeywords(id))?.url ?? null, tabId),
      { timeout: READ_TIMEOUT, message: `keywords of ${url}` },
    )
    .toBe(url);
  return tabId;
}

/** The queue as stored, read with raw IndexedDB in the service worker (not through the extension's code). */
function storedQueue(serviceWorker: Worker): Promise<QueueItem[]> {
  return serviceWorker.evaluate(
    () =>
      new Promise<QueueItem[]>((resolve, reject) => {
        const open = indexedDB.open('docent');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('queue', 'readonly').objectStore('queue').getAll();
          request.onsuccess = () => (open.result.close(), resolve(request.result as QueueItem[]));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * Opens a read-write transaction on the queue in the service worker and keeps it open (one request
 * always in flight) until {@link releaseQueue}: every queue read and write queues up behind it.
 */
function holdQueue(serviceWorker: Worker): Promise<void> {
  return serviceWorker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('docent');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction('queue', 'readwrite');
          const store = transaction.objectStore('queue');
          let held = true;
          const keepBusy = () => {
            if (held) store.count().onsuccess = keepBusy;
          };
          // The first answer means the transaction is running, so it holds the queue.
          store.count().onsuccess = () => (keepBusy(), resolve());
          (self as unknown as { releaseQueue: () => Promise<void> }).releaseQueue = () =>
            new Promise<void>((done, fail) => {
              held = false;
              transaction.oncomplete = () => (db.close(), done());
              transaction.onerror = () => fail(transaction.error);
            });
        };
      }),
  );
}

function releaseQueue(serviceWorker: Worker): Promise<void> {
  return serviceWorker.evaluate(() => (self as unknown as { releaseQueue: () => Promise<void> }).releaseQueue());
}

const rowIds = (rows: Locator) => rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-row')!));
const relatedRows = (page: Page) => page.getByRole('list', { name: 'Related reads' }).locator('[data-row]');
const savedRows = (page: Page) => page.getByRole('list', { name: 'Saved reads' }).locator('[data-row]');
const savedRow = (page: Page, id: string) => page.getByRole('list', { name: 'Saved reads' }).locator(`[data-row="${id}"]`);
const relatedRow = (page: Page, id: string) => page.getByRole('list', { name: 'Related reads' }).locator(`[data-row="${id}"]`);

/** Does one action through the surface's UI, after checking the UI shows what the action assumes. */
async function perform(surface: SurfaceName, page: Page, action: Action): Promise<void> {
  const where = `${surface}, ${action.kind} ${'id' in action ? action.id : ''}`;
  switch (action.kind) {
    case 'view':
      await page.keyboard.press(action.key);
      await expect(page.getByRole('tab', { name: /^Saved/ })).toHaveAttribute('aria-selected', 'true');
      return;
    case 'save':
    case 'unsave': {
      const button = relatedRow(page, action.id).locator('[data-save]');
      await expect(button, where).toHaveAttribute('aria-pressed', action.kind === 'save' ? 'false' : 'true');
      // The popups from the keyboard (S on the focused read), the side panel with a click.
      if (surface === 'side panel') await button.click();
      else await relatedRow(page, action.id).locator('[data-primary]').press('s');
      return;
    }
    case 'move': {
      const visible = await rowIds(savedRows(page));
      const from = visible.indexOf(action.id);
      const [targetId, step] = 'beforeId' in action.target ? [action.target.beforeId, -1] : [action.target.afterId, 1];
      if (action.by === 'drag') {
        // The Saved view drops a row before the row it lands on when coming from below, after it from above.
        expect(Math.sign(visible.indexOf(targetId) - from), where).toBe(step);
        await savedRow(page, action.id).locator('.drag-handle').dragTo(savedRow(page, targetId));
      } else {
        expect(visible[from + step], `${where}: the neighbour ${action.by} moves past`).toBe(targetId);
        expect(action.by).toBe(step === -1 ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
        await savedRow(page, action.id).locator('[data-primary]').press(action.by);
      }
      return;
    }
    case 'markRead': {
      const button = savedRow(page, action.id).getByRole('button', { name: 'Read', exact: true });
      await expect(button, where).toHaveAttribute('aria-pressed', 'false');
      await button.click();
      return;
    }
    case 'remove':
      await savedRow(page, action.id).getByRole('button', { name: 'Remove from saved' }).click();
      return;
    case 'undo':
      await page.getByRole('button', { name: 'Undo' }).click();
      return;
  }
}

/**
 * What a surface shows of the queue: the Saved view's unread list and read count, or (Related: the
 * side panel, and the popups before they open Saved) which reads' save toggles are pressed.
 */
async function shownQueue(page: Page): Promise<{ unread: string[]; readCount: number } | { saved: string[] }> {
  const saved = page.getByRole('list', { name: 'Saved reads' });
  if (await saved.isVisible()) {
    const readCount = Number((await page.getByRole('button', { name: /^Read \d+$/ }).textContent())!.replace(/\D/g, ''));
    return { unread: await rowIds(savedRows(page)), readCount };
  }
  return { saved: await relatedRows(page).evaluateAll((rows) => rows.filter((row) => row.querySelector('[data-save]')!.getAttribute('aria-pressed') === 'true').map((row) => row.getAttribute('data-row')!)) };
}

async function shownAs(page: Page, view: QueueView): Promise<Awaited<ReturnType<typeof shownQueue>>> {
  if (await page.getByRole('list', { name: 'Saved reads' }).isVisible()) {
    const unread = view.filter((item) => item.state === 'unread').map((item) => item.id);
    return { unread, readCount: view.length - unread.length };
  }
  const queued = new Set(view.map((item) => item.id));
  return { saved: (await rowIds(relatedRows(page))).filter((id) => queued.has(id)) };
}

/** The stored queue and what every surface shows converge on `expected`. */
async function expectConverged(pages: Record<SurfaceName, Page>, serviceWorker: Worker, expected: QueueView, label: string): Promise<void> {
  await expect.poll(async () => viewOf(await storedQueue(serviceWorker)), { message: `${label}: stored queue` }).toEqual(expected);
  for (const surface of SURFACES) {
    const page = pages[surface];
    await expect.poll(() => shownQueue(page), { message: `${label}: what ${surface} shows` }).toEqual(await shownAs(page, expected));
  }
}

function expectNoDuplicates(items: readonly QueueItem[]): void {
  expect(new Set(items.map((item) => item.id)).size, 'one item per id').toBe(items.length);
  const links = items.flatMap((item) => (item.url ? [normaliseUrl(item.url)] : []));
  expect(new Set(links).size, 'one item per link').toBe(links.length);
}

test('two popups and the side panel saving, reordering, marking read and removing at once leave the sequential result, everywhere, across a restart', async ({
  docsBrowser,
}) => {
  test.setTimeout(120_000);
  const tabId = await openDocsTab(docsBrowser, 'kafka-design.html');
  const openPopup = async () => {
    const popup = await docsBrowser.context.newPage();
    await popup.setViewportSize(POPUP_SIZE);
    await popup.goto(`chrome-extension://${docsBrowser.extensionId}/popup.html?tabId=${tabId}`);
    return popup;
  };
  const pages: Record<SurfaceName, Page> = { 'popup A': await openPopup(), 'popup B': await openPopup(), 'side panel': undefined! };
  // Last: the side panel follows the active tab, and opening a page makes that page active.
  pages['side panel'] = await docsBrowser.openPage(`sidepanel.html?tabId=${tabId}`);
  const errors: string[] = [];
  for (const surface of SURFACES) {
    pages[surface].on('pageerror', (error) => errors.push(`${surface}: ${error.message}`));
    pages[surface].on('console', (message) => void (message.type() === 'error' && errors.push(`${surface}: ${message.text()}`)));
  }

  // All three list the same related reads for the docs tab.
  await expect(relatedRows(pages['popup A']).nth(7)).toBeVisible({ timeout: READ_TIMEOUT });
  const related = await rowIds(relatedRows(pages['popup A']));
  for (const surface of SURFACES) await expect.poll(() => rowIds(relatedRows(pages[surface])), { message: surface }).toEqual(related);

  const rounds = roundsFor(related.slice(0, 8));
  const oracle = sequentialOracle(rounds);
  const sw = docsBrowser.serviceWorker;
  for (const [index, round] of rounds.entries()) {
    await holdQueue(sw);
    try {
      // Each surface does its actions one after another, as a person would; the surfaces at once.
      await Promise.all(SURFACES.map(async (surface) => {
        for (const action of round[surface]) await perform(surface, pages[surface], action);
      }));
      // Every surface has acted and none has seen a change yet: all the writes are in flight together.
      const before = index === 0 ? [] : oracle[index - 1]!.view;
      for (const surface of SURFACES) expect(await shownQueue(pages[surface]), `${surface} while held`).toEqual(await shownAs(pages[surface], before));
    } finally {
      await releaseQueue(sw);
    }
    await expectConverged(pages, sw, oracle[index]!.view, `round ${index + 1}`);
  }

  const final = await storedQueue(sw);
  expectNoDuplicates(final);
  expect(viewOf(final)).toEqual(oracle.at(-1)!.view);
  // The read ones too, in the popups' Read list.
  const readIds = oracle.at(-1)!.view.filter((item) => item.state === 'read').map((item) => item.id);
  for (const surface of ['popup A', 'popup B'] as const) {
    await pages[surface].getByRole('button', { name: `Read ${readIds.length}`, exact: true }).click();
    await expect.poll(() => rowIds(savedRows(pages[surface])), { message: `${surface}'s read list` }).toEqual(readIds);
  }
  expect(errors, 'errors on any surface').toEqual([]);
  console.log(
    `concurrency: ${SURFACES.length} surfaces, ${rounds.length} rounds, ` +
      `${rounds.reduce((sum, round) => sum + SURFACES.reduce((count, surface) => count + writesOf(round[surface]).length, 0), 0)} queue operations fired concurrently, ` +
      `${oracle.reduce((sum, round) => sum + round.interleavings, 0)} interleavings checked by the oracle, final queue ${final.length}`,
  );

  // A browser restart keeps exactly that, and a new popup shows it.
  await docsBrowser.restart();
  const byId = (a: QueueItem, b: QueueItem) => (a.id < b.id ? -1 : 1);
  expect((await storedQueue(docsBrowser.serviceWorker)).sort(byId)).toEqual([...final].sort(byId));
  const popup = await docsBrowser.openPage('popup.html');
  await popup.getByRole('tab', { name: /^Saved/ }).click();
  await expect.poll(() => rowIds(savedRows(popup))).toEqual(oracle.at(-1)!.view.filter((item) => item.state === 'unread').map((item) => item.id));
  await popup.getByRole('button', { name: `Read ${readIds.length}`, exact: true }).click();
  await expect.poll(() => rowIds(savedRows(popup))).toEqual(readIds);
});
