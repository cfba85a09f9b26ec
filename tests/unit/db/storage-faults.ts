/**
 * Storage faults injected into fake-indexeddb itself, below Dexie, the way the browser raises them:
 *
 * - a full disk: the write request throws QuotaExceededError, or (Chrome, which checks the quota
 *   when it commits) every request succeeds and the transaction then aborts with QuotaExceededError;
 * - a connection the browser closes under a transaction: the transaction aborts with AbortError,
 *   then the connection receives a `close` event (fake-indexeddb's forceCloseDatabase);
 * - a read the backing store cannot answer (UnknownError).
 *
 * The commit-time and close faults reach into fake-indexeddb's transaction internals (`_start`,
 * `_abort`, `_requests`): its public API cannot fail a commit or abort with a chosen error.
 */
import { forceCloseDatabase } from 'fake-indexeddb';

type FakeTransaction = IDBTransaction & {
  _state: string;
  _requests: Array<{ request: IDBRequest }>;
  _start(): void;
  _abort(errorName: string): void;
};
type StorePrototype = { put: IDBObjectStore['put']; add: IDBObjectStore['add']; get: IDBObjectStore['get'] };

const storePrototype = IDBObjectStore.prototype as StorePrototype;
const transactionPrototype = IDBTransaction.prototype as FakeTransaction;
const originalPut = storePrototype.put;
const originalAdd = storePrototype.add;
const originalGet = storePrototype.get;
const originalStart = transactionPrototype._start;

/**
 * The browser closes `connection` on its own (the `forced flag` of IndexedDB's closing steps): it
 * receives a `close` event once its transactions are done. (fake-indexeddb types the argument as
 * the IDBDatabase constructor; it takes a connection.)
 */
export function browserCloses(connection: IDBDatabase): void {
  forceCloseDatabase(connection as unknown as Parameters<typeof forceCloseDatabase>[0]);
}

/** What a transaction that was hit must do when it would otherwise commit. */
const doomed = new Map<IDBTransaction, (transaction: FakeTransaction) => void>();

/** Only the request at the head of the queue is left to run: the transaction is about to commit. */
const wouldCommit = (transaction: FakeTransaction) =>
  transaction._state !== 'finished' && transaction._requests.every(({ request }) => request.readyState === 'done');

transactionPrototype._start = function (this: FakeTransaction) {
  const fault = doomed.get(this);
  if (fault && wouldCommit(this)) {
    doomed.delete(this);
    return fault(this);
  }
  return originalStart.call(this);
};

type WriteHook = (store: IDBObjectStore) => 'write' | 'refuse';
let writeHook: WriteHook | undefined;

storePrototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
  if (writeHook?.(this) === 'refuse') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return originalPut.apply(this, args);
};
storePrototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
  if (writeHook?.(this) === 'refuse') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return originalAdd.apply(this, args);
};

let readHook: ((store: IDBObjectStore) => 'read' | 'fail') | undefined;

storePrototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
  if (readHook?.(this) === 'fail') throw new DOMException('Failed to read from the backing store.', 'UnknownError');
  return originalGet.apply(this, args);
};

/** Removes whatever fault is armed (call in afterEach). */
export function clearFaults(): void {
  writeHook = undefined;
  readHook = undefined;
  doomed.clear();
}

/**
 * The next `times` reads (get) by `connection` from `storeName` fail with UnknownError, as Chrome
 * reports a backing store it could not read.
 */
export function failReads(connection: IDBDatabase, storeName: string, times = 1): { readonly faults: number } {
  let faults = 0;
  readHook = (store) => {
    if (faults >= times || store.transaction.db !== connection || store.name !== storeName) return 'read';
    faults++;
    return 'fail';
  };
  return {
    get faults() {
      return faults;
    },
  };
}

export type DiskFull = {
  /** Rows the code asked to write (put/add) into the watched stores since the fault was armed. */
  readonly attempted: number;
  /** QuotaExceededErrors raised: one per refused write, or one per transaction failing its commit. */
  readonly faults: number;
  /** Space was freed: writes succeed again. */
  free(): void;
};

/**
 * Fills the disk of database `dbName` after `room` more row writes into `stores` (all stores if
 * omitted). `failAt: 'write'` refuses each write beyond it; `'commit'` lets them through and fails
 * the commit of every transaction that wrote beyond it, as Chrome does.
 */
export function fillDisk(dbName: string, options: { room?: number; stores?: string[]; failAt?: 'write' | 'commit' } = {}): DiskFull {
  const { room = 0, stores, failAt = 'write' } = options;
  let attempted = 0;
  let faults = 0;
  let full = true;
  writeHook = (store) => {
    if (store.transaction.db.name !== dbName || (stores && !stores.includes(store.name))) return 'write';
    attempted++;
    if (!full || attempted <= room) return 'write';
    if (failAt === 'write') {
      faults++;
      return 'refuse';
    }
    if (!doomed.has(store.transaction)) {
      faults++;
      doomed.set(store.transaction, (transaction) => transaction._abort('QuotaExceededError'));
    }
    return 'write';
  };
  return {
    get attempted() {
      return attempted;
    },
    get faults() {
      return faults;
    },
    free() {
      full = false;
    },
  };
}

export type ConnectionLoss = { readonly faults: number };

/**
 * The browser closes `dbName`'s connection under the next `times` write transactions (into
 * `stores`, or any): each aborts with AbortError before it can commit, then the connection is
 * force-closed and receives its `close` event, as when Chrome shuts a database down under a
 * service worker.
 */
export function loseConnectionOnWrite(dbName: string, options: { times?: number; stores?: string[] } = {}): ConnectionLoss {
  const { times = 1, stores } = options;
  let faults = 0;
  writeHook = (store) => {
    if (faults >= times || store.transaction.db.name !== dbName || (stores && !stores.includes(store.name))) return 'write';
    if (!doomed.has(store.transaction)) {
      faults++;
      doomed.set(store.transaction, (transaction) => {
        transaction._abort('AbortError');
        browserCloses(transaction.db);
      });
    }
    return 'write';
  };
  return {
    get faults() {
      return faults;
    },
  };
}
