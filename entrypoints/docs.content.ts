/**
 * Reads the documentation page's keywords and sends them to the background (terms and counts
 * only; the page's text never leaves this script). Runs on the built-in documentation sites,
 * on sites the user granted (registered at run time), and on demand when the popup asks
 * (`scripting.executeScript` with this file), in the top frame only (the manifest's and
 * executeScript's default). Single-page doc sites are re-read when their location changes, never
 * because the page mutates itself. Try it on https://kafka.apache.org/documentation/.
 *
 * Hostile pages (tests/e2e/hostile-pages.spec.ts): the page's own redefinitions of built-ins do not
 * reach this script (Chrome's isolated world); the read runs in slices of a few milliseconds, so
 * a 5 MB or 100,000-element page never sees a long task from it; nothing is written to the page,
 * and failures stay out of its console except as console.debug.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_DOC_SITE_PATTERNS } from '@/src/sites/doc-sites';
import { runInSlices } from '@/src/keywords/steps';
import { pageTermSteps } from '@/src/relevance/page-terms';
import { vocabulary } from '@/src/relevance/shipped-vocabulary';
import { sendMessage } from '@/src/platform/messaging';
import { readDecisionFor } from '@/src/platform/permissions';
import { mayReadWhenAsked } from '@/src/sites/site-policy';

/** Wait this long after a location change: single-page sites render the new page after the URL changes. */
const LOCATION_CHANGE_DEBOUNCE_MS = 600;
/** Read within this time even on a page that never goes idle. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * WXT's ContentScriptContext announces every start with `window.postMessage`, a legacy signal it no
 * longer listens to (older copies are stopped through a DOM event), so every `message` listener of
 * the page would get it, with Docent's extension id in it: the page would learn Docent is installed.
 * The context is created synchronously right after this module runs, so holding that one message
 * back until the next microtask leaves the page's messages as they were.
 */
function holdBackWxtStartAnnouncement(): void {
  const postMessage = window.postMessage;
  const isAnnouncement = (message: unknown) =>
    typeof message === 'object' && message !== null && String((message as { type?: unknown }).type).endsWith(':wxt:content-script-started');
  window.postMessage = function (this: Window, ...args: Parameters<Window['postMessage']>) {
    if (!isAnnouncement(args[0])) postMessage.apply(this, args as Parameters<typeof postMessage>);
  } as Window['postMessage'];
  queueMicrotask(() => {
    window.postMessage = postMessage;
  });
}
holdBackWxtStartAnnouncement();

// Injected twice (manifest and on demand), the second copy only re-sends instead of adding listeners.
const RUNNING = Symbol.for('docent.docs-content-script');
type ScriptGlobal = typeof globalThis & { [RUNNING]?: () => void };

type PageScheduler = { yield(): Promise<void> };

/** Let the page run (input, rendering, its own tasks) before the next slice of the read. */
function yieldToPage(ctx: ContentScriptContext): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<PageScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => ctx.setTimeout(resolve, 0));
}

async function readAndSend(ctx: ContentScriptContext): Promise<void> {
  try {
    // The user's exclude list and the never-read hosts win over every way this script got here.
    const url = location.href;
    const decision = await readDecisionFor(url);
    if (!mayReadWhenAsked(decision)) return;
    // The vocabulary is built on first use (a few ms): in a task of its own, before the sliced read.
    const terms = vocabulary();
    await yieldToPage(ctx);
    const read = await runInSlices(pageTermSteps(document, url, terms), {
      yieldToPage: () => yieldToPage(ctx),
      // A newer read covers a page that moved on; a reloaded extension has no one to send to.
      shouldStop: () => ctx.isInvalid || location.href !== url,
    });
    if (!read) return;
    const { title, terms: pageTerms } = read.value;
    const extractMs = Math.round(read.busyMs * 10) / 10;
    await sendMessage({ type: 'page-keywords', page: { url, title, terms: pageTerms, extractMs } }).catch(
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
    ctx.requestIdleCallback(() => void readAndSend(ctx), { timeout: IDLE_TIMEOUT_MS });
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
