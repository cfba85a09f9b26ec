/**
 * Queue changes asked by the popup and side panel, run here through the queue repository (one
 * serialised transaction each, as before): those pages carry no Dexie, and every Dexie write here
 * is announced to them on Dexie's channel, which is how their lists stay live.
 */
import type { QueueEditRequest, QueueEditResult } from '@/src/platform/messages';
import { onMessage } from '@/src/platform/messaging';
import { sanitizeQueueEdit } from '@/src/platform/message-guards';
import { db, fromStoredRead } from '@/src/db';
import * as queue from '@/src/queue/repository';

async function runEdit(edit: QueueEditRequest): Promise<QueueEditResult> {
  switch (edit.op) {
    case 'save': {
      const stored = await db.reads.get(edit.readId);
      if (!stored) return { ok: false, reason: 'refused' }; // gone from the catalogue meanwhile
      await queue.save(db, fromStoredRead(stored));
      return { ok: true, removed: null };
    }
    case 'save-page':
      await queue.savePage(db, edit.page);
      return { ok: true, removed: null };
    case 'remove':
      return { ok: true, removed: await queue.remove(db, edit.id) };
    case 'restore':
      await queue.restore(db, edit.item);
      return { ok: true, removed: null };
    case 'set-state':
      await queue.setState(db, edit.id, edit.state);
      return { ok: true, removed: null };
    case 'move':
      await queue.move(db, edit.id, edit.target);
      return { ok: true, removed: null };
    case 'set-note':
      await queue.setNote(db, edit.id, edit.note);
      return { ok: true, removed: null };
  }
}

/** One edit; a full disk or an impossible edit is an answer, not an error, so the page can say so. */
export async function editQueueFor(request: unknown): Promise<QueueEditResult> {
  const edit = sanitizeQueueEdit(request);
  if (!edit) return { ok: false, reason: 'refused' };
  try {
    return await runEdit(edit);
  } catch (error) {
    if (error instanceof queue.QueueInputError) return { ok: false, reason: 'refused' };
    if (error instanceof queue.QueueStorageFullError) {
      console.warn('Docent: the queue was not changed, the disk is full', error);
      return { ok: false, reason: 'storage-full' };
    }
    throw error;
  }
}

export function registerQueueEdits(): void {
  onMessage('queue-edit', ({ edit }) => editQueueFor(edit));
}
