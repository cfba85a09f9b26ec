/**
 * Preact hook over Dexie's liveQuery: re-renders whenever the queried tables change (in any context).
 * Dexie itself is imported when the hook first runs, and `load` (optional) resolves what the query
 * needs before it subscribes, so a page can paint before its storage code has loaded.
 */
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T, Loaded = undefined>(
  query: (loaded: Loaded) => Promise<T> | T,
  deps: unknown[],
  initial: T,
  load?: () => Promise<Loaded>,
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let active = true;
    let subscription: { unsubscribe(): void } | undefined;
    Promise.all([import('dexie'), load?.()])
      .then(([{ liveQuery }, loaded]) => {
        if (!active) return;
        subscription = liveQuery(() => query(loaded as Loaded)).subscribe({
          next: setValue,
          error: (error) => console.error('Docent: live query failed', error),
        });
      })
      .catch((error: unknown) => console.error('Docent: storage could not load', error));
    return () => {
      active = false;
      subscription?.unsubscribe();
    };
  }, deps);
  return value;
}
