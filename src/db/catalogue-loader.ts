/**
 * Loading the bundled catalogue into `reads`, and what a failed load leaves behind. The load is
 * one transaction (see ./catalogue-sync), so a full disk or a crash part-way stores nothing: the
 * previous catalogue stays whole, `catalogueVersion` is not advanced, and the next `ready()` (the
 * next popup, page or worker start) loads again. Why it failed is kept in meta for the UI.
 */
import type { Read } from '@/src/catalogue/types';
import { getMeta, setMeta, type DocentDb } from './database';
import { syncCatalogue, type CatalogueSyncCounts } from './catalogue-sync';
import { isQuotaError } from './storage-errors';

/** The catalogue shipped with this build. */
export type BundledCatalogue = {
  /** Its version (a small file, read on every start). */
  version(): Promise<string>;
  /** Its reads (the large file), read only when the stored version differs. */
  reads(): Promise<Read[]>;
};

export type CatalogueLoader = {
  /**
   * Resolves once `reads` holds a complete catalogue: the bundled one, or the previous version
   * while the bundled one cannot be stored. Rejects when there is none. Until the bundled
   * version is in, every call tries to load it again.
   */
  ready(): Promise<void>;
};

export function createCatalogueLoader(
  db: DocentDb,
  bundled: BundledCatalogue,
  onLoaded: (version: string, counts: CatalogueSyncCounts) => void = () => undefined,
): CatalogueLoader {
  /** Resolves to whether the bundled version is the one in `reads`. */
  async function load(): Promise<boolean> {
    let version: string | null = null;
    try {
      version = await bundled.version();
      if ((await getMeta(db, 'catalogueVersion')) === version) return true;
      onLoaded(version, await syncCatalogue(db, await bundled.reads(), version));
      return true;
    } catch (error) {
      await recordProblem(db, error, version);
      const previous = await getMeta(db, 'catalogueVersion');
      if (previous === undefined) throw error;
      console.warn(`[docent] catalogue ${version ?? '(unreadable)'} not loaded; version ${previous} stays in use until it is`, error);
      return false;
    }
  }

  let attempt: Promise<void> | undefined;
  return {
    ready() {
      attempt ??= load().then(
        (current) => {
          if (!current) attempt = undefined;
        },
        (error: unknown) => {
          attempt = undefined;
          throw error;
        },
      );
      return attempt;
    },
  };
}

/** Best effort: on a disk that is still full even this small write may fail, and the load is retried anyway. */
async function recordProblem(db: DocentDb, error: unknown, version: string | null): Promise<void> {
  try {
    await setMeta(db, 'catalogueProblem', { reason: isQuotaError(error) ? 'storage-full' : 'failed', version, at: Date.now() });
  } catch (recordError) {
    console.error('[docent] could not record why the catalogue did not load', recordError);
  }
}
