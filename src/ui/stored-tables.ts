/**
 * Read-only access to Docent's database for the popup and side panel, with the browser's own
 * IndexedDB API instead of Dexie: Dexie is a third of the popup's JavaScript, and these pages only
 * ever read (every queue write goes to the background, which owns the Dexie schema and its
 * rules). Connections are opened per read and closed at once, so they never hold up an upgrade.
 *
 * Live updates: every Dexie write, in any context of the extension, is announced on Dexie's own
 * BroadcastChannel with the tables it touched; listening to it here costs a few lines instead of
 * Dexie's liveQuery. tests/unit/ui/stored-tables.test.ts pins that channel against the installed Dexie.
 */

/** The database Dexie creates for Docent (src/db/database.ts). */
export const DOCENT_DB_NAME = 'docent';

/** Dexie's cross-context "storage mutated" channel (dexie's STORAGE_MUTATED_DOM_EVENT_NAME). */
export const DEXIE_MUTATION_CHANNEL = 'x-storagemutated-1';

/** The tables these pages read (names as in src/db/migrations). */
export type StoredTable = 'queue' | 'reads' | 'meta';

/**
 * Opens the database as it is, never creating or upgrading it: a page that opens before the
 * background has created the database must not leave an empty one behind for Dexie to trip on.
 * Resolves null while there is no database yet.
 */
function openAsItIs(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let missing = false;
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context wants to upgrade: step aside at once.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      if (missing) {
        event.preventDefault(); // the aborted creation is expected, not an error of the page
        resolve(null);
      } else reject(request.error);
    };
  });
}

async function withStore<T>(name: string, table: StoredTable, read: (store: IDBObjectStore) => IDBRequest, empty: T): Promise<T> {
  const db = await openAsItIs(name);
  if (!db) return empty;
  try {
    if (!db.objectStoreNames.contains(table)) return empty;
    return await new Promise<T>((resolve, reject) => {
      const request = read(db.transaction(table, 'readonly').objectStore(table));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Every row of a table ([] while the database does not exist). */
export function allRows<T>(table: StoredTable, name = DOCENT_DB_NAME): Promise<T[]> {
  return withStore<T[]>(name, table, (store) => store.getAll(), []);
}

export function rowCount(table: StoredTable, name = DOCENT_DB_NAME): Promise<number> {
  return withStore(name, table, (store) => store.count(), 0);
}

export function rowByKey<T>(table: StoredTable, key: string, name = DOCENT_DB_NAME): Promise<T | undefined> {
  return withStore<T | undefined>(name, table, (store) => store.get(key), undefined);
}

/** Calls `listener` after any context commits a Dexie write to one of `tables`. Returns an unsubscribe. */
export function onTablesChanged(tables: readonly StoredTable[], listener: () => void, name = DOCENT_DB_NAME): () => void {
  const channel = new BroadcastChannel(DEXIE_MUTATION_CHANNEL);
  const prefixes = tables.map((table) => `idb://${name}/${table}/`);
  channel.onmessage = ({ data }: MessageEvent<unknown>) => {
    if (typeof data !== 'object' || data === null) return;
    if (Object.keys(data).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) listener();
  };
  return () => channel.close();
}
