/**
 * Importing a file into the queue in IndexedDB. Kept apart from ./repository so only the options
 * page, which offers import, loads the import pipeline and its parsers.
 */
import type { DocentDb } from '@/src/db';
import { applyImport as mergeImport, type ImportFailure, type ImportPreview } from './import';
import { editQueue } from './queue-transaction';

/** Applies an import preview to the queue as it is now; resolves to the number of items added or updated. */
export async function applyImport(db: DocentDb, preview: ImportPreview | ImportFailure, now = Date.now()): Promise<number> {
  const result = await editQueue(db, (queue) => mergeImport(queue, preview), now);
  return result.changed.length;
}
