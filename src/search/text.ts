/** Tokenising shared by the index, the typo dictionary and the highlighter, so all three agree on what a word is. */

export type Token = { term: string; start: number; end: number };

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case without diacritics, so `Café` and `cafe` are the same word. */
export function foldWord(word: string): string {
  // Most words are plain ASCII; skipping Unicode normalisation for them halves indexing time.
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Words of `text` in folded form, with their offsets in the original text (for highlighting). */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ term: foldWord(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) terms.push(foldWord(match[0]));
  return terms;
}

/**
 * Words that carry no meaning in a catalogue query. Dropped from queries (unless the query is only
 * these) so "how to scale kafka" needs "scale" and "kafka", not "how" and "to".
 */
export const QUERY_STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'did', 'do', 'does', 'for', 'from',
  'how', 'i', 'in', 'into', 'is', 'it', 'its', 'my', 'of', 'on', 'or', 'our', 'should', 'the', 'their',
  'this', 'to', 'we', 'what', 'when', 'why', 'with', 'you',
]);
