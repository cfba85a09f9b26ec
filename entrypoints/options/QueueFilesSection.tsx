/** Export the reading queue (JSON, Markdown, bookmarks HTML) and import a file after a preview. */
import { useState } from 'preact/hooks';
import { db } from '@/src/db';
import * as queue from '@/src/queue/repository';
import { exportJson } from '@/src/queue/formats/json';
import { exportMarkdown } from '@/src/queue/formats/markdown';
import { exportBookmarksHtml } from '@/src/queue/formats/bookmarks-html';
import { importSizeError, previewImport, type ImportPreview } from '@/src/queue/import';
import type { QueueItem } from '@/src/queue/types';
import { t } from '@/src/platform/i18n';

type ExportFormat = { label: string; extension: string; type: string; write: (items: readonly QueueItem[], now: number) => string };

const EXPORT_FORMATS: ExportFormat[] = [
  { label: 'JSON', extension: 'json', type: 'application/json', write: exportJson },
  { label: 'Markdown', extension: 'md', type: 'text/markdown', write: exportMarkdown },
  { label: 'Bookmarks HTML', extension: 'html', type: 'text/html', write: exportBookmarksHtml },
];

/** A download through a temporary link, so no `downloads` permission is needed. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function exportQueue(format: ExportFormat): Promise<void> {
  const now = Date.now();
  const date = new Date(now).toISOString().slice(0, 10);
  download(`docent-queue-${date}.${format.extension}`, format.type, format.write(await queue.all(db), now));
}

const MAX_REJECTIONS_SHOWN = 5;

export function QueueFilesSection() {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const pickFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    setPreview(null);
    if (!file) return;
    const tooBig = importSizeError(file.size);
    if (tooBig) {
      setMessage({ text: tooBig, error: true });
      return;
    }
    const result = previewImport(await queue.all(db), await file.text(), file.name, Date.now());
    if (result.ok) {
      setPreview(result);
      setMessage(null);
    } else {
      setMessage({ text: result.error, error: true });
    }
  };

  const applyPreview = async () => {
    if (!preview) return;
    const changed = await queue.applyImport(db, preview);
    setPreview(null);
    setMessage({ text: t('options_import_done', changed), error: false });
  };

  return (
    <section class="options-section" aria-labelledby="queue-files-title">
      <h2 id="queue-files-title">{t('options_queue_files_title')}</h2>
      <div class="options-inline-form">
        {EXPORT_FORMATS.map((format) => (
          <button key={format.extension} type="button" class="button" onClick={() => void exportQueue(format)}>
            {t('options_export_as', format.label)}
          </button>
        ))}
      </div>
      <label class="options-stack">
        <span>
          {t('options_import_label')}
          <span class="options-hint">{t('options_import_hint')}</span>
        </span>
        <input type="file" accept=".json,.md,.markdown,.html,.htm,.csv" onChange={(event) => void pickFile(event)} />
      </label>
      {preview ? (
        <div class="options-preview" data-import-preview>
          <p>
            {t('options_import_preview', preview.toAdd.length, preview.alreadyThere.length, preview.toUpdate.length, preview.rejected.length)}
          </p>
          {preview.rejected.length > 0 ? (
            <ul class="options-list options-list-compact">
              {preview.rejected.slice(0, MAX_REJECTIONS_SHOWN).map((rejection, index) => (
                <li key={index}>
                  {rejection.where}: {rejection.reason}
                </li>
              ))}
            </ul>
          ) : null}
          <button
            type="button"
            class="button"
            disabled={preview.toAdd.length + preview.toUpdate.length === 0}
            onClick={() => void applyPreview()}
          >
            {t('options_import_apply', preview.toAdd.length + preview.toUpdate.length)}
          </button>{' '}
          <button type="button" class="button" onClick={() => setPreview(null)}>
            {t('options_cancel')}
          </button>
        </div>
      ) : null}
      {message ? (
        <p class={message.error ? 'options-message options-error' : 'options-message'} role="status">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
