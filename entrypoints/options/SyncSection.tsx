/**
 * Queue sync: a per-browser switch, when the last round ran, and a plain warning when the
 * browser's sync storage is full.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '@/src/queue/sync';
import { getSyncStatus, watchSyncStatus } from '@/src/platform/sync-storage';
import { sendMessage } from '@/src/platform/messaging';
import { queueSyncSetting } from '@/src/platform/settings';
import { t } from '@/src/platform/i18n';
import { useSetting } from '@/src/ui/use-setting';

function describe(status: SyncStatus): string {
  switch (status.state) {
    case 'never':
      return t('options_sync_never');
    case 'synced':
      return t('options_sync_synced', status.syncedCount, new Date(status.at).toLocaleString());
    case 'full':
      return t('options_sync_full', status.unsyncedCount);
    case 'error':
      return t('options_sync_error', status.message);
    case 'off':
      return t('options_sync_off');
  }
}

export function SyncSection() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [syncOn, setSyncOn] = useSetting(queueSyncSetting);
  useEffect(() => {
    void getSyncStatus().then(setStatus);
    return watchSyncStatus(setStatus);
  }, []);

  const syncNow = async () => {
    setSyncing(true);
    try {
      setStatus(await sendMessage({ type: 'queue-sync-now' }));
    } finally {
      setSyncing(false);
    }
  };

  const warn = status?.state === 'full' || status?.state === 'error';
  return (
    <section class="options-section" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('options_sync_title')}</h2>
      <p class="options-hint">{t('options_sync_hint')}</p>
      <label class="options-row">
        <span>{t('options_sync_enabled')}</span>
        <input
          type="checkbox"
          data-setting="queue-sync"
          checked={syncOn ?? false}
          onChange={(event) => void setSyncOn(event.currentTarget.checked)}
        />
      </label>
      <p role="status" data-sync-state={status?.state} class={warn ? 'options-message options-error' : 'options-message'}>
        {status ? describe(status) : ''}
      </p>
      <button type="button" class="button" disabled={syncing || syncOn === false} onClick={() => void syncNow()}>
        {t('options_sync_now')}
      </button>
    </section>
  );
}
