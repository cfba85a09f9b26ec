/** The `queue` table: the user's saved reads. Catalogue updates never write here. */
import type { EntityTable } from 'dexie';
import type { QueueItem } from '@/src/queue/types';

export type QueueTable = EntityTable<QueueItem, 'id'>;
