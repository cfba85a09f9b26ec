/**
 * What went wrong with IndexedDB, for the two faults Docent handles rather than reports as bugs:
 * a full disk (QuotaExceededError, thrown by a write or, in Chrome, by the commit) and a
 * connection the browser closed under a running transaction (AbortError / DatabaseClosedError).
 */
import type Dexie from 'dexie';

type ErrorLike = { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };

/** The error and every error it wraps (Dexie's `inner`, `cause`, a bulk operation's `failures`). */
function* errorChain(error: unknown): Generator<ErrorLike> {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { inner, cause, failures } = current as ErrorLike;
    yield current as ErrorLike;
    pending.push(inner, cause, ...(Array.isArray(failures) ? failures : []));
  }
}

/** The browser refused a write for lack of space: nothing of that transaction was stored. */
export function isQuotaError(error: unknown): boolean {
  for (const link of errorChain(error)) if (link.name === 'QuotaExceededError') return true;
  return false;
}

/**
 * The transaction died with its connection (closed by the browser, or by Dexie for another
 * connection's upgrade), not because of what it did: it rolled back and may simply run again.
 */
function isConnectionLoss(error: unknown): boolean {
  if (isQuotaError(error)) return false;
  const name = (error as ErrorLike | null)?.name;
  return name === 'DatabaseClosedError' || name === 'AbortError' || name === 'InvalidStateError';
}

/**
 * Runs a read-write transaction; if the connection was lost under it, reopens and runs it once
 * more. Only for transactions that recompute their writes from what they read (so a rerun after
 * a rollback is the same operation, not a second one).
 */
export async function retryOnConnectionLoss<T>(db: Dexie, transaction: () => Promise<T>): Promise<T> {
  try {
    return await transaction();
  } catch (error) {
    if (!isConnectionLoss(error)) throw error;
    console.warn('[docent] the database connection closed under a transaction; reopening and retrying', error);
    // Dexie reopens on its own after the browser closed the connection; an explicit close() needs open().
    if (!db.isOpen()) await db.open();
    return transaction();
  }
}
