import { describe, expect, it } from 'vitest';
import {
  NOTE_MAX_LENGTH,
  QueueInputError,
  markRead,
  markUnread,
  move,
  restore,
  savePage,
  saveRead,
  setNote,
  sortQueue,
  unreadSummary,
  unsave,
} from '@/src/queue/rules';
import { pageId } from '@/src/queue/page-url';
import type { QueueItem } from '@/src/queue/types';
import { makeItem, makeRead } from './fixtures';

const ids = (items: QueueItem[]) => sortQueue(items, 'manual').map((item) => item.id);

describe('saving', () => {
  it('puts a new read on top with a snapshot of the read', () => {
    const first = saveRead([], makeRead('a'), 100).queue;
    const { queue, changed } = saveRead(first, makeRead('b', { title: 'Raft explained', tags: ['raft'] }), 200);
    expect(ids(queue)).toEqual(['b', 'a']);
    expect(changed).toEqual([
      expect.objectContaining({ id: 'b', readId: 'b', title: 'Raft explained', tags: ['raft'], addedAt: 200, updatedAt: 200, state: 'unread' }),
    ]);
  });

  it('saving the same read twice is a no-op', () => {
    const once = saveRead([], makeRead('a'), 100).queue;
    const twice = saveRead(once, makeRead('a', { title: 'changed' }), 200);
    expect(twice.queue).toBe(once);
    expect(twice.changed).toEqual([]);
  });

  it('saves any http(s) page under a stable id, and only once per normalised link', () => {
    const { queue, changed } = savePage([], { url: 'https://WWW.Example.com/post/?utm_source=x#intro', title: ' A post ' }, 5);
    expect(changed[0]).toMatchObject({ id: pageId('https://www.example.com/post'), readId: null, title: 'A post', source: 'example.com' });
    expect(savePage(queue, { url: 'https://www.example.com/post', title: 'again' }, 6).changed).toEqual([]);
  });

  it('does not save a page whose link is already queued as a catalogue read', () => {
    const queue = saveRead([], makeRead('a', { url: 'https://example.com/a' }), 1).queue;
    expect(savePage(queue, { url: 'https://example.com/a/', title: 'A' }, 2).changed).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'chrome://settings', 'not a url'])(
    'refuses to save %s',
    (url) => {
      expect(() => savePage([], { url, title: 'x' }, 1)).toThrow(QueueInputError);
    },
  );
});

describe('page ids', () => {
  it('are equal for links that differ only in case of host, fragment, trailing slash or tracking', () => {
    expect(pageId('https://Example.com/a/?b=1&utm_medium=m#x')).toBe(pageId('https://example.com/a?b=1'));
    expect(pageId('https://example.com/a')).not.toBe(pageId('https://example.com/b'));
    expect(pageId('https://example.com/a')).toMatch(/^page:[0-9a-f]{16}$/);
  });
});

describe('state, notes and removal', () => {
  const queue = [makeItem('a', { position: 0 }), makeItem('b', { position: 1 })];

  it('marks read with readAt and back to unread, bumping updatedAt', () => {
    const read = markRead(queue, 'a', 500).queue;
    expect(read.find((item) => item.id === 'a')).toMatchObject({ state: 'read', readAt: 500, updatedAt: 500 });
    const unread = markUnread(read, 'a', 600).queue;
    expect(unread.find((item) => item.id === 'a')).toMatchObject({ state: 'unread', readAt: null, updatedAt: 600 });
    expect(markRead(read, 'a', 700).changed).toEqual([]);
  });

  it('trims and caps notes', () => {
    const long = setNote(queue, 'a', `  ${'x'.repeat(NOTE_MAX_LENGTH + 50)}  `, 9).changed[0];
    expect(long.note).toHaveLength(NOTE_MAX_LENGTH);
    expect(long.updatedAt).toBe(9);
    expect(setNote(queue, 'a', 'see §3', 9).changed[0].note).toBe('see §3');
  });

  it('rejects edits of unknown items with a clear error', () => {
    expect(() => markRead(queue, 'zzz', 1)).toThrow('No saved read with id zzz');
  });

  it('remove then undo restores the item at its place, newer than its deletion', () => {
    const removed = unsave(queue, 'a');
    expect(ids(removed.queue)).toEqual(['b']);
    const undone = restore(removed.queue, removed.removed[0], 1_800_000_000_000);
    expect(ids(undone.queue)).toEqual(['a', 'b']);
    expect(undone.changed[0]).toEqual({ ...queue[0], updatedAt: 1_800_000_000_000 });
  });
});

describe('ordering', () => {
  const queue = ['a', 'b', 'c', 'd'].map((id, index) => makeItem(id, { position: index, addedAt: 10 - index, readMinutes: index === 2 ? null : 4 - index }));

  it('moves one item between neighbours, touching only that item', () => {
    const edit = move(queue, 'd', { beforeId: 'b' }, 50);
    expect(ids(edit.queue)).toEqual(['a', 'd', 'b', 'c']);
    expect(edit.changed).toEqual([expect.objectContaining({ id: 'd', position: 0.5, updatedAt: 50 })]);
    expect(ids(move(queue, 'a', { afterId: 'd' }, 50).queue)).toEqual(['b', 'c', 'd', 'a']);
    expect(ids(move(queue, 'c', { beforeId: 'a' }, 50).queue)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('survives 200 moves into the same gap', () => {
    let current = queue;
    for (let round = 0; round < 200; round++) {
      const moving = round % 2 === 0 ? 'c' : 'd';
      current = move(current, moving, { afterId: 'a' }, round).queue;
    }
    expect(ids(current)).toEqual(['a', 'd', 'c', 'b']);
    expect(new Set(current.map((item) => item.position)).size).toBe(4);
  });

  it('sorts by added date and by length (unknown lengths last)', () => {
    expect(ids(sortQueue(queue, 'newest'))).toEqual(['a', 'b', 'c', 'd']);
    expect(sortQueue(queue, 'oldest').map((item) => item.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(sortQueue(queue, 'shortest').map((item) => item.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('summarises unread count and minutes', () => {
    const withRead = markRead(queue, 'a', 1).queue;
    expect(unreadSummary(withRead)).toEqual({ count: 3, minutes: 3 + 0 + 1 });
  });
});
