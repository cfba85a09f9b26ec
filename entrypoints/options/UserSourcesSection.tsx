/** Add an awesome-list Markdown file or a bookmarks file as a catalogue source of one's own; list and remove them. */
import { useState } from 'preact/hooks';
import { db, type UserSource, type UserSourceKind } from '@/src/db';
import { importSizeError } from '@/src/queue/import';
import {
  addUserSource,
  listUserSources,
  parseUserSource,
  previewUserSource,
  removeUserSource,
  MAX_SOURCE_NAME_LENGTH,
  USER_SOURCE_FILE_TYPES,
  type ParsedUserSource,
  type UserSourcePreview,
} from '@/src/user-sources';
import { useLiveQuery } from '@/src/ui/use-live-query';
import { t, type MessageKey } from '@/src/platform/i18n';

const KIND_LABELS: Record<UserSourceKind, MessageKey> = {
  'awesome-markdown': 'sources_kind_markdown',
  'bookmarks-html': 'sources_kind_bookmarks',
};

const MAX_REJECTIONS_SHOWN = 5;

type Pending = { parsed: ParsedUserSource; preview: UserSourcePreview; name: string };
type Message = { text: string; error: boolean };

const errorText = (error: unknown) => t('sources_failed', error instanceof Error ? error.message : String(error));

function PendingSource({ pending, onName, onAdd, onCancel }: { pending: Pending; onName: (name: string) => void; onAdd: () => void; onCancel: () => void }) {
  const { parsed, preview } = pending;
  return (
    <div class="options-preview" data-user-source-preview>
      <label class="options-row">
        <span>{t('sources_name_label')}</span>
        <input type="text" maxLength={MAX_SOURCE_NAME_LENGTH} value={pending.name} onInput={(event) => onName(event.currentTarget.value)} />
      </label>
      <p>{t('sources_preview', preview.toAdd.length, preview.alreadyInCatalogue, parsed.rejected.length)}</p>
      {preview.replacing ? <p class="options-hint">{t('sources_replacing', preview.replacing.name)}</p> : null}
      {parsed.rejected.length > 0 ? (
        <ul class="options-list options-list-compact">
          {parsed.rejected.slice(0, MAX_REJECTIONS_SHOWN).map((rejection, index) => (
            <li key={index}>
              {rejection.where}: {rejection.reason}
            </li>
          ))}
          {parsed.rejected.length > MAX_REJECTIONS_SHOWN ? <li>{t('sources_more_rejected', parsed.rejected.length - MAX_REJECTIONS_SHOWN)}</li> : null}
        </ul>
      ) : null}
      <button type="button" class="button" disabled={preview.toAdd.length === 0} onClick={onAdd}>
        {t('sources_add', preview.toAdd.length)}
      </button>{' '}
      <button type="button" class="button" onClick={onCancel}>
        {t('options_cancel')}
      </button>
    </div>
  );
}

function SourceRow({ source, onRemoved, onError }: { source: UserSource; onRemoved: (source: UserSource) => void; onError: (error: unknown) => void }) {
  const [confirming, setConfirming] = useState(false);
  const remove = () =>
    removeUserSource(db, source.id)
      .then(() => onRemoved(source))
      .catch(onError);
  return (
    <li data-user-source={source.id}>
      <span>
        {source.name}
        <span class="options-hint">
          {t(KIND_LABELS[source.kind])} · {t('sources_read_count', source.readCount)} · {new Date(source.addedAt).toLocaleDateString()}
        </span>
      </span>
      {confirming ? (
        <span>
          <span class="options-hint">{t('sources_remove_confirm', source.name, source.readCount)}</span>
          <button type="button" class="button" onClick={() => void remove()}>
            {t('sources_remove')}
          </button>{' '}
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            {t('options_cancel')}
          </button>
        </span>
      ) : (
        <button type="button" class="button" onClick={() => setConfirming(true)}>
          {t('sources_remove')}
        </button>
      )}
    </li>
  );
}

export function UserSourcesSection() {
  const sources = useLiveQuery(() => listUserSources(db), [], null as UserSource[] | null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const pickFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    if (!file) return;
    const tooBig = importSizeError(file.size);
    if (tooBig) {
      setMessage({ text: tooBig, error: true });
      return;
    }
    try {
      const parsed = parseUserSource(file.name, await file.text());
      if (!parsed.ok) {
        setMessage({ text: parsed.error, error: true });
        return;
      }
      setPending({ parsed, preview: await previewUserSource(db, parsed), name: parsed.name });
      setMessage(null);
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    }
  };

  const add = async () => {
    if (!pending) return;
    try {
      const { source, added } = await addUserSource(db, pending.parsed, pending.name);
      setPending(null);
      setMessage({ text: t('sources_added', source.name, added), error: false });
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    }
  };

  return (
    <section class="options-section" aria-labelledby="user-sources-title">
      <h2 id="user-sources-title">{t('sources_title')}</h2>
      <label class="options-stack">
        <span>
          {t('sources_file_label')}
          <span class="options-hint">{t('sources_file_hint')}</span>
        </span>
        <input type="file" accept={USER_SOURCE_FILE_TYPES} data-user-source-file onChange={(event) => void pickFile(event)} />
      </label>
      {pending ? (
        <PendingSource
          pending={pending}
          onName={(name) => setPending({ ...pending, name })}
          onAdd={() => void add()}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {message ? (
        <p class={message.error ? 'options-message options-error' : 'options-message'} role="status">
          {message.text}
        </p>
      ) : null}
      {sources === null ? null : sources.length === 0 ? (
        <p class="options-hint">{t('sources_empty')}</p>
      ) : (
        <ul class="options-list" data-user-sources>
          {sources.map((source) => (
            <SourceRow
              key={source.id}
              source={source}
              onRemoved={(removed) => setMessage({ text: t('sources_removed', removed.name), error: false })}
              onError={(error) => setMessage({ text: errorText(error), error: true })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
