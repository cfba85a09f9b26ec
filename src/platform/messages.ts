/**
 * The one message protocol between content script, background and UI pages.
 * Every request is a member of `Request`; `ResponseOf<R>` is what its handler returns.
 * Add a message by adding one member to `Request` and one entry to `Responses`.
 */
import type { PageKeywords, Term } from '@/src/keywords/types';
import type { Read } from '@/src/catalogue/types';
import type { SyncStatus } from '@/src/queue/sync';
import type { ReadAsPage } from '@/src/ranking/more-like-this';
import type { QueueItem, QueueState } from '@/src/queue/types';
import type { MoveTarget } from '@/src/queue/rules';

/** Why a tab has no related reads to show. */
export type TabStatus =
  | 'related' // keywords known and above the relevance threshold
  | 'unrelated' // keywords known, nothing related enough
  | 'unreadable' // a browser page, the web store, a PDF, an excluded or never-read site
  | 'unknown'; // no content script ran yet (popup may extract on demand)

/** A related read with its score and the reasons: the terms page and read share that carried the match. */
export type RelatedRead = { read: Read; score: number; matched: string[] };

export type TabRelated = {
  tabId: number;
  url: string;
  title: string;
  status: TabStatus;
  related: RelatedRead[];
  /** The page terms the ranking searched with, strongest first (shown as the page's topics). */
  keywords: Term[];
};

/**
 * One queue change asked by the popup or side panel. The background runs it through the queue
 * repository (those pages carry no storage code of their own); a catalogue read is named by id and
 * looked up there, so a page cannot save a read the catalogue does not have.
 */
export type QueueEditRequest =
  | { op: 'save'; readId: string }
  | { op: 'save-page'; page: { url: string; title: string } }
  | { op: 'remove'; id: string }
  | { op: 'restore'; item: QueueItem }
  | { op: 'set-state'; id: string; state: QueueState }
  | { op: 'move'; id: string; target: MoveTarget }
  | { op: 'set-note'; id: string; note: string };

/** `removed`: what a remove took out (what Undo restores). `refused`: an impossible edit (unknown item, a link that is not a web page). */
export type QueueEditResult = { ok: true; removed: QueueItem | null } | { ok: false; reason: 'storage-full' | 'refused' };

export type Request =
  | { type: 'page-keywords'; page: PageKeywords }
  | { type: 'tab-related'; tabId: number }
  | { type: 'ping' }
  /** Background -> extension pages (side panel): a tab's related reads were recomputed. */
  | { type: 'tab-related-changed'; related: TabRelated }
  /** UI -> background: run a queue sync round now (options "Sync now", after an import); answers the new status. */
  | { type: 'queue-sync-now' }
  /** UI -> background: the catalogue reads related to one read ("More like this"), ranked as a small page. */
  | { type: 'more-like-this'; read: ReadAsPage }
  /** UI -> background: change the queue (see QueueEditRequest). */
  | { type: 'queue-edit'; edit: QueueEditRequest };

type Responses = {
  'page-keywords': { ok: true };
  'tab-related': TabRelated;
  ping: { ok: true };
  'tab-related-changed': { ok: true };
  'queue-sync-now': SyncStatus;
  'more-like-this': { related: RelatedRead[] };
  'queue-edit': QueueEditResult;
};

export type ResponseOf<R extends Request> = Responses[R['type']];
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;
