/**
 * Search over the catalogue for the popup's search box: prefix-aware as you type, tolerant of typos,
 * combined with facet filters, with highlight ranges for the words that matched.
 *
 * FlexSearch finds which reads contain each query word in which field; the ranking (field boosts,
 * how many of the query words a read matches, typo penalty) is ours, so it is the same whatever the
 * catalogue's size. Pure: no browser APIs, usable in the popup, the background and Node.
 */
import type { Read } from '@/src/catalogue/types';
import { Document } from './flexsearch';
import { compareText, FacetIndex } from './facets';
import { QUERY_STOPWORDS, termsOf, tokensOf } from './text';
import { TermDictionary } from './typo';
import type { Facet, FacetCount, FacetKind, Range, SearchHit, SearchResult } from './types';

export type CatalogueSearch = {
  /** Reads matching `query` (words AND-ed, last one as a prefix, typos corrected) within `facets`; best first. */
  search(query: string, facets?: readonly Facet[], limit?: number): SearchResult;
  facetCounts(kind: FacetKind, current: { query: string; facets: readonly Facet[] }): FacetCount[];
  get(id: string): Read | undefined;
  readonly size: number;
  /** The built index, to store and pass back to `createCatalogueSearch` next time. */
  exportSnapshot(): SearchIndexSnapshot;
};

type SearchedField = 'title' | 'tags' | 'source' | 'section' | 'category' | 'summary';

/** Field boosts: a word in the title or the tags says more about a read than one in its summary. */
export const FIELD_WEIGHTS: Readonly<Record<SearchedField, number>> = {
  title: 4,
  tags: 3.5,
  source: 2,
  section: 1.5,
  category: 1.5,
  summary: 1,
};
const FIELDS_BY_WEIGHT = (Object.keys(FIELD_WEIGHTS) as SearchedField[]).sort(
  (a, b) => FIELD_WEIGHTS[b] - FIELD_WEIGHTS[a],
);
/** A word found only through typo correction counts for less than one typed right. */
const CORRECTED_WORD_FACTOR = 0.7;
/** Added per query word that is a whole word of the title (`redis` over `redistribution`). */
const WHOLE_TITLE_WORD_BONUS = 1;
/** Share of a field's weight added when a word is also in a field other than its best one. */
const OTHER_FIELD_SHARE = 0.1;
/** At most this much is added for a query word early in the title (`Kafka at X` over `X, Y and Kafka`). */
const EARLY_TITLE_WORD_BONUS = 0.25;
const MAX_QUERY_WORDS = 12;
/** Completions looked up in the summaries per query word, and the shortest word that gets them. */
const SUMMARY_COMPLETIONS = 8;
const MIN_COMPLETED_LENGTH = 3;

type IndexedRead = { id: number } & Record<SearchedField, string>;

/**
 * One way a query word matches: as typed (a prefix of a word), as a typo correction (a whole word),
 * or as a completion of what is typed, looked up in the summaries (which have no prefix tokens).
 */
type WordForm = { term: string; corrected: boolean; asPrefix: boolean; summaryCompletion?: boolean };
/** A query word as the forms it is searched by; a word with no forms matches nothing. */
type QueryWord = { forms: WordForm[] };

/**
 * FlexSearch's own serialised index plus a fingerprint of the catalogue it was built from, so a large
 * catalogue's index can be stored and loaded instead of rebuilt (loading is ~15× faster at 100k reads).
 */
export type SearchIndexSnapshot = {
  format: typeof SNAPSHOT_FORMAT;
  catalogueFingerprint: string;
  chunks: [key: string, data: string][];
  /** The typo dictionary, so loading needn't tokenise every read again. */
  dictionary: [term: string, readCount: number][];
};
/** Bump when the indexed fields or their tokenizing change: older snapshots then no longer load. */
const SNAPSHOT_FORMAT = 1;

/**
 * Build the search over `reads` (their order is kept only as the last tie-break). With a `snapshot`
 * made by `exportSnapshot()` over the same reads, the FlexSearch index is loaded rather than built.
 * Throws if two reads share an id, or if the snapshot was made from a different catalogue.
 */
export function createCatalogueSearch(
  reads: readonly Read[],
  options: { snapshot?: SearchIndexSnapshot } = {},
): CatalogueSearch {
  return new CatalogueSearchEngine(reads, options.snapshot);
}

function fieldIndexOptions() {
  return {
    document: {
      id: 'id',
      index: FIELDS_BY_WEIGHT.map((field) => ({
        field,
        // Prefix tokens for the short fields make as-you-type work; the long summaries are indexed
        // by whole words (prefixing them multiplies the index by the word length) and reached as
        // you type through the dictionary's completions instead.
        tokenize: field === 'summary' ? ('strict' as const) : ('forward' as const),
        // Fields arrive already tokenised and folded (see `indexedFields`); queries are single folded words.
        encode: splitIndexedText,
      })),
    },
  };
}

function splitIndexedText(text: string): string[] {
  return text ? text.split(' ') : [];
}

/** Each searched field as its folded words joined by single spaces. */
function indexedFields(read: Read): Record<SearchedField, string> {
  return {
    title: termsOf(read.title).join(' '),
    tags: read.tags.flatMap(termsOf).join(' '),
    source: termsOf(read.source).join(' '),
    section: read.section ? termsOf(read.section).join(' ') : '',
    category: read.category ? termsOf(read.category).join(' ') : '',
    summary: read.summary ? termsOf(read.summary).join(' ') : '',
  };
}

class CatalogueSearchEngine implements CatalogueSearch {
  private readonly reads: readonly Read[];
  private readonly positionById = new Map<string, number>();
  private readonly index: InstanceType<typeof Document<IndexedRead>>;
  private readonly dictionary: TermDictionary;
  private readonly facetIndex: FacetIndex;
  /** Folded title words, space-delimited on both ends, for the whole-word bonus. */
  private readonly titleWords: string[];
  /** Read positions, newest first then by title: the browse order and the final tie-break. */
  private readonly browseOrder: Int32Array;
  private readonly browseRank: Int32Array;
  private readonly catalogueFingerprint: string;

  constructor(reads: readonly Read[], snapshot: SearchIndexSnapshot | undefined) {
    this.reads = reads;
    this.index = new Document<IndexedRead>(fieldIndexOptions());
    this.titleWords = new Array(reads.length);
    const fingerprint = new Fingerprint();
    reads.forEach((read, position) => {
      if (this.positionById.has(read.id)) throw new Error(`Catalogue has two reads with id "${read.id}"`);
      this.positionById.set(read.id, position);
      fingerprint.addRead(read);
    });
    this.catalogueFingerprint = fingerprint.value();
    if (snapshot) {
      this.checkSnapshot(snapshot);
      for (const [key, data] of snapshot.chunks) this.index.import(key, data);
      this.dictionary = TermDictionary.fromEntries(snapshot.dictionary);
      reads.forEach((read, position) => (this.titleWords[position] = ` ${termsOf(read.title).join(' ')} `));
    } else {
      this.dictionary = new TermDictionary();
      reads.forEach((read, position) => {
        const fields = indexedFields(read);
        this.index.add({ id: position, ...fields });
        this.titleWords[position] = ` ${fields.title} `;
        this.dictionary.addRead(FIELDS_BY_WEIGHT.flatMap((field) => splitIndexedText(fields[field])));
      });
    }
    this.facetIndex = new FacetIndex(reads);
    this.browseOrder = browseOrderOf(reads);
    this.browseRank = new Int32Array(reads.length);
    this.browseOrder.forEach((position, rank) => (this.browseRank[position] = rank));
  }

  exportSnapshot(): SearchIndexSnapshot {
    const chunks: [string, string][] = [];
    this.index.export((key, data) => {
      chunks.push([key, data]);
    });
    return {
      format: SNAPSHOT_FORMAT,
      catalogueFingerprint: this.catalogueFingerprint,
      chunks,
      dictionary: this.dictionary.entries(),
    };
  }

  private checkSnapshot(snapshot: SearchIndexSnapshot): void {
    if (snapshot.format !== SNAPSHOT_FORMAT) {
      throw new Error(`Search index snapshot has format ${snapshot.format}, this version reads format ${SNAPSHOT_FORMAT}; rebuild it`);
    }
    if (snapshot.catalogueFingerprint !== this.catalogueFingerprint) {
      throw new Error('Search index snapshot was made from a different catalogue; rebuild it');
    }
  }

  get size(): number {
    return this.reads.length;
  }

  get(id: string): Read | undefined {
    const position = this.positionById.get(id);
    return position === undefined ? undefined : this.reads[position];
  }

  search(query: string, facets: readonly Facet[] = [], limit = 50): SearchResult {
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`Search limit must be a whole number ≥ 0, got ${limit}`);
    const words = this.queryWords(query);
    const mask = this.facetIndex.allowedMask(facets, this.reads.length);
    if (words.length === 0) {
      const browsed = this.browse(mask);
      return {
        total: browsed.length,
        hits: browsed.slice(0, limit).map((position) => ({
          read: this.reads[position],
          score: 0,
          highlights: { title: [], summary: [] },
        })),
      };
    }
    const { positions, scores } = this.match(words, mask);
    const top = topByScore(positions, scores, this.browseRank, limit);
    // The typed prefix already marks its completions wherever they occur.
    const forms = words.flatMap((word) => word.forms).filter((form) => !form.summaryCompletion);
    return {
      total: positions.length,
      hits: top.map((position): SearchHit => {
        const read = this.reads[position];
        return {
          read,
          score: scores[position],
          highlights: { title: highlightRanges(read.title, forms), summary: highlightRanges(read.summary ?? '', forms) },
        };
      }),
    };
  }

  facetCounts(kind: FacetKind, current: { query: string; facets: readonly Facet[] }): FacetCount[] {
    // Values of one kind are alternatives, so this kind's own chips must not narrow its counts.
    const otherFacets = current.facets.filter((facet) => facet.kind !== kind);
    const mask = this.facetIndex.allowedMask(otherFacets, this.reads.length);
    const words = this.queryWords(current.query);
    const positions = words.length === 0 ? this.browse(mask) : this.match(words, mask).positions;
    return this.facetIndex.counts(kind, positions);
  }

  /** The query's words, each with the forms it is searched as (itself, or its typo corrections). */
  private queryWords(query: string): QueryWord[] {
    const typed = [...new Set(termsOf(query))];
    const meaningful = typed.filter((term) => !QUERY_STOPWORDS.has(term));
    const kept = (meaningful.length > 0 ? meaningful : typed).slice(0, MAX_QUERY_WORDS);
    const lastIsBeingTyped = !/\s$/.test(query);
    const lastTyped = typed[typed.length - 1];
    return kept.map((term) => {
      const completions =
        term.length < MIN_COMPLETED_LENGTH
          ? []
          : this.dictionary.completions(term, SUMMARY_COMPLETIONS).map((completion) => ({
              term: completion,
              corrected: false,
              asPrefix: false,
              summaryCompletion: true,
            }));
      if (completions.length > 0 || this.anyFieldContains(term)) {
        return { forms: [{ term, corrected: false, asPrefix: true }, ...completions] };
      }
      const stillTyping = lastIsBeingTyped && term === lastTyped;
      const forms = this.dictionary
        .corrections(term, stillTyping)
        .map(({ term: corrected }) => ({ term: corrected, corrected: true, asPrefix: false }));
      return { forms };
    });
  }

  private anyFieldContains(term: string): boolean {
    return FIELDS_BY_WEIGHT.some((field) => this.idsWith(term, field).length > 0);
  }

  private idsWith(term: string, field: SearchedField): number[] {
    const perField = this.index.search(term, { index: field, limit: this.reads.length });
    return (perField[0]?.result as number[] | undefined) ?? [];
  }

  /**
   * Reads matching the most query words that any read matches (all of them when possible, so extra
   * words narrow; fewer when nothing has them all, so a stray word doesn't empty the results).
   */
  private match(words: readonly QueryWord[], mask: Uint8Array | null): { positions: number[]; scores: Float64Array } {
    const count = this.reads.length;
    const scores = new Float64Array(count);
    const wordsMatched = new Uint8Array(count);
    const lastWordSeen = new Int16Array(count).fill(-1);
    const touched: number[] = [];
    words.forEach((word, wordNumber) => {
      // Fields in descending weight: a word scores fully in its best field, a little in the others.
      for (const field of FIELDS_BY_WEIGHT) {
        for (const form of word.forms) {
          if (form.summaryCompletion && field !== 'summary') continue;
          const ids = this.idsWith(form.term, field);
          const weight = FIELD_WEIGHTS[field] * (form.corrected ? CORRECTED_WORD_FACTOR : 1);
          const wordStart = ` ${form.term}`;
          const wholeWord = ` ${form.term} `;
          for (const position of ids) {
            if (mask && mask[position] === 0) continue;
            if (lastWordSeen[position] === wordNumber) {
              scores[position] += OTHER_FIELD_SHARE * weight;
              continue;
            }
            lastWordSeen[position] = wordNumber;
            if (wordsMatched[position] === 0) touched.push(position);
            wordsMatched[position]++;
            scores[position] += weight;
            const titleWords = this.titleWords[position];
            const inTitleAt = titleWords.indexOf(wordStart);
            if (inTitleAt >= 0) scores[position] += EARLY_TITLE_WORD_BONUS * (1 - inTitleAt / titleWords.length);
            if (titleWords.includes(wholeWord)) scores[position] += WHOLE_TITLE_WORD_BONUS;
          }
        }
      }
    });
    let mostWordsMatched = 0;
    for (const position of touched) mostWordsMatched = Math.max(mostWordsMatched, wordsMatched[position]);
    return { positions: touched.filter((position) => wordsMatched[position] === mostWordsMatched), scores };
  }

  private browse(mask: Uint8Array | null): number[] {
    const positions: number[] = [];
    for (const position of this.browseOrder) if (!mask || mask[position] === 1) positions.push(position);
    return positions;
  }
}

/** Positions of `reads` newest first (undated last), then by title, then by id. */
function browseOrderOf(reads: readonly Read[]): Int32Array {
  const titles = reads.map((read) => read.title.toLowerCase());
  return Int32Array.from(reads.keys()).sort((a, b) => {
    const publishedA = reads[a].published;
    const publishedB = reads[b].published;
    if (publishedA !== publishedB) {
      if (publishedA === null) return 1;
      if (publishedB === null) return -1;
      return publishedA < publishedB ? 1 : -1;
    }
    return compareText(titles[a], titles[b]) || compareText(reads[a].id, reads[b].id);
  });
}

/** The `limit` best positions, best first; ties go to the browse order so results never shuffle. */
function topByScore(positions: number[], scores: Float64Array, browseRank: Int32Array, limit: number): number[] {
  const better = (a: number, b: number) => scores[b] - scores[a] || browseRank[a] - browseRank[b];
  if (positions.length <= limit * 4) return positions.slice().sort(better).slice(0, limit);
  // Many matches (a one-letter prefix over a large catalogue): keep only those at or above the
  // limit-th best score before sorting, instead of sorting them all.
  const sampleScores = positions.map((position) => scores[position]).sort((a, b) => b - a);
  const threshold = sampleScores[Math.min(limit, sampleScores.length) - 1] ?? -Infinity;
  return positions
    .filter((position) => scores[position] >= threshold)
    .sort(better)
    .slice(0, limit);
}

/** Texts whose lower case has the same offsets and needs no diacritic folding (ASCII plus typographic punctuation). */
const PLAIN_TEXT = /^[\x00-\x7f\u2010-\u206f]*$/;
const ASCII_WORD_CHARACTER = /[a-z0-9]/;

/** Where the matched forms occur in `text`: the typed prefix of a word, or the whole corrected word. */
export function highlightRanges(text: string, forms: readonly WordForm[]): Range[] {
  if (!text || forms.length === 0) return [];
  return PLAIN_TEXT.test(text) ? plainTextRanges(text, forms) : foldedTextRanges(text, forms);
}

/** The common case, by string search on the lower-cased text instead of tokenising it. */
function plainTextRanges(text: string, forms: readonly WordForm[]): Range[] {
  const lowered = text.toLowerCase();
  const ends = new Map<number, number>();
  for (const form of forms) {
    for (let at = lowered.indexOf(form.term); at >= 0; at = lowered.indexOf(form.term, at + 1)) {
      if (at > 0 && ASCII_WORD_CHARACTER.test(lowered[at - 1])) continue;
      const end = at + form.term.length;
      const continues = end < lowered.length && ASCII_WORD_CHARACTER.test(lowered[end]);
      if (continues && !form.asPrefix) continue;
      ends.set(at, Math.max(ends.get(at) ?? 0, end));
    }
  }
  return [...ends].sort((a, b) => a[0] - b[0]);
}

function foldedTextRanges(text: string, forms: readonly WordForm[]): Range[] {
  const ranges: Range[] = [];
  for (const token of tokensOf(text)) {
    let matchedLength = 0;
    for (const form of forms) {
      if (form.asPrefix ? token.term.startsWith(form.term) : token.term === form.term) {
        // Folding can change a word's length (ligatures); then mark the whole word.
        const length = form.asPrefix && token.term.length === token.end - token.start ? form.term.length : token.end - token.start;
        matchedLength = Math.max(matchedLength, length);
      }
    }
    if (matchedLength > 0) ranges.push([token.start, token.start + matchedLength]);
  }
  return ranges;
}
/** FNV-1a over the searched text: cheap, and enough to tell a snapshot of another catalogue apart. */
class Fingerprint {
  private hash = 0x811c9dc5;
  private length = 0;

  addRead(read: Read): void {
    this.add(read.id);
    this.add(read.title);
    for (const tag of read.tags) this.add(tag);
    this.add(read.source);
    this.add(read.section ?? '');
    this.add(read.category ?? '');
    this.add(read.summary ?? '');
  }

  private add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      this.hash ^= text.charCodeAt(i);
      this.hash = Math.imul(this.hash, 0x01000193) >>> 0;
    }
    this.hash = Math.imul(this.hash ^ 0x1f, 0x01000193) >>> 0;
    this.length += text.length + 1;
  }

  value(): string {
    return `${this.hash.toString(16)}-${this.length}`;
  }
}
