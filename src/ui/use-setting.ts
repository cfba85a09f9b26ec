/** A stored setting as Preact state: starts at the stored value and follows changes from any page. */
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

export function useSetting<T>(item: WxtStorageItem<T, Record<string, unknown>>): [T | null, (value: T) => Promise<void>] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return [value, (next: T) => item.setValue(next)];
}
