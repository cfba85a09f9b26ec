/**
 * Reading a page's terms on hostile markup (issue 8, item 2), in terms that do not depend on the
 * machine's speed: nodes visited, pauses taken, text handed on at once. The same pages in real
 * Chromium, with task lengths, are in tests/e2e/hostile-pages.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { collectPageText, readableText, runInSlices, type PageText } from '@/src/keywords';
import { CHUNK_CHARS, chunksOf, NODES_PER_STEP, pageTextSteps, type PageTextOptions } from '@/src/keywords/page-text';
import { pageTerms, pageTermSteps, vocabulary } from '@/src/relevance';
import { tokens } from '@/src/relevance/text';
import { documentOf, fixtureDocument } from './fixture-dom';
import { keysOf } from './term-keys';

const URL_READ = 'https://docs.example.com/kafka/consumer-groups';
/** The term keys the content script would send for `doc`. */
const termsOf = (doc: Document, options: PageTextOptions = {}) => pageTerms(doc, URL_READ, vocabulary(), options).terms.map((term) => term.key);
/** Keys and the surfaces shown for them: both leave the page. */
const keysAndSurfacesOf = (doc: Document) => pageTerms(doc, URL_READ, vocabulary()).terms.flatMap((term) => [term.key, term.surface]);
const PROSE = 'A consumer group shares the partitions of a Kafka topic; a rebalance reassigns them when a consumer leaves.';

/** `levels` nested elements under <main>, built with DOM calls (an HTML parser would cap the depth), with `bottom` as the innermost text. */
function deeplyNested(levels: number, bottom: string): Document {
  const doc = documentOf('<html><head><title>Deep</title></head><body><main></main></body></html>');
  let parent = doc.querySelector('main')!;
  for (let depth = 0; depth < levels; depth++) {
    const child = doc.createElement(depth % 2 ? 'span' : 'div');
    parent.appendChild(child);
    parent = child;
  }
  parent.appendChild(doc.createTextNode(bottom));
  return doc;
}

/** Run `pageTextSteps` by hand: how many steps it took, and what it returned. */
function stepThrough(doc: Document, options = {}): { steps: number; page: PageText } {
  const steps = pageTextSteps(doc, options);
  for (let count = 0; ; count++) {
    const step = steps.next();
    if (step.done) return { steps: count, page: step.value };
  }
}

describe('deeply nested markup', () => {
  it('reads the text at the bottom of 100,000 nested levels without overflowing the stack', () => {
    const doc = deeplyNested(100_000, 'The sticky assignor keeps partitions with their owner.');
    const page = collectPageText(doc, { maxNodes: 200_000 });
    expect(page.nodesVisited).toBe(100_002); // <main>, the 100,000 levels, the text
    expect(termsOf(doc)).not.toContain(keysOf('sticky')[0]); // the default node budget (50,000) stops above the text…
    expect(termsOf(doc, { maxNodes: 200_000 })).toEqual(expect.arrayContaining(keysOf('sticky', 'assignor', 'partitions'))); // …a larger one reaches it
  });

  it('reads a heading nested 10,000 levels deep inside another heading', () => {
    const doc = deeplyNested(10_000, PROSE);
    const h2 = doc.createElement('h2');
    h2.appendChild(doc.querySelector('main')!.firstChild!);
    doc.querySelector('main')!.appendChild(h2);
    const headings = collectPageText(doc).blocks.filter((block) => block.kind === 'heading');
    expect(headings.map((block) => block.text)).toEqual([PROSE]);
  });
});

describe('huge DOMs', () => {
  const hundredThousand = () =>
    documentOf(`<html><head><title>Assignment</title></head><body><main><p>${PROSE}</p><table>${'<tr><td><b>p</b><i>c1</i><code>3</code></td></tr>'.repeat(20_000)}</table></main></body></html>`);

  it('visits at most the node budget of a 100,000-element page', () => {
    const doc = hundredThousand();
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(100_000);
    const page = collectPageText(doc);
    expect(page.nodesVisited).toBe(50_000);
    expect(page.truncated).toBe(true);
    expect(termsOf(doc)).toEqual(expect.arrayContaining(keysOf('consumer group', 'kafka', 'rebalance')));
  });

  it('pauses after every NODES_PER_STEP nodes at most', () => {
    const { steps, page } = stepThrough(hundredThousand());
    expect(steps).toBeGreaterThanOrEqual(Math.floor(page.nodesVisited / NODES_PER_STEP));
  });

  it('does not take a list of all children up front: children a page removes while the read pauses are not read', () => {
    const doc = documentOf(`<html><body><main>${`<p>${PROSE}</p>`.repeat(20)}${'<p>zebra crossing</p>'.repeat(10_000)}</main></body></html>`);
    const steps = pageTextSteps(doc);
    steps.next(); // the walk has started, well before the zebras
    const main = doc.querySelector('main')!;
    while (main.lastElementChild?.textContent === 'zebra crossing') main.lastElementChild.remove();
    let step = steps.next();
    while (!step.done) step = steps.next();
    const text = step.value.blocks.map((block) => block.text).join(' ');
    expect(text).toContain('rebalance');
    expect(text).not.toContain('zebra');
  });

  it('hands the vocabulary and tokenizer at most CHUNK_CHARS of text at once, cut between sentences', () => {
    const text = `${PROSE} `.repeat(1000);
    const chunks = chunksOf(text);
    expect(chunks.every((chunk) => chunk.length <= CHUNK_CHARS)).toBe(true);
    expect(chunks.join('')).toBe(text);
    expect(chunks.slice(0, -1).every((chunk) => chunk.endsWith('.'))).toBe(true);
    const oneWord = 'x'.repeat(3 * CHUNK_CHARS);
    expect(chunksOf(oneWord).map((chunk) => chunk.length)).toEqual([CHUNK_CHARS, CHUNK_CHARS, CHUNK_CHARS]);
  });
});

describe('the sliced read', () => {
  /** A clock that advances 1 ms each time it is read: with 1 ms slices, a pause after every step, whatever the machine. */
  const tickingClock = () => {
    let now = 0;
    return () => now++;
  };

  it('gives the same terms as the read at once, in several slices', async () => {
    const doc = fixtureDocument('kafka-design.html');
    let pauses = 0;
    const sliced = await runInSlices(pageTermSteps(doc, URL_READ, vocabulary()), {
      sliceMs: 1,
      now: tickingClock(),
      yieldToPage: async () => {
        pauses++;
      },
    });
    expect(sliced!.value).toEqual(pageTerms(doc, URL_READ, vocabulary()));
    expect(sliced!.value.terms.length).toBeGreaterThan(50);
    expect(sliced!.slices).toBe(pauses + 1);
    expect(pauses).toBeGreaterThan(10);
  });

  it('stops at the first pause after the page asks it to (navigation, reloaded extension)', async () => {
    let asked = 0;
    const stopped = await runInSlices(pageTermSteps(fixtureDocument('kafka-design.html'), URL_READ, vocabulary()), {
      sliceMs: 1,
      now: tickingClock(),
      yieldToPage: async () => undefined,
      shouldStop: () => ++asked === 3,
    });
    expect(stopped).toBeNull();
    expect(asked).toBe(3);
  });

  it('counts only working time as busy', async () => {
    let clock = 0;
    function* work() {
      clock += 5;
      yield;
      clock += 5;
      yield;
      clock += 5;
      return 'done';
    }
    const result = await runInSlices(work(), {
      sliceMs: 4,
      now: () => clock,
      yieldToPage: async () => {
        clock += 100; // the page's turn
      },
    });
    expect(result).toEqual({ value: 'done', busyMs: 15, slices: 3 });
  });
});

describe('odd Unicode', () => {
  const RLM = '\u200F';
  const ZWJ = '\u200D';
  const ZWSP = '\u200B';
  const oddPage = () => {
    const doc = documentOf(`<html><head><title>Kafka ${RLM}consumer groups 🚀</title></head><body><main>
      <h1>${RLM}Con${ZWJ}sumer groups${RLM} 👩‍💻</h1>
      <p>Parti\u00ADtions move in a re${ZWJ}balance. Kafka${ZWSP}broker \u202Eoverride\u202C \u2067isolated\u2069 \uFEFFbom</p>
      <p>🚀🔥 🇩🇪 🏳️‍🌈 1️⃣ 👍🏽 ✨ café cafe\u0301 कुंजी مستهلك שלום 𠀀𠀁</p>
      <p id="lone"></p>
    </main></body></html>`);
    // Half surrogate pairs cannot be written in HTML, only put in by script.
    doc.getElementById('lone')!.appendChild(doc.createTextNode('lone \uD83D surrogate \uDE00 here'));
    return doc;
  };

  it('drops bidi marks, joiners, soft hyphens and BOMs from terms and reads the words they split whole', () => {
    const terms = termsOf(oddPage());
    expect(terms).toEqual(expect.arrayContaining(keysOf('consumer group', 'partitions', 'rebalance', 'override', 'isolated', 'bom')));
    // A zero-width space separates words.
    expect(terms).toEqual(expect.arrayContaining(keysOf('kafka', 'broker')));
    for (const term of keysAndSurfacesOf(oddPage())) expect(term).not.toMatch(/\p{Cf}/u);
  });

  it('never turns emoji, flags, keycaps or skin tones into terms, and never sends half a surrogate pair', () => {
    const terms = keysAndSurfacesOf(oddPage());
    for (const term of terms) {
      expect(term).not.toMatch(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u20E3/u);
      expect(term.isWellFormed(), JSON.stringify(term)).toBe(true);
      expect(term).toMatch(/^[\p{L}\p{N}]/u);
    }
    expect(terms).toEqual(expect.arrayContaining(keysOf('surrogate', 'lone')));
    expect(terms.filter((term) => /^\p{N}+$/u.test(term))).toEqual([]);
  });

  it('reads other scripts as words: combining marks stay in the word, composed and decomposed forms agree', () => {
    const terms = termsOf(oddPage());
    expect(terms).toEqual(expect.arrayContaining(['café', 'कुंजी', 'مستهلك', 'שלום', '𠀀𠀁']));
    expect(terms).not.toContain('cafe');
    expect(tokens('कुंजी').map((token) => token.raw)).toEqual(['कुंजी']);
  });

  it('keeps the title readable: marks and emoji-only noise trimmed, no half surrogate pairs', () => {
    expect(collectPageText(oddPage()).title).toBe('Kafka consumer groups 🚀');
    expect(readableText(`a\uD83D b ${RLM}c${ZWJ}d \uDE00`)).toBe('a b cd');
  });
});

describe('text only scripts and templates hold', () => {
  const POISON = 'zebracasino';
  it('never becomes terms, even inside a heading, a code block or the h1 that titles the page', () => {
    const doc = documentOf(`<html><head><script>var ${POISON} = 1</script><style>.${POISON}{}</style></head><body><main>
      <h1>Consumer groups<script>document.title = "${POISON}"</script></h1>
      <h2>Rebalance<style>h2::after { content: "${POISON}" }</style><noscript>${POISON}</noscript></h2>
      <pre>consumer.poll(timeout)<script type="application/ld+json">{"${POISON}": true}</script><template><p>${POISON}</p></template></pre>
      <p>${PROSE}<script>${POISON}()</script><noscript>${POISON}</noscript><template>${POISON}</template></p>
      <script type="text/x-template"><p>${POISON}</p></script>
    </main></body></html>`);
    const page = collectPageText(doc);
    expect(page.title).toBe('Consumer groups');
    for (const block of page.blocks) expect(block.text).not.toContain(POISON);
    expect(keysAndSurfacesOf(doc).filter((term) => term.includes(POISON))).toEqual([]);
    expect(termsOf(doc)).toEqual(expect.arrayContaining(keysOf('consumer group', 'rebalance', 'kafka')));
  });
});

describe('frames', () => {
  it('reads neither an iframe’s srcdoc nor its fallback content', () => {
    const doc = documentOf(`<html><head><title>Consumer groups</title></head><body><main><p>${PROSE}</p>
      <iframe srcdoc="&lt;p&gt;memcached slab eviction&lt;/p&gt;">memcached fallback</iframe></main></body></html>`);
    expect(keysAndSurfacesOf(doc).filter((term) => /memcached|slab|evict|fallback/.test(term))).toEqual([]);
  });

  it('reads a frameset document’s title and nothing else, without failing', () => {
    const doc = documentOf(`<html><head><title>Kafka consumer groups</title></head>
      <frameset cols="50%,50%"><frame src="/left.html"><frame src="/right.html"><noframes>memcached</noframes></frameset></html>`);
    expect(termsOf(doc)).toEqual(expect.arrayContaining(keysOf('consumer group', 'kafka')));
    expect(termsOf(doc)).not.toContain('memcached');
  });
});
