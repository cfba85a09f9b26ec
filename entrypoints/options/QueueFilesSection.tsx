/**
 * Export the reading queue (JSON, Markdown, bookmarks HTML) and import a file: pick it, see what
 * it would add, leave as it is, update and reject (with reasons), then apply or cancel. A file
 * that is too big or malformed is refused with a plain message and changes nothing.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { db } from '@/src/db';
import * as queue from '@/src/queue/repository';
import { applyImport } from '@/src/queue/import-repository';
import { QUEUE_IMPORT_FILE_TYPES, importSizeError, previewImport, type ImportPreview } from '@/src/queue/import';
import type { QueueItem } from '@/src/queue/types';
import type { ExportFormat } from '@/src/queue/export';
import { EXPORT_CHOICES, downloadQueue } from '@/src/ui/queue-export';
import { t } from '@/src/platform/i18n';

type PendingImport = { fileName: string; preview: ImportPreview };
type Outcome = { text: string; error: boolean };

/** Long files list this many entries per group, then a count of the rest. */
const ENTRIES_SHOWN = 20;

/** Title and link each isolated (<bdi>), so a right-to-left override in an imported title cannot reverse how the link reads. */
const describeItem = (item: QueueItem): ComponentChildren =>
  item.url ? (
    <>
      <bdi>{item.title}</bdi> — <bdi>{item.url}</bdi>
    </>
  ) : (
    <bdi>{item.title}</bdi>
  );

function PreviewGroup(props: { kind: string; heading: string; entries: ComponentChildren[] }) {
  if (props.entries.length === 0) return null;
  const hidden = props.entries.length - ENTRIES_SHOWN;
  return (
    <div data-import-group={props.kind}>
      <h4>{props.heading}</h4>
      <ul class="options-list options-list-compact">
        {props.entries.slice(0, ENTRIES_SHOWN).map((entry, index) => (
          <li key={index}>{entry}</li>
        ))}
        {hidden > 0 ? <li>{t('import_more', hidden)}</li> : null}
      </ul>
    </div>
  );
}

function ImportPreviewPanel(props: { pending: PendingImport; onApply: () => void; onCancel: () => void }) {
  const { fileName, preview } = props.pending;
  const changes = preview.toAdd.length + preview.toUpdate.length;
  return (
    <div class="options-preview" data-import-preview>
      <h3>{t('import_preview_title', fileName)}</h3>
      <p data-import-counts>
        {t('options_import_preview', preview.toAdd.length, preview.alreadyThere.length, preview.toUpdate.length, preview.rejected.length)}
      </p>
      <PreviewGroup kind="add" heading={t('import_group_add', preview.toAdd.length)} entries={preview.toAdd.map(describeItem)} />
      <PreviewGroup
        kind="update"
        heading={t('import_group_update', preview.toUpdate.length)}
        entries={preview.toUpdate.map(describeItem)}
      />
      <PreviewGroup
        kind="already"
        heading={t('import_group_already', preview.alreadyThere.length)}
        entries={preview.alreadyThere.map(describeItem)}
      />
      <PreviewGroup
        kind="rejected"
        heading={t('import_group_rejected', preview.rejected.length)}
        entries={preview.rejected.map((rejection) => `${rejection.where}: ${rejection.reason}`)}
      />
      {changes === 0 ? <p>{t('import_nothing_new')}</p> : null}
      <button type="button" class="button" disabled={changes === 0} onClick={props.onApply}>
        {t('options_import_apply', changes)}
      </button>{' '}
      <button type="button" class="button" onClick={props.onCancel}>
        {t('options_cancel')}
      </button>
    </div>
  );
}

export function QueueFilesSection() {
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const refuse = (reason: string) => setOutcome({ text: t('import_failed', reason), error: true });

  const pickFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so picking the same file again (after fixing it) fires another change.
    input.value = '';
    setPending(null);
    setOutcome(null);
    if (!file) return;
    const tooBig = importSizeError(file.size);
    if (tooBig) return refuse(tooBig);
    try {
      const preview = previewImport(await queue.all(db), await file.text(), file.name, Date.now());
      if (preview.ok) setPending({ fileName: file.name, preview });
      else refuse(preview.error);
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
    }
  };

  const apply = async () => {
    if (!pending) return;
    setPending(null);
    try {
      const changed = await applyImport(db, pending.preview);
      setOutcome({ text: t('options_import_done', changed), error: false });
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
    }
  };

  const exportAs = async (format: ExportFormat) => {
    try {
      await downloadQueue(await queue.all(db), format);
    } catch (error) {
      setOutcome({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  };

  return (
    <section class="options-section" aria-labelledby="queue-files-title">
      <h2 id="queue-files-title">{t('options_queue_files_title')}</h2>
      <div class="options-inline-form">
        {EXPORT_CHOICES.map((choice) => (
          <button key={choice.format} type="button" class="button" title={t(choice.hint)} onClick={() => void exportAs(choice.format)}>
            {t('options_export_as', t(choice.label))}
          </button>
        ))}
      </div>
      <label class="options-stack">
        <span>
          {t('options_import_label')}
          <span class="options-hint">{t('options_import_hint')}</span>
        </span>
        <input type="file" accept={QUEUE_IMPORT_FILE_TYPES} onChange={(event) => void pickFile(event)} />
      </label>
      {pending ? <ImportPreviewPanel pending={pending} onApply={() => void apply()} onCancel={() => setPending(null)} /> : null}
      {outcome ? (
        <p class={outcome.error ? 'options-message options-error' : 'options-message'} role={outcome.error ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
