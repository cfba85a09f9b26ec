/**
 * Queue surfaces for the concurrency tests: two popups, the side panel and the background, each
 * with its own Dexie connection to the same fresh database, as the extension's pages have. A Dexie
 * middleware records the order in which their read-write transactions on the queue are created,
 * which is the order IndexedDB runs them in.
 */
import { afterEach, expect } from 'vitest';
import { createDb, type DocentDb } from '@/src/db';
import { normaliseUrl } from '@/src/queue/page-url';
import type { QueueItem } from '@/src/queue/types';

export type Surface = 'popupA' | 'popupB' | 'sidePanel' | 'background';

let counter = 0;
/** Every connection a test opened; closed and deleted after each test. */
export const opened: DocentDb[] = [];

/**
 * One open connection per surface on a fresh database. `commits` receives a surface's name each time
 * it creates a read-write transaction on the queue, i.e. in the order those transactions run.
 */
export async function connectSurfaces<S extends Surface>(surfaces: readonly S[], commits: S[] = []): Promise<Record<S, DocentDb>> {
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

export async function closeAll(dbs: DocentDb[]): Promise<void> {
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await createDb(name).delete();
}

afterEach(() => closeAll(opened.splice(0)));

export const ids = (items: readonly QueueItem[]) => items.map((item) => item.id);
const linkOf = (item: QueueItem) => (item.url === null ? null : normaliseUrl(item.url));

/** Every invariant a queue read back from any surface must satisfy: one item per id and per link. */
export function expectNoDuplicates(queue: readonly QueueItem[]): void {
  expect(new Set(ids(queue)).size, 'one item per id').toBe(queue.length);
  const links = queue.map(linkOf).filter((link) => link !== null);
  expect(new Set(links).size, 'one item per link').toBe(links.length);
}
