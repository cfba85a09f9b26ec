/** "More like this": answers the popup and side panel with the reads related to one read, from the same index as the tabs'. */
import { onMessage } from '@/src/platform/messaging';
import { sanitizeReadAsPage } from '@/src/platform/message-guards';
import { moreLikeThis } from '@/src/ranking/more-like-this';
import { relatedIndex } from './tab-pages';

export function registerMoreLikeThis(): void {
  onMessage('more-like-this', async ({ read: sent }) => {
    const read = sanitizeReadAsPage(sent);
    if (!read) return { related: [] };
    const { index } = await relatedIndex();
    // A saved read carries no summary (queue items are snapshots): the catalogue's copy has it.
    const summary = read.summary ?? index.reads.find((known) => known.id === read.id)?.summary ?? null;
    return { related: moreLikeThis({ ...read, summary }, index) };
  });
}
