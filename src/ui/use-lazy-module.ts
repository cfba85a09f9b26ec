/**
 * A view's module loaded on first need rather than before the popup's first paint: `load` runs
 * once `wanted` is true (and once only, per loader); until it resolves the hook returns null.
 */
import { useEffect, useState } from 'preact/hooks';

const loaded = new Map<() => Promise<unknown>, Promise<unknown>>();

export function useLazyModule<T>(load: () => Promise<T>, wanted: boolean): T | null {
  const [module, setModule] = useState<T | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let active = true;
    let pending = loaded.get(load) as Promise<T> | undefined;
    if (!pending) {
      pending = load();
      loaded.set(load, pending);
      pending.catch(() => loaded.delete(load)); // a failed load is tried again next time
    }
    pending.then(
      (value) => active && setModule(() => value),
      (error: unknown) => console.error('Docent: a view could not load', error),
    );
    return () => {
      active = false;
    };
  }, [wanted]);
  return module;
}
