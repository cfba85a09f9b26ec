/** A transient message at the bottom with an optional Undo; disappears on its own. */
import { useEffect } from 'preact/hooks';
import { t } from '@/src/platform/i18n';

export type SnackbarMessage = { text: string; undo?: () => unknown };

const VISIBLE_MS = 6000;

export function Snackbar({ message, onDone }: { message: SnackbarMessage; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div class="snackbar" role="status">
      <span class="snackbar-text">{message.text}</span>
      {message.undo ? (
        <button
          type="button"
          class="snackbar-action"
          onClick={() => {
            void message.undo?.();
            onDone();
          }}
        >
          {t('undo')}
        </button>
      ) : null}
    </div>
  );
}
