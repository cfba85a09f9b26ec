/**
 * The queue as a downloaded file, offered by the Saved view and the options page. The writers
 * load on first use, so the popup's first paint does not carry them.
 */
import type { QueueItem } from '@/src/queue/types';
import type { ExportFormat } from '@/src/queue/export';
import type { MessageKey } from '@/src/platform/i18n';

export type ExportChoice = { format: ExportFormat; label: MessageKey; hint: MessageKey };

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { format: 'json', label: 'export_format_json', hint: 'export_json_hint' },
  { format: 'markdown', label: 'export_format_markdown', hint: 'export_markdown_hint' },
  { format: 'bookmarks-html', label: 'export_format_bookmarks', hint: 'export_bookmarks_hint' },
];

/** Downloads the queue through a temporary `<a download>` link, so no `downloads` permission is needed. */
export async function downloadQueue(items: readonly QueueItem[], format: ExportFormat): Promise<void> {
  const { exportQueue } = await import('@/src/queue/export');
  const file = exportQueue(items, format);
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.filename });
  link.click();
  // Revoking at once could cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
