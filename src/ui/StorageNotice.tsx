/** What is wrong with the browser's storage and what to do about it; nothing when all is well. */
import { t } from '@/src/platform/i18n';
import { useStorageProblems } from './storage-status';

export function StorageNotice() {
  const { upgradeBlocked, catalogue, queueFull } = useStorageProblems();
  const problems = [
    upgradeBlocked ? (['upgrade-blocked', t('storageUpgradeBlocked')] as const) : null,
    catalogue === 'storage-full' ? (['catalogue-full', t('storageCatalogueFull')] as const) : null,
    catalogue === 'failed' ? (['catalogue-failed', t('storageCatalogueFailed')] as const) : null,
    queueFull ? (['queue-full', t('storageQueueFull')] as const) : null,
  ].filter((problem) => problem !== null);
  if (problems.length === 0) return null;
  return (
    <div class="notice storage-notice" role="alert">
      {problems.map(([kind, text]) => (
        <p key={kind} data-storage-problem={kind}>
          {text}
        </p>
      ))}
    </div>
  );
}
