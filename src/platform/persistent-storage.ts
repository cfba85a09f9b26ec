/**
 * Ask the browser never to evict Docent's storage (the queue above all). Chrome exposes persist()
 * to pages, not to the service worker, so extension pages ask too; where it is missing the
 * manifest's `unlimitedStorage` already keeps extension data.
 */
export async function requestPersistentStorage(): Promise<void> {
  if (typeof navigator.storage?.persist !== 'function') return;
  if (!(await navigator.storage.persisted())) await navigator.storage.persist();
}
