/**
 * Hostile documentation pages for the content script (issue 8, item 2), generated at test time:
 * every page is about Kafka consumer groups, so the content script has something real to read, and
 * each is hostile in one way (size, element count, depth, scripts, redefined built-ins, odd Unicode,
 * frames, constant mutation). Each page carries its own watchdog (`PAGE_WATCHDOG`), installed
 * before anything else runs, that records what a well-behaved extension must never cause: mutations
 * outside the page's own live region, new globals, errors, foreign calls to the built-ins the page
 * redefined, messages it did not post, timers that stop firing. `window.__pageWatchdog.report()`
 * returns it as JSON text.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HostilePage = {
  /** Short name, also the page's path under the docs host (`/hostile/<name>.html`). */
  name: string;
  /** What makes it hostile, for the report. */
  hostility: string;
  html: string;
  /** Terms the background must receive from this page (from its Kafka content). */
  expectedTerms: string[];
  /** Words only in places that must not be read (scripts, frames, hidden…): never keywords. */
  forbiddenTerms: string[];
  /** Other documents the page loads (frames), by path. */
  subresources?: Record<string, string>;
  /** The page rewrites itself forever, counting its rewrites in `window.mutationLoopTicks`. */
  mutatesConstantly?: boolean;
};

const TOPIC_SENTENCES = [
  'A consumer group is a set of consumers that cooperate to consume the partitions of a Kafka topic.',
  'Each partition is assigned to exactly one consumer in the consumer group, so adding consumers spreads the load.',
  'When a consumer joins or leaves, the group coordinator triggers a rebalance and reassigns the partitions.',
  'Consumers commit their offsets to the internal offsets topic, so a restarted consumer resumes where it stopped.',
  'The broker acting as group coordinator tracks heartbeats; a consumer that misses them is removed from the group.',
  'Static membership avoids a rebalance when a consumer restarts quickly with the same group instance id.',
  'Lag is the distance between the last committed offset and the end of the partition log.',
  'Cooperative rebalancing moves only the partitions that change owner instead of stopping the whole consumer group.',
];

/** `count` sentences about consumer groups, deterministic. */
function prose(count: number, seed = 0): string {
  return Array.from({ length: count }, (_, i) => TOPIC_SENTENCES[(seed + i) % TOPIC_SENTENCES.length]).join(' ');
}

/** The Kafka consumer-group terms every content-bearing page must yield. */
const KAFKA_TERMS = ['consumer group', 'kafka', 'rebalance'];

/**
 * The page's own watchdog, first in <head>. It keeps its own references to every built-in it uses
 * (some pages redefine them afterwards), starts watching at DOMContentLoaded (once the page has
 * built itself), and treats only mutations inside `[data-page-owned]` as the page's own.
 */
const PAGE_WATCHDOG = String.raw`
(() => {
  const stringify = JSON.stringify;
  const ownNames = Object.getOwnPropertyNames;
  const listen = EventTarget.prototype.addEventListener;
  const closest = Element.prototype.closest;
  const parentOf = Object.getOwnPropertyDescriptor(Node.prototype, 'parentElement').get;
  const firstChildOf = Object.getOwnPropertyDescriptor(Element.prototype, 'firstElementChild').get;
  const nextSiblingOf = Object.getOwnPropertyDescriptor(Element.prototype, 'nextElementSibling').get;
  const startInterval = window.setInterval.bind(window);
  const Observer = window.MutationObserver;
  const state = { started: false, foreignMutations: [], ownMutations: 0, timerTicks: 0, errors: [], foreignMessages: [], checks: {}, stats: null };
  /** Element count and depth of the page as built (an iterative walk: the deep page would overflow a recursive one). */
  const measure = () => {
    let elements = 0, depth = 0, maxDepth = 0;
    let node = document.documentElement;
    while (node !== null) {
      elements++;
      if (depth > maxDepth) maxDepth = depth;
      const child = firstChildOf.call(node);
      if (child !== null) { node = child; depth++; continue; }
      while (node !== null && nextSiblingOf.call(node) === null) { node = parentOf.call(node); depth--; }
      if (node !== null) node = nextSiblingOf.call(node);
    }
    return { elements, depth: maxDepth };
  };
  let globalsAtStart = null;
  const checks = [];
  const owned = (node) => {
    const element = node.nodeType === 1 ? node : parentOf.call(node);
    return element !== null && closest.call(element, '[data-page-owned]') !== null;
  };
  listen.call(window, 'error', (event) => { state.errors[state.errors.length] = String(event.message); });
  listen.call(window, 'unhandledrejection', (event) => { state.errors[state.errors.length] = 'unhandled rejection: ' + String(event.reason); });
  // Messages the page did not post itself (an extension talking to the page would show up here).
  listen.call(window, 'message', (event) => {
    if (!(event.data && event.data.fromPage === true)) state.foreignMessages[state.foreignMessages.length] = stringify(event.data);
  });
  const watchdog = window.__pageWatchdog = {
    /** A page-specific check of its own behaviour: fn() returns true when the page still behaves as it defined. */
    addCheck(name, fn) { checks[checks.length] = [name, fn]; },
    start() {
      state.started = true;
      state.stats = measure();
      globalsAtStart = ownNames(window);
      new Observer((records) => {
        for (let i = 0; i < records.length; i++) {
          const record = records[i];
          if (owned(record.target)) state.ownMutations++;
          else if (state.foreignMutations.length < 20) state.foreignMutations[state.foreignMutations.length] = record.type + ' on ' + String(record.target.nodeName);
          else state.foreignMutations[19] = 'and more';
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      startInterval(() => { state.timerTicks++; }, 20);
    },
    report() {
      // A plain object, not a Set: one of the pages redefines Set.prototype.has.
      const before = Object.create(null);
      for (let i = 0; globalsAtStart !== null && i < globalsAtStart.length; i++) before[globalsAtStart[i]] = true;
      const now = ownNames(window);
      const addedGlobals = [];
      for (let i = 0; i < now.length; i++) if (!(now[i] in before)) addedGlobals[addedGlobals.length] = now[i];
      for (let i = 0; i < checks.length; i++) {
        let ok;
        try { ok = checks[i][1]() === true; } catch (error) { ok = false; }
        state.checks[checks[i][0]] = ok;
      }
      return stringify({ ...state, addedGlobals });
    },
  };
  // Watch from the end of parsing: everything before is the page building itself.
  listen.call(document, 'DOMContentLoaded', () => watchdog.start());
})();`;

function documentHtml(options: { title: string; description?: string; head?: string; body: string; bodyAttributes?: string }): string {
  const description = options.description ?? 'How Kafka consumer groups share partitions, commit offsets and rebalance.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${options.title}</title>
<meta name="description" content="${description}">
<script>${PAGE_WATCHDOG}</script>${options.head ?? ''}</head><body${options.bodyAttributes ?? ''}>
<header><a href="/">Kafka Docs</a><nav><a href="/quickstart">Quickstart</a> <a href="/configuration">Configuration</a></nav></header>
${options.body}
<footer><p>Documentation licensed under the Apache License 2.0.</p></footer>
</body></html>`;
}

/** A realistic page section: heading, paragraphs, a code sample, a list. */
function section(i: number): string {
  return `<section><h2 id="s${i}">Consumer group rebalance, part ${i}</h2>
<p>${prose(4, i)}</p><p>${prose(3, i + 4)}</p>
<pre><code>props.put("group.id", "billing-${i}");
consumer.subscribe(List.of("payments-${i}"));
ConsumerRecords&lt;String, String&gt; records = consumer.poll(Duration.ofMillis(100));</code></pre>
<ul><li>Partitions per consumer: ${(i % 6) + 1}</li><li>Session timeout: ${(i % 5) * 10 + 10} s</li></ul></section>`;
}

/** A ~`targetBytes` documentation page: sections of prose and code, then a long configuration table. */
function fiveMegabytePage(targetBytes: number): HostilePage {
  const sections: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes * 0.7; i++) {
    const next = section(i);
    sections.push(next);
    size += next.length;
  }
  const rows: string[] = [];
  for (let i = 0; size < targetBytes; i++) {
    const row = `<tr><td><code>consumer.setting.${i}</code></td><td>${i % 2 ? 'int' : 'string'}</td><td>Controls how the consumer group handles partition ${i}.</td></tr>`;
    rows.push(row);
    size += row.length;
  }
  return {
    name: 'dom-5mb',
    hostility: 'a 5 MB document: long prose, code samples and a configuration table',
    html: documentHtml({
      title: 'Kafka consumer groups — complete reference',
      body: `<main><article><h1>Kafka consumer groups</h1>${sections.join('\n')}
<table><thead><tr><th>Name</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></article></main>`,
    }),
    expectedTerms: KAFKA_TERMS,
    forbiddenTerms: [],
  };
}

/** 100,000+ elements: an intro, then a partition-assignment table where every cell is several elements. */
function hundredThousandElementsPage(): HostilePage {
  const rows = Array.from(
    { length: 12_500 },
    (_, i) => `<tr><td><span>p</span><b>${i}</b></td><td><i>c${i % 64}</i></td><td><code>${i * 3}</code></td></tr>`,
  );
  return {
    name: 'elements-100k',
    hostility: '100,000+ elements in one table of tiny cells',
    html: documentHtml({
      title: 'Kafka consumer group partition assignment',
      body: `<main><h1>Kafka consumer group partition assignment</h1><p>${prose(8)}</p>
<table><tbody>${rows.join('')}</tbody></table></main>`,
    }),
    expectedTerms: KAFKA_TERMS,
    forbiddenTerms: [],
  };
}

/**
 * Depths of the deep page's two nested trees, built with DOM calls (the HTML parser caps nesting
 * at 512). Chromium's renderer itself crashes laying out more than ~2,500 nested levels, so the
 * deepest tree is kept out of layout by the page's stylesheet (the extractor does not read
 * stylesheets, so it still walks it).
 */
export const DEEP_NESTING_LEVELS = { rendered: 2_000, unrendered: 20_000 } as const;

function deeplyNestedPage(): HostilePage {
  // Text at several depths and a sentence at the very bottom of each tree, so a reader has to go all the way down.
  const build = `
(() => {
  const nest = (id, levels, bottom) => {
    let parent = document.getElementById(id);
    for (let depth = 1; depth <= levels; depth++) {
      const child = document.createElement(depth % 2 ? 'div' : 'span');
      if (depth % 1000 === 0) child.append('At depth ' + depth + ': ' + ${JSON.stringify(prose(2))});
      parent.appendChild(child);
      parent = child;
    }
    parent.append(bottom);
  };
  nest('deep-rendered', ${DEEP_NESTING_LEVELS.rendered}, 'At the bottom of the rendered tree, the round-robin assignor spreads partitions evenly.');
  nest('deep-unrendered', ${DEEP_NESTING_LEVELS.unrendered}, 'At the very bottom, the sticky assignor keeps partitions with their previous owner.');
})();`;
  return {
    name: 'deep-nesting',
    hostility: `${DEEP_NESTING_LEVELS.rendered.toLocaleString('en')} and ${DEEP_NESTING_LEVELS.unrendered.toLocaleString('en')} levels of nested elements, built by the page's script`,
    html: documentHtml({
      title: 'Kafka consumer groups in depth',
      head: '<style>#deep-rendered div, #deep-rendered span { display: block; margin: 0; padding: 0; } #deep-unrendered { display: none; }</style>',
      body: `<main><h1>Kafka consumer groups in depth</h1><div id="deep-rendered"></div><div id="deep-unrendered"></div></main><script>${build}</script>`,
    }),
    expectedTerms: [...KAFKA_TERMS, 'round robin', 'sticky', 'assignor'],
    forbiddenTerms: [],
  };
}

/** Thousands of scripts (running and inert), styles, templates and noscript blocks around the content. */
function scriptHeavyPage(): HostilePage {
  const poison = 'bitcoin casino jackpot zebra';
  const scripts = Array.from({ length: 2_000 }, (_, i) =>
    i % 4 === 0
      ? `<script type="text/x-template">${poison} template number ${i}</script>`
      : i % 4 === 1
        ? `<script type="application/ld+json">{"@type":"TechArticle","keywords":"${poison}","n":${i}}</script>`
        : `<script>window.pageCounter = (window.pageCounter || 0) + 1; /* ${poison} */ void ${JSON.stringify(poison)}.length;</script>`,
  ).join('\n');
  return {
    name: 'script-heavy',
    hostility: '2,000 <script> elements (running, JSON-LD and templates) plus <style>, <template> and <noscript> full of other words',
    html: documentHtml({
      title: 'Kafka consumer groups and offsets',
      head: `<style>/* ${poison} */ body { font-family: sans-serif; }</style>`,
      body: `<main><h1>Kafka consumer groups and offsets</h1>${scripts}
<p>${prose(8)}</p><template><p>${poison} inside a template</p></template><noscript>${poison} for readers without scripts</noscript>
<style>.x::after { content: "${poison}"; }</style><p>${prose(4, 2)}</p></main>
<script>window.__pageWatchdog.addCheck('all page scripts ran', () => window.pageCounter === 1000);</script>`,
    }),
    expectedTerms: KAFKA_TERMS,
    forbiddenTerms: poison.split(' '),
  };
}

/**
 * Redefines the built-ins a content script might lean on, in ways that would corrupt or break it
 * if it saw them (Chrome runs content scripts in an isolated world, where it must not). Each
 * replacement counts calls made while the page is not checking itself: those can only be foreign.
 */
function redefinedBuiltinsPage(): HostilePage {
  const redefine = `
(() => {
  const foreign = window.foreignCalls = {};
  let pageCalling = false;
  const note = (name) => { if (!pageCalling) foreign[name] = (foreign[name] || 0) + 1; };
  const originalMap = Array.prototype.map;
  const originalFrom = Array.from;
  const originalStringify = JSON.stringify;
  const originalReplace = String.prototype.replace;
  Array.prototype.map = function (...args) { note('Array.prototype.map'); return originalMap.apply(this, args).reverse(); };
  Array.prototype.filter = function () { note('Array.prototype.filter'); return []; };
  Array.prototype.flatMap = function () { note('Array.prototype.flatMap'); return []; };
  Array.prototype.join = function () { note('Array.prototype.join'); return 'hijacked join'; };
  Array.from = function () { note('Array.from'); return []; };
  JSON.stringify = function () { note('JSON.stringify'); return '"hijacked json"'; };
  JSON.parse = function () { note('JSON.parse'); return { hijacked: true }; };
  Object.defineProperty(Node.prototype, 'textContent', { configurable: true, get() { note('Node.prototype.textContent'); return 'hijacked bitcoin text'; }, set() { note('Node.prototype.textContent'); } });
  Object.defineProperty(Node.prototype, 'nodeValue', { configurable: true, get() { note('Node.prototype.nodeValue'); return 'hijacked bitcoin value'; }, set() { note('Node.prototype.nodeValue'); } });
  Object.defineProperty(Node.prototype, 'childNodes', { configurable: true, get() { note('Node.prototype.childNodes'); return []; } });
  Object.defineProperty(Document.prototype, 'title', { configurable: true, get() { note('Document.prototype.title'); return 'hijacked title'; }, set() {} });
  Node.prototype.appendChild = function () { note('Node.prototype.appendChild'); throw new Error('appendChild is disabled on this page'); };
  EventTarget.prototype.addEventListener = function () { note('EventTarget.prototype.addEventListener'); };
  Element.prototype.querySelectorAll = function () { note('Element.prototype.querySelectorAll'); return []; };
  Document.prototype.querySelectorAll = function () { note('Document.prototype.querySelectorAll'); return []; };
  Document.prototype.querySelector = function () { note('Document.prototype.querySelector'); return null; };
  Element.prototype.getAttribute = function () { note('Element.prototype.getAttribute'); return 'display: none'; };
  Element.prototype.hasAttribute = function () { note('Element.prototype.hasAttribute'); return true; };
  String.prototype.toLowerCase = function () { note('String.prototype.toLowerCase'); return 'hijacked'; };
  String.prototype.trim = function () { note('String.prototype.trim'); return ''; };
  String.prototype.matchAll = function* () { note('String.prototype.matchAll'); };
  RegExp.prototype.test = function () { note('RegExp.prototype.test'); return true; };
  Map.prototype.get = function () { note('Map.prototype.get'); return undefined; };
  Set.prototype.has = function () { note('Set.prototype.has'); return true; };
  Math.log1p = function () { note('Math.log1p'); return NaN; };
  performance.now = function () { note('performance.now'); return 0; };
  window.requestIdleCallback = function () { note('requestIdleCallback'); return 0; };
  window.setTimeout = function () { note('setTimeout'); return 0; };
  window.postMessage = function () { note('postMessage'); };
  // The page's own use of its redefinitions: they must still behave exactly as it defined them.
  const asPage = (fn) => () => { pageCalling = true; try { return fn(); } finally { pageCalling = false; } };
  const watchdog = window.__pageWatchdog;
  watchdog.addCheck('Array.prototype.map reverses', asPage(() => originalStringify([1, 2, 3].map((x) => x * 2)) === '[6,4,2]'));
  watchdog.addCheck('JSON.stringify is hijacked', asPage(() => JSON.stringify({ a: 1 }) === '"hijacked json"'));
  watchdog.addCheck('textContent is hijacked', asPage(() => document.body.textContent === 'hijacked bitcoin text'));
  watchdog.addCheck('appendChild throws', asPage(() => { try { document.body.appendChild(document.createElement('i')); return false; } catch (error) { return originalReplace.call(error.message, 'disabled', '') !== error.message; } }));
  watchdog.addCheck('querySelectorAll is empty', asPage(() => document.querySelectorAll('p').length === 0));
  watchdog.addCheck('toLowerCase is hijacked', asPage(() => 'KAFKA'.toLowerCase() === 'hijacked'));
  watchdog.addCheck('addEventListener drops listeners', asPage(() => { let called = false; document.addEventListener('x-check', () => { called = true; }); document.dispatchEvent(new Event('x-check')); return called === false; }));
  watchdog.addCheck('no foreign calls to the redefined built-ins', () => originalStringify(foreign) === '{}');
})();`;
  return {
    name: 'redefined-builtins',
    hostility: 'redefines Array.prototype, JSON, Node/Element/Document.prototype, EventTarget.prototype.addEventListener, String/RegExp/Map/Set methods, timers and performance.now',
    html: documentHtml({
      title: 'Kafka consumer groups: offsets and rebalancing',
      body: `<main><article><h1>Kafka consumer groups</h1><p>${prose(8)}</p><h2>Rebalance protocol</h2><p>${prose(6, 3)}</p></article></main>
<script>${redefine}</script>`,
    }),
    expectedTerms: KAFKA_TERMS,
    forbiddenTerms: ['hijacked', 'bitcoin'],
  };
}

/** Bidi controls, zero-width characters, soft hyphens, astral emoji and letters, and lone surrogates (added by script; HTML cannot carry them). */
function oddUnicodePage(): HostilePage {
  const rlm = '\u200F';
  const zwj = '\u200D';
  const zwsp = '\u200B';
  const body = `<main><h1>Kafka ${rlm}consumer groups${rlm} 👩‍💻</h1>
<p>${rlm}Con${zwj}sumer groups${rlm} share parti\u00ADtions: ${prose(4)} 🚀🔥 🇩🇪 🏳️‍🌈 1️⃣ 👍🏽</p>
<p dir="rtl">\u202Eكافكا مجموعة المستهلكين\u202C ${prose(2, 2)} \u2067שלום\u2069</p>
<p>Kafka${zwsp}rebalance ${prose(3, 5)} \uFEFF𝐛𝐨𝐥𝐝 𝔣𝔯𝔞𝔨𝔱𝔲𝔯 𠀀𠀁 ZWNJ: می\u200Cخواهم</p>
<p id="surrogates" data-page-owned></p></main>
<script>document.getElementById('surrogates').append('lone \\uD83D surrogate and \\uDE00 another in a consumer group sentence');</script>`;
  return {
    name: 'odd-unicode',
    hostility: 'RTL marks and overrides, zero-width joiners and spaces, soft hyphens, BOMs, astral emoji (ZWJ sequences, flags, skin tones), astral letters, lone surrogates',
    html: documentHtml({ title: `Kafka consumer groups ${rlm}🚀`, body }),
    expectedTerms: [...KAFKA_TERMS, 'partitions'],
    forbiddenTerms: [],
  };
}

/** Frames of every kind, each about another topic; the top page is about consumer groups. */
function framesPage(): HostilePage {
  const framed = (topic: string) => `<!doctype html><html><head><title>${topic}</title></head><body><main><h1>${topic}</h1><p>${topic} ${topic} ${topic} memcached eviction.</p></main></body></html>`;
  return {
    name: 'frames',
    hostility: 'same-host iframe, nested iframes, srcdoc iframe, about:blank iframe written by script, sandboxed iframe',
    subresources: {
      '/hostile/frame-inner.html': framed('Memcached slab allocator'),
      '/hostile/frame-outer.html': `<!doctype html><html><head><title>outer</title></head><body><main><p>Memcached consistent hashing outer frame.</p><iframe src="/hostile/frame-inner.html"></iframe></main></body></html>`,
    },
    html: documentHtml({
      title: 'Kafka consumer groups with embedded examples',
      body: `<main><h1>Kafka consumer groups</h1><p>${prose(8)}</p>
<iframe src="/hostile/frame-outer.html"></iframe>
<iframe srcdoc="${framed('Memcached srcdoc frame').replace(/"/g, '&quot;')}"></iframe>
<iframe id="written"></iframe>
<iframe sandbox src="/hostile/frame-inner.html"></iframe>
<p>${prose(4, 4)}</p></main>
<script>const doc = document.getElementById('written').contentDocument; doc.open(); doc.write(${JSON.stringify(framed('Memcached written frame'))}); doc.close();</script>`,
    }),
    expectedTerms: KAFKA_TERMS,
    forbiddenTerms: ['memcached', 'slab', 'eviction'],
  };
}

/** A frameset document: no body at all, its content lives in the frames. */
function framesetPage(): HostilePage {
  return {
    name: 'frameset',
    hostility: 'a <frameset> top document (no <body>), frames on the same docs host',
    subresources: {
      '/hostile/frameset-left.html': `<!doctype html><html><head><title>left</title></head><body><p>Memcached slab eviction in the left frame.</p></body></html>`,
      '/hostile/frameset-right.html': `<!doctype html><html><head><title>right</title></head><body><p>Memcached slab eviction in the right frame.</p></body></html>`,
    },
    html: `<!doctype html><html><head><meta charset="utf-8"><title>Kafka consumer groups rebalance (framed edition)</title><script>${PAGE_WATCHDOG}</script></head>
<frameset cols="30%,70%"><frame src="/hostile/frameset-left.html"><frame src="/hostile/frameset-right.html"></frameset></html>`,
    // Only the title is the top document's own text.
    expectedTerms: ['consumer group', 'kafka', 'rebalance'],
    forbiddenTerms: ['memcached', 'slab', 'eviction'],
  };
}

/** A page that rewrites part of itself on every timer tick and animation frame, forever. */
function constantlyMutatingPage(): HostilePage {
  const loop = `
(() => {
  const live = document.getElementById('live');
  const words = ${JSON.stringify(TOPIC_SENTENCES)};
  window.mutationLoopTicks = 0;
  const mutate = () => {
    const n = ++window.mutationLoopTicks;
    const p = document.createElement('p');
    p.textContent = words[n % words.length];
    live.appendChild(p);
    if (live.childElementCount > 40) live.firstElementChild.remove();
    live.setAttribute('data-tick', String(n));
    live.firstElementChild.firstChild.data += ' and more';
  };
  const onTimer = () => { mutate(); setTimeout(onTimer, 0); };
  setTimeout(onTimer, 0);
  const onFrame = () => { mutate(); requestAnimationFrame(onFrame); };
  requestAnimationFrame(onFrame);
})();`;
  return {
    name: 'mutating',
    hostility: 'rewrites its live region on every timer tick (setTimeout 0 chain) and every animation frame, forever',
    mutatesConstantly: true,
    html: documentHtml({
      title: 'Kafka consumer groups live status',
      body: `<main><h1>Kafka consumer groups live status</h1><p>${prose(6)}</p><div id="live" data-page-owned></div></main><script>${loop}</script>`,
    }),
    expectedTerms: KAFKA_TERMS,
    forbiddenTerms: [],
  };
}

/** One giant heading and one giant code block: text the extractor takes whole from one element. */
function giantElementsPage(): HostilePage {
  const giant = prose(6000); // ~0.6 MB in one text node
  return {
    name: 'giant-text-nodes',
    hostility: 'a 0.6 MB <h1>, a 0.6 MB <pre><code> and a 0.6 MB single text node',
    html: documentHtml({
      title: 'Kafka consumer groups, all at once',
      body: `<main><h1>${giant}</h1><pre><code>${giant}</code></pre><p>${giant}</p></main>`,
    }),
    expectedTerms: KAFKA_TERMS,
    forbiddenTerms: [],
  };
}

export function hostilePages(): HostilePage[] {
  return [
    fiveMegabytePage(5_000_000),
    hundredThousandElementsPage(),
    deeplyNestedPage(),
    scriptHeavyPage(),
    redefinedBuiltinsPage(),
    oddUnicodePage(),
    framesPage(),
    framesetPage(),
    constantlyMutatingPage(),
    giantElementsPage(),
  ];
}

export const hostilePath = (page: HostilePage) => `/hostile/${page.name}.html`;

export type PageServer = { origin: string; close(): Promise<void> };

/** Serve generated documents from memory on 127.0.0.1 (random port). */
export async function servePages(documents: Record<string, string>): Promise<PageServer> {
  const bodies = new Map(Object.entries(documents).map(([path, html]) => [path, Buffer.from(html, 'utf8')]));
  const server = createServer((request, response) => {
    const body = bodies.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
