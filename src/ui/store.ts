/**
 * The popup's storage layer, loaded after its first paint: Dexie and the queue repository are most
 * of its JavaScript, and the Related view needs neither (it asks the background).
 */
export { db } from '@/src/db';
export * as queueRepository from '@/src/queue/repository';
