/**
 * Text → tokens with their folded form, shared by the page side (content script) and the
 * catalogue side (background, CLI) so a term means the same thing on both.
 *
 * Folding is inflectional only (`lightStem`): `traces`/`tracing`/`traced` → `trac`, `queries` →
 * `query`, but `partition` and `partitioner` stay apart. Measured on the 41 dev pages (nested
 * leave-one-page-out P@5): light 0.861, none 0.819, Porter (`stemmer`) 0.814, wink-lemmatizer 0.846
 * (and 590 KB gzip) — derivational stemming merges words whose topics differ (`consistent`/`consistency`).
 */
import { en as englishStopwords } from 'stopwords-iso';

const STOPWORDS: ReadonlySet<string> = new Set(englishStopwords);

// Letters/digits with inner . _ ' (node.js, max_connections), trailing + or # (c++, c#).
const WORD = /[\p{L}\p{N}][\p{L}\p{Mn}\p{Mc}\p{N}]*(?:[._'][\p{L}\p{N}][\p{L}\p{Mn}\p{Mc}\p{N}]*)*[+#]{0,2}/gu;

export type Token = {
  /** As written (possessive 's dropped). */
  raw: string;
  lower: string;
  /** The folded form terms are keyed by. */
  stem: string;
  /** Written in capitals (`CAP`, `BASE`): acronyms that are also common words only count this way. */
  caps: boolean;
  /** Punctuation stands between this token and the one before (a sentence or clause ends): no phrase spans it. */
  breakBefore: boolean;
};

const CLAUSE_BREAK = /[.!?;:,()[\]{}|"“”…]/;

/** Words ending in -s that are not plurals. */
const INVARIANT = new Set(
  ('series species means news lens chassis alias canvas axis analysis basis thesis status corpus campus virus bus plus bias atlas ' +
    'always perhaps various previous numerous continuous asynchronous synchronous autonomous homogeneous heterogeneous ' +
    'ubiquitous simultaneous miscellaneous').split(' '),
);

/** Strips plural, -ing and -ed, then a doubled consonant and a final e: schedule/schedules/scheduling/scheduled → schedul. */
export function lightStem(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word) || INVARIANT.has(word)) return word;
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(stem)) return stem;
  else if (/(?:ches|shes|xes|zes|sses)$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s')) stem = stem.slice(0, -1);
  else if (stem.endsWith('ing') && stem.length >= 6) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') && stem.length >= 5) stem = stem.slice(0, -2);
  if (stem !== word && /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(?:ll|ss|zz)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.endsWith('e') && stem.length > 3) stem = stem.slice(0, -1);
  return stem;
}

const folded = new Map<string, string>();
/** Words folded so far: a page repeats its words, and folding is the tokenizer's costliest step. Bounded for long-lived pages. */
const FOLD_CACHE_LIMIT = 50_000;

/** The folded form of a lower-cased word; identifiers with digits or punctuation stay as written. */
export function foldWord(lower: string): string {
  let stem = folded.get(lower);
  if (stem === undefined) {
    stem = lower.length <= 3 || /[\p{N}._+#']/u.test(lower) ? lower : lightStem(lower);
    if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
    folded.set(lower, stem);
  }
  return stem;
}

// A word and the gap before it: punctuation in the gap ends a clause.
const GAP_AND_WORD = new RegExp(`([^\\p{L}\\p{N}]*)(${WORD.source})`, 'gu');

/** Tokens of `text`; `-` and `/` separate words (`pub/sub`, `write-ahead` are phrases of the vocabulary). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const normal = text.normalize('NFKC').replace(/[\u2018\u2019\u201b`´]/g, "'").replace(/[-/]/g, ' ');
  for (const match of normal.matchAll(GAP_AND_WORD)) {
    const raw = match[2]!.replace(/'s$/, '');
    const lower = raw.toLowerCase();
    // Capitals: some letter has case (raw differs from lower) and none is lower-case.
    const caps = raw.length >= 2 && raw !== lower && raw === raw.toUpperCase();
    out.push({ raw, lower, stem: foldWord(lower), caps, breakBefore: match[1] !== '' && CLAUSE_BREAK.test(match[1]!) });
  }
  return out;
}

/** A token that can be a term on its own: not a stopword, not a number, of sane length. */
export const isContentToken = (token: Token): boolean =>
  token.lower.length >= 2 && token.lower.length <= 40 && !/^[\p{N}._-]+$/u.test(token.lower) && !STOPWORDS.has(token.lower);

const CAMEL = /([a-z0-9])([A-Z])|([A-Z]+)([A-Z][a-z])/g;
/** An identifier read as its words: `RequestRateLimiter` → `Request Rate Limiter`, `HTTPServer` → `HTTP Server`. */
export const splitCamel = (raw: string): string => raw.replace(CAMEL, (_m, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));

/**
 * Words that name a kind of document, a part of one or the act of documenting — never a subject —
 * plus `apache`, the umbrella of many products (it says nothing about which one a page is about).
 */
const GENRE_WORDS =
  'overview introduction intro concept concepts basic basics guide guides tutorial tutorials reference references ' +
  'documentation docs doc manual handbook usage getting started quickstart faq example examples howto learn learning understanding ' +
  'understand explained explanation specification spec specifications detail details note notes release releases appendix glossary term terms ' +
  'terminology summary background motivation about home index contents chapter section page pages article lesson part version versions ' +
  'latest current stable introducing primer cookbook recipe recipes walkthrough deep dive whitepaper paper readme wiki blog post ' +
  'topic topics information info more see also related further reading apache';
export const GENRE_TERMS: ReadonlySet<string> = new Set(GENRE_WORDS.split(' ').map(foldWord));
