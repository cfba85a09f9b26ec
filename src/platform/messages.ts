/**
 * The one message protocol between content script, background and UI pages.
 * Every request is a member of `Request`; `ResponseOf<R>` is what its handler returns.
 * Add a message by adding one member to `Request` and one entry to `Responses`.
 */
import type { PageKeywords } from '@/src/keywords/types';
import type { Read } from '@/src/catalogue/types';
import type { SyncStatus } from '@/src/queue/sync';
import type { ReadAsPage } from '@/src/ranking/more-like-this';

/** Why a tab has no related reads to show. */
export type TabStatus =
  | 'related' // keywords known and above the relevance threshold
  | 'unrelated' // keywords known, nothing related enough
  | 'unreadable' // a browser page, the web store, a PDF, an excluded or never-read site
  | 'unknown'; // no content script ran yet (popup may extract on demand)

export type RelatedRead = { read: Read; score: number; matched: string[] };

export type TabRelated = {
  tabId: number;
  url: string;
  title: string;
  status: TabStatus;
  related: RelatedRead[];
  keywords: PageKeywords['keywords'];
};

export type Request =
  | { type: 'page-keywords'; page: PageKeywords }
  | { type: 'tab-related'; tabId: number }
  | { type: 'ping' }
  /** Background -> extension pages (side panel): a tab's related reads were recomputed. */
  | { type: 'tab-related-changed'; related: TabRelated }
  /** UI -> background: run a queue sync round now (options "Sync now", after an import); answers the new status. */
  | { type: 'queue-sync-now' }
  /** UI -> background: the catalogue reads related to one read ("More like this"), ranked as a small page. */
  | { type: 'more-like-this'; read: ReadAsPage };

type Responses = {
  'page-keywords': { ok: true };
  'tab-related': TabRelated;
  ping: { ok: true };
  'tab-related-changed': { ok: true };
  'queue-sync-now': SyncStatus;
  'more-like-this': { related: RelatedRead[] };
};

export type ResponseOf<R extends Request> = Responses[R['type']];
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;
