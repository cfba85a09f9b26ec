import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';
import { makeRead as makeReadWithDefaults } from '../support/reads';

export function makeRead(id: string, overrides: Partial<Read> = {}): Read {
  return makeReadWithDefaults(id, { tags: ['caching'], readMinutes: 7, ...overrides });
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
