import { describe, expect, it } from 'vitest';
import { filterSaved, savedList, savedTags, tagKey } from '@/src/queue/saved-filter';
import { makeItem } from './fixtures';

const DAY = 86_400_000;
const items = [
  makeItem('raft', { title: 'Raft explained', position: 1, addedAt: 1 * DAY, readMinutes: 30, tags: ['consensus', 'raft'] }),
  makeItem('ring', { title: 'Consistent hashing rings', position: 2, addedAt: 3 * DAY, readMinutes: 5, tags: ['consistent hashing'], note: 'Virtual nodes part' }),
  makeItem('log', { title: 'The Log', source: 'LinkedIn', position: 3, addedAt: 2 * DAY, readMinutes: 12, tags: ['Event Sourcing', 'kafka'] }),
  makeItem('cdc', { title: 'Change data capture', position: 4, addedAt: 4 * DAY, readMinutes: null, tags: ['event-sourcing'] }),
];
const ids = (list: { id: string }[]) => list.map((item) => item.id);
const none = { text: '', tag: null };

describe('filterSaved', () => {
  it('keeps everything with no filter', () => {
    expect(ids(filterSaved(items, none))).toEqual(['raft', 'ring', 'log', 'cdc']);
  });

  it('matches every word of the text, case-insensitively, in title, source, tags or note', () => {
    expect(ids(filterSaved(items, { text: 'HASHING', tag: null }))).toEqual(['ring']);
    expect(ids(filterSaved(items, { text: 'virtual nodes', tag: null }))).toEqual(['ring']);
    expect(ids(filterSaved(items, { text: 'linkedin', tag: null }))).toEqual(['log']);
    expect(ids(filterSaved(items, { text: 'kafka', tag: null }))).toEqual(['log']);
    expect(ids(filterSaved(items, { text: 'raft nodes', tag: null }))).toEqual([]);
    expect(ids(filterSaved(items, { text: '   ', tag: null }))).toEqual(['raft', 'ring', 'log', 'cdc']);
  });

  it('filters by a tag however it is spelt', () => {
    expect(ids(filterSaved(items, { text: '', tag: 'event sourcing' }))).toEqual(['log', 'cdc']);
    expect(ids(filterSaved(items, { text: 'capture', tag: 'Event-Sourcing' }))).toEqual(['cdc']);
  });
});

describe('savedTags', () => {
  it('lists each tag once, as first written, most used first, then by name', () => {
    expect(savedTags(items)).toEqual([
      { tag: 'Event Sourcing', count: 2 },
      { tag: 'consensus', count: 1 },
      { tag: 'consistent hashing', count: 1 },
      { tag: 'kafka', count: 1 },
      { tag: 'raft', count: 1 },
    ]);
  });

  it('counts an item once even when it carries two spellings of a tag', () => {
    expect(savedTags([makeItem('x', { tags: ['event-sourcing', 'Event Sourcing'] })])).toEqual([{ tag: 'event-sourcing', count: 1 }]);
  });

  it('tagKey makes spellings equal', () => {
    expect(tagKey('Event-Sourcing')).toBe(tagKey('event sourcing'));
  });
});

describe('savedList', () => {
  it('sorts by your order, date added (newest first) or reading time (unknown last)', () => {
    expect(ids(savedList(items, none, 'manual'))).toEqual(['raft', 'ring', 'log', 'cdc']);
    expect(ids(savedList(items, none, 'newest'))).toEqual(['cdc', 'ring', 'log', 'raft']);
    expect(ids(savedList(items, none, 'shortest'))).toEqual(['ring', 'log', 'raft', 'cdc']);
  });

  it('filters, then sorts', () => {
    expect(ids(savedList(items, { text: '', tag: 'event sourcing' }, 'newest'))).toEqual(['cdc', 'log']);
  });
});
