export type QueueState = 'unread' | 'read';

/**
 * One saved read. Keeps a snapshot of what the user saw, so it survives the read
 * disappearing from the catalogue, and so pages outside the catalogue can be saved too.
 */
export type QueueItem = {
  /** Primary key: the read's id for catalogue reads, `page:<hash of url>` for saved pages. */
  id: string;
  /** The catalogue read this item was saved from, or null for a page saved from the browser. */
  readId: string | null;
  title: string;
  url: string | null;
  source: string;
  tags: string[];
  readMinutes: number | null;
  addedAt: number;
  state: QueueState;
  readAt: number | null;
  /** Sort key for manual ordering (fractional, so a move touches one item). */
  position: number;
  note: string;
  /** Last local change to any field; drives last-writer-wins sync merges. */
  updatedAt: number;
};
