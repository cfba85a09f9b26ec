/**
 * Typo correction against the catalogue's own words: a query word that matches nothing is replaced
 * by the closest dictionary words (Damerau-Levenshtein, so `kafak` → `kafka` is one edit).
 */

/** Edits allowed for a word of this length: short words have too many near neighbours to guess. */
export function maxEditsFor(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  return 2;
}

// Rows of the edit-distance table, reused across calls: the scan runs over the whole dictionary
// on every keystroke that needs a correction, and allocating rows there dominated its cost.
let rowBeforePrevious = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/**
 * Optimal-string-alignment distance from `a` to `b`, or, with `toPrefix`, to the closest prefix of
 * `b` (for a word still being typed). It is `max + 1` once it must exceed `max`: the early exit keeps
 * a scan over a whole dictionary cheap.
 */
export function boundedEditDistance(a: string, b: string, max: number, toPrefix = false): number {
  if (!toPrefix && Math.abs(a.length - b.length) > max) return max + 1;
  // A prefix within `max` edits of `a` is at most `max` longer than it: later columns can't help.
  const columns = toPrefix ? Math.min(b.length, a.length + max) : b.length;
  const width = columns + 1;
  if (rowPrevious.length < width) {
    rowBeforePrevious = new Int32Array(width * 2);
    rowPrevious = new Int32Array(width * 2);
    rowCurrent = new Int32Array(width * 2);
  }
  let beforePrevious = rowBeforePrevious;
  let previous = rowPrevious;
  let current = rowCurrent;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const aChar = a.charCodeAt(i - 1);
    for (let j = 1; j <= columns; j++) {
      const bChar = b.charCodeAt(j - 1);
      let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (aChar === bChar ? 0 : 1));
      if (i > 1 && j > 1 && aChar === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bChar) {
        cost = Math.min(cost, beforePrevious[j - 2] + 1);
      }
      current[j] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  let distance = previous[columns];
  if (toPrefix) for (let j = 0; j < columns; j++) distance = Math.min(distance, previous[j]);
  return Math.min(distance, max + 1);
}

export type Correction = { term: string; edits: number };

/** The catalogue's words with how many reads use each, bucketed by length for the typo scan. */
export class TermDictionary {
  private readonly readCounts = new Map<string, number>();
  private byLength: string[][] = [];
  private sorted: string[] = [];

  /** Count each distinct term of one read once. */
  addRead(terms: Iterable<string>): void {
    for (const term of new Set(terms)) this.readCounts.set(term, (this.readCounts.get(term) ?? 0) + 1);
    this.byLength = [];
    this.sorted = [];
  }

  /** Each word with its read count, to store with a search index snapshot. */
  entries(): [term: string, readCount: number][] {
    return [...this.readCounts];
  }

  static fromEntries(entries: readonly [string, number][]): TermDictionary {
    const dictionary = new TermDictionary();
    for (const [term, readCount] of entries) dictionary.readCounts.set(term, readCount);
    return dictionary;
  }

  get size(): number {
    return this.readCounts.size;
  }

  /**
   * The closest words to `word` (fewest edits, then most used), at most `max` of them.
   * With `asPrefix` the word is still being typed, so it is also compared with the starts of
   * longer words (`elasticsae` → `elasticsearch`).
   */
  corrections(word: string, asPrefix: boolean, max = 3): Correction[] {
    const allowed = maxEditsFor(word.length);
    if (allowed === 0) return [];
    const buckets = this.lengthBuckets();
    const found: Correction[] = [];
    const longest = asPrefix ? buckets.length - 1 : Math.min(buckets.length - 1, word.length + allowed);
    for (let length = Math.max(1, word.length - allowed); length <= longest; length++) {
      for (const term of buckets[length] ?? []) {
        const edits = boundedEditDistance(word, term, allowed, asPrefix);
        if (edits <= allowed && edits > 0) found.push({ term, edits });
      }
    }
    found.sort(
      (x, y) =>
        x.edits - y.edits ||
        (this.readCounts.get(y.term) ?? 0) - (this.readCounts.get(x.term) ?? 0) ||
        (x.term < y.term ? -1 : x.term > y.term ? 1 : 0),
    );
    return found.slice(0, max);
  }

  /** The most used words that start with `prefix` and are longer than it, at most `max`. */
  completions(prefix: string, max: number): string[] {
    if (this.sorted.length === 0) this.sorted = [...this.readCounts.keys()].sort();
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i].startsWith(prefix); i++) {
      if (this.sorted[i] !== prefix) found.push(this.sorted[i]);
    }
    return found
      .sort((a, b) => (this.readCounts.get(b) ?? 0) - (this.readCounts.get(a) ?? 0) || (a < b ? -1 : 1))
      .slice(0, max);
  }

  private lengthBuckets(): string[][] {
    if (this.byLength.length === 0) {
      for (const term of this.readCounts.keys()) (this.byLength[term.length] ??= []).push(term);
    }
    return this.byLength;
  }
}
