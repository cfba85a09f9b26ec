/**
 * Reads the documentation page's keywords and sends them to the background (terms and counts
 * only; the page's text never leaves this script). Runs on the built-in documentation sites,
 * on sites the user granted (registered at run time), and on demand when the popup asks
 * (`scripting.executeScript` with this file). Single-page doc sites are re-read when their
 * location changes. Try it on https://kafka.apache.org/documentation/.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_DOC_SITE_PATTERNS } from '@/src/sites/doc-sites';
import { extractCandidates } from '@/src/keywords/extract';
import { findConcepts } from '@/src/vocabulary';
import { sendMessage } from '@/src/platform/messaging';
import { readDecisionFor } from '@/src/platform/permissions';

/** Wait this long after a location change: single-page sites render the new page after the URL changes. */
const LOCATION_CHANGE_DEBOUNCE_MS = 600;
/** Read within this time even on a page that never goes idle. */
const IDLE_TIMEOUT_MS = 2000;

// Injected twice (manifest and on demand), the second copy only re-sends instead of adding listeners.
const RUNNING = Symbol.for('docent.docs-content-script');
type ScriptGlobal = typeof globalThis & { [RUNNING]?: () => void };

async function readAndSend(): Promise<void> {
  try {
    // The user's exclude list and the never-read hosts win over every way this script got here.
    const decision = await readDecisionFor(location.href);
    if (!decision.allowed && decision.reason !== 'not-granted') return;
    const startedAt = performance.now();
    const { title, candidates } = extractCandidates(document, findConcepts);
    const extractMs = Math.round((performance.now() - startedAt) * 10) / 10;
    await sendMessage({ type: 'page-keywords', page: { url: location.href, title, keywords: candidates, extractMs } }).catch(
      () => undefined, // the extension was reloaded or the background is restarting; the next read will do
    );
  } catch (error) {
    // A hostile or half-built page must never break the site: give up quietly for this read.
    console.debug('[docent] could not read this page', error);
  }
}

function watchPage(ctx: ContentScriptContext): () => void {
  let pending: number | undefined;
  const scheduleRead = () => {
    ctx.requestIdleCallback(() => void readAndSend(), { timeout: IDLE_TIMEOUT_MS });
  };
  const onLocationChange = () => {
    if (pending !== undefined) clearTimeout(pending);
    pending = ctx.setTimeout(scheduleRead, LOCATION_CHANGE_DEBOUNCE_MS);
  };
  // wxt:locationchange covers history.pushState/replaceState (which an isolated world cannot hook); popstate covers back/forward.
  ctx.addEventListener(window, 'wxt:locationchange', onLocationChange);
  ctx.addEventListener(window, 'popstate', onLocationChange);
  scheduleRead();
  return scheduleRead;
}

export default defineContentScript({
  matches: [...DEFAULT_DOC_SITE_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    const scope = globalThis as ScriptGlobal;
    const running = scope[RUNNING];
    if (running) {
      running();
      return;
    }
    scope[RUNNING] = watchPage(ctx);
    ctx.onInvalidated(() => {
      delete scope[RUNNING];
    });
  },
});
