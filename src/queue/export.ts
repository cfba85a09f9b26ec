/** One entry point for the Saved view and options page: the queue as a downloadable file in a chosen format. */
import type { QueueItem } from './types';
import { exportJson } from './formats/json';
import { exportMarkdown } from './formats/markdown';
import { exportBookmarksHtml } from './formats/bookmarks-html';

export type ExportFormat = 'json' | 'markdown' | 'bookmarks-html';

export type ExportFile = { filename: string; mimeType: string; text: string };

const WRITERS: Record<ExportFormat, { extension: string; mimeType: string; write: (items: readonly QueueItem[], now: number) => string }> = {
  json: { extension: 'json', mimeType: 'application/json', write: exportJson },
  markdown: { extension: 'md', mimeType: 'text/markdown', write: exportMarkdown },
  'bookmarks-html': { extension: 'html', mimeType: 'text/html', write: exportBookmarksHtml },
};

export function exportQueue(items: readonly QueueItem[], format: ExportFormat, now = Date.now()): ExportFile {
  const writer = WRITERS[format];
  return {
    filename: `docent-queue-${new Date(now).toISOString().slice(0, 10)}.${writer.extension}`,
    mimeType: `${writer.mimeType};charset=utf-8`,
    text: writer.write(items, now),
  };
}
