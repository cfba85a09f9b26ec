import type { Read } from '@/src/catalogue/types';
import type { QueueItem } from '@/src/queue/types';
import { makeRead as makeReadWithDefaults } from '../support/reads';

let dbCounter = 0;
/** A database name no other test uses (fake-indexeddb is shared by the whole test file). */
export function freshDbName(): string {
  return `docent-test-${Date.now()}-${dbCounter++}`;
}

export function makeRead(id: string, overrides: Partial<Read> = {}): Read {
  return makeReadWithDefaults(id, {
    source: 'example.com',
    published: '2021-03-04',
    category: 'Backend Development',
    tags: ['Kafka', 'push-pull'],
    readMinutes: 5,
    ...overrides,
  });
}

export function makeQueueItem(readId: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: readId,
    readId,
    title: `Queued ${readId}`,
    url: `https://example.com/${readId}`,
    source: 'example.com',
    tags: ['Kafka'],
    readMinutes: 5,
    addedAt: 1_700_000_000_000,
    state: 'unread',
    readAt: null,
    position: 1,
    note: 'read before the design review',
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}
