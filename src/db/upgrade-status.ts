/**
 * Whether opening Docent's database is held up by a schema upgrade that waits for an old
 * connection to close. Docent's own connections close themselves when another wants to upgrade
 * (Dexie's `versionchange` handling), so this only happens when something else keeps the old
 * version open; IndexedDB then resumes the upgrade by itself as soon as it closes.
 *
 * IndexedDB tells only the opener whose upgrade is blocked (its `blocked` event); a page whose
 * own open merely queues behind it (a popup opened while the service worker's upgrade waits) hears
 * nothing. So a blocked context says so on a BroadcastChannel, and answers pages that ask later.
 */
import type Dexie from 'dexie';

export type UpgradeStatus = {
  /** Whether this context's database is waiting for an upgrade to be unblocked. */
  readonly blocked: boolean;
  /** Calls `listener` with every change; also asks the other contexts whether they are blocked. */
  subscribe(listener: (blocked: boolean) => void): () => void;
  /** Stops listening (tests; pages simply unload). */
  dispose(): void;
};

type Note = { blocked: boolean } | { ask: true };

/** Watch `db` from its creation, before its first query opens it, so no `blocked` event is missed. */
export function watchUpgradeStatus(db: Dexie, channelName = `docent-storage:${db.name}`): UpgradeStatus {
  const listeners = new Set<(blocked: boolean) => void>();
  let selfBlocked = false;
  let othersBlocked = false;
  let shown = false;
  let channel: BroadcastChannel | undefined;

  const update = () => {
    // Someone else's blocked upgrade matters only while this context has not opened yet.
    const blocked = selfBlocked || (othersBlocked && !db.isOpen());
    if (blocked === shown) return;
    shown = blocked;
    for (const listener of listeners) listener(blocked);
  };
  const whenOpen = () =>
    db.open().then(
      () => {
        othersBlocked = false;
        update();
      },
      () => undefined, // a failed open is reported by the query that needed it
    );
  // Created on first need, so a context that is never blocked and never asks holds no channel.
  const talk = (): BroadcastChannel => {
    if (channel) return channel;
    channel = new BroadcastChannel(channelName);
    channel.onmessage = ({ data }: MessageEvent<Note>) => {
      if ('ask' in data) {
        if (selfBlocked) channel?.postMessage({ blocked: true } satisfies Note);
        return;
      }
      othersBlocked = data.blocked;
      update();
      if (data.blocked) void whenOpen();
    };
    return channel;
  };

  const onBlocked = () => {
    if (selfBlocked) return;
    selfBlocked = true;
    talk().postMessage({ blocked: true } satisfies Note);
    update();
    void db.open().then(
      () => {
        selfBlocked = false;
        othersBlocked = false;
        channel?.postMessage({ blocked: false } satisfies Note);
        update();
      },
      () => {
        selfBlocked = false;
        update();
      },
    );
  };
  db.on('blocked', onBlocked);

  return {
    get blocked() {
      return shown;
    },
    subscribe(listener) {
      listeners.add(listener);
      talk().postMessage({ ask: true } satisfies Note);
      return () => listeners.delete(listener);
    },
    dispose() {
      db.on('blocked').unsubscribe(onBlocked);
      listeners.clear();
      channel?.close();
      channel = undefined;
    },
  };
}
