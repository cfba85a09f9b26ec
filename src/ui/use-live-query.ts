/** Preact hook over Dexie's liveQuery: re-renders whenever the queried tables change (in any context). */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('Docent: live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
