import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';

export function makeRead(id: string, overrides: Partial<Read> = {}): Read {
  return {
    id,
    title: `Read ${id}`,
    url: `https://example.com/${id}`,
    source: 'Example',
    author: null,
    published: null,
    category: null,
    section: null,
    summary: null,
    tags: ['caching'],
    readMinutes: 7,
    origin: 'listing',
    ...overrides,
  };
}

export function makeItem(id: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    readId: id,
    title: `Item ${id}`,
    url: `https://example.com/${id}`,
    source: 'Example',
    tags: ['kafka', 'consensus'],
    readMinutes: 5,
    addedAt: 1_700_000_000_000,
    state: 'unread',
    readAt: null,
    position: 0,
    note: '',
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}
