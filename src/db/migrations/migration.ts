import type { Transaction } from 'dexie';

/**
 * One schema version. `stores` lists only the tables this version adds or changes
 * (Dexie keeps the others as declared by earlier versions; `null` drops a table).
 * `upgrade` rewrites existing rows when a version changes their shape.
 */
export type Migration = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};
