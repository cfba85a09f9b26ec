/**
 * Pocket's export CSV (`title,url,time_added,tags,status`; tags `|`-separated; status `unread` or
 * `archive`; time_added in seconds). Columns are found by header name, so extra or reordered
 * columns (Pocket added `cursor` at some point) still import.
 */
import type { ImportEntry, ParseResult, Rejection } from './parsed';

/** RFC 4180 records: quoted fields may hold commas, newlines and doubled quotes. Null when a quote is never closed. */
export function parseCsv(text: string): { fields: string[]; line: number }[] | null {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    recordLine = line;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      line++;
      endRecord();
    } else field += char;
  }
  if (quoted) return null;
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

export function parsePocketCsv(text: string): ParseResult {
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  if (records === null) return { ok: false, error: 'This CSV file is malformed: a quoted field is never closed.' };
  if (records.length === 0) return { ok: false, error: 'This CSV file is empty.' };
  const header = records[0].fields.map((name) => name.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const urlColumn = column('url');
  if (urlColumn === -1) return { ok: false, error: 'This CSV file has no "url" column (expected Pocket\'s title,url,time_added,tags,status).' };
  const [titleColumn, addedColumn, tagsColumn, statusColumn] = ['title', 'time_added', 'tags', 'status'].map(column);
  const cell = (fields: string[], index: number) => (index === -1 ? '' : (fields[index] ?? '').trim());

  const entries: ImportEntry[] = [];
  const rejected: Rejection[] = [];
  for (const { fields, line } of records.slice(1)) {
    const where = `line ${line}`;
    if (fields.length !== header.length) {
      rejected.push({ where, reason: `expected ${header.length} columns, found ${fields.length}` });
      continue;
    }
    const url = cell(fields, urlColumn);
    const added = cell(fields, addedColumn);
    const addedAt = /^\d{1,13}$/.test(added) ? Number(added) * (added.length > 11 ? 1 : 1000) : null;
    const status = cell(fields, statusColumn).toLowerCase();
    entries.push({
      kind: 'link',
      where,
      link: {
        title: cell(fields, titleColumn) || url,
        url,
        state: status === 'archive' || status === 'archived' || status === 'read' ? 'read' : 'unread',
        addedAt,
        readAt: null,
        tags: cell(fields, tagsColumn).split('|').map((tag) => tag.trim()).filter(Boolean),
        note: '',
      },
    });
  }
  return { ok: true, entries, rejected };
}
