/**
 * Tag handling for the listing pages, whose tag line runs the tags together with no separator
 * ("Kafkapush-pullredis" = Kafka, push-pull, redis).
 *
 * The regularity that makes this solvable: every tag line is sorted by code point (uppercase and
 * digits before lowercase), so a split is only valid when the pieces are in strictly increasing
 * order. Among the valid splits (at most three tags, as the listing shows) we choose the cheapest:
 * pieces seen as tags elsewhere in the corpus or written in the entry's own title/summary are
 * cheap; pieces that are not made of words of the corpus prose, or hide a camel hump, are dear.
 * No per-line exceptions.
 */

/** Case, Unicode dashes/quotes, odd spaces and runs of whitespace folded, for matching only. */
export function normaliseTag(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201b`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Looser key: hyphens and spaces equivalent, so "cache-avalanche" meets "cache avalanche". */
function matchKey(text: string): string {
  return normaliseTag(text).replace(/[-_\s]+/g, ' ');
}

/** Lines whose every possible split is scored are short; longer input is almost surely not a tag line. */
const MAX_TAG_LINE_LENGTH = 200;

/**
 * The listing shows at most three tags per article and most articles have all three, so a split
 * into fewer tags must be paid for by better-attested pieces.
 */
const MAX_TAGS_PER_LINE = 3;
const COST_FEWER_TAGS = [Infinity, 3, 1.5, 0];

// Cost of a piece by how well it is attested (lower is better).
const COST_KNOWN = 0;
const COST_IN_CONTEXT = 1;
const COST_UNKNOWN = 2;
/** An unattested piece containing a non-word ("goreal", "oud") was almost surely cut wrongly. */
const COST_NON_WORD = 2;
/**
 * A hump inside a word ("ManagementDevOps", "ANNAdvertising") usually marks two joined tags;
 * product names written that way in prose ("WeChat", "ClickHouse") are excused.
 */
const COST_HIDDEN_HUMP = 2;

const isSpace = (c: string) => /\s/.test(c);

/** A piece that could be a tag on its own: no surrounding space, and not starting with a joiner. */
function isWellFormed(piece: string): boolean {
  return piece.length > 0 && !isSpace(piece[0]!) && !isSpace(piece[piece.length - 1]!) && !/^[-/&.]/.test(piece);
}

/** Lowercased words of a text, split on spaces and joiners ("real-time" → real, time). */
export function wordsOf(text: string): string[] {
  return normaliseTag(text)
    .split(/[^\p{L}\p{N}+#']+/u)
    .filter((word) => word !== '');
}

/** Camel humps inside the piece's words, except in words the corpus writes that way in prose. */
function hiddenHumps(piece: string, words: ReadonlySet<string> | undefined): number {
  return piece
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => !words?.has(token.toLowerCase()))
    .reduce((count, token) => count + (token.match(/[\p{Ll}\p{N}](?=\p{Lu})|\p{Lu}(?=\p{Lu}\p{Ll})/gu) ?? []).length, 0);
}

/** What a piece looks like, independent of the line it is cut from. */
type PieceShape = { normalised: string; matchKey: string; nonWords: number; hiddenHumps: number };

/** Pieces recur across the lines of a corpus; their shapes are computed once per word list. */
const shapeCache = new WeakMap<ReadonlySet<string>, Map<string, PieceShape>>();

function shapeCacheFor(words: ReadonlySet<string> | undefined): Map<string, PieceShape> {
  if (!words) return new Map();
  let cache = shapeCache.get(words);
  if (!cache) shapeCache.set(words, (cache = new Map()));
  return cache;
}

function shapeOf(piece: string, words: ReadonlySet<string> | undefined): PieceShape {
  const normalised = normaliseTag(piece);
  return {
    normalised,
    matchKey: matchKey(normalised),
    nonWords: words ? wordsOf(piece).filter((word) => !words.has(word)).length : 0,
    hiddenHumps: hiddenHumps(piece, words),
  };
}

/** Normalised tags attested elsewhere (a Set works). */
export type KnownTags = { has(normalisedTag: string): boolean };

/** What, besides other tag lines, can attest a piece of a tag line. */
export type TagEvidence = {
  /** The entry's own title and summary. */
  context?: string;
  /** Words written anywhere in the corpus's prose; a piece made of them is at least word-shaped. */
  words?: ReadonlySet<string>;
};

/**
 * Split a run-together tag line into its tags, as written.
 * `knownTags` holds normalised tags attested elsewhere (see {@link normaliseTag}); `evidence`
 * adds the entry's own prose (tags the author also wrote out) and the corpus's words.
 */
export function splitRunTogetherTags(
  line: string,
  knownTags: KnownTags,
  evidence: TagEvidence = {},
): string[] {
  const text = line.trim();
  if (text === '') return [];
  if (text.length > MAX_TAG_LINE_LENGTH) {
    throw new Error(`Tag line too long to split (${text.length} chars): "${text.slice(0, 60)}…"`);
  }
  const contextKey = ` ${matchKey(evidence.context ?? '').replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `;
  const shapes = shapeCacheFor(evidence.words);
  const pieceCost = (piece: string): number => {
    if (!isWellFormed(piece)) return Infinity;
    let shape = shapes.get(piece);
    if (!shape) shapes.set(piece, (shape = shapeOf(piece, evidence.words)));
    const humpCost = COST_HIDDEN_HUMP * shape.hiddenHumps;
    if (knownTags.has(shape.normalised)) return COST_KNOWN + humpCost;
    if (contextKey.includes(` ${shape.matchKey} `)) return COST_IN_CONTEXT + humpCost;
    return COST_UNKNOWN + COST_NON_WORD * shape.nonWords + humpCost;
  };

  const n = text.length;
  // cost[cell(count, start, end)]: cheapest split of text[0, end) into `count` pieces, the last
  // text[start, end); prevStart[…] where the piece before it starts.
  const cell = (count: number, start: number, end: number) => (count * (n + 1) + start) * (n + 1) + end;
  const size = (MAX_TAGS_PER_LINE + 1) * (n + 1) * (n + 1);
  const best = { cost: new Float64Array(size).fill(Infinity), prevStart: new Int32Array(size).fill(-1) };
  // pieces[start][end - start - 1] = text.slice(start, end), with its cost.
  const pieces = Array.from({ length: n }, (_, start) => Array.from({ length: n - start }, (_, length) => text.slice(start, start + length + 1)));
  const costs = pieces.map((row) => row.map(pieceCost));
  for (let end = 1; end <= n; end++) best.cost[cell(1, 0, end)] = costs[0]![end - 1]!;
  for (let count = 2; count <= MAX_TAGS_PER_LINE; count++) {
    for (let start = 1; start < n; start++) {
      for (let end = start + 1; end <= n; end++) {
        const cost = costs[start]![end - start - 1]!;
        if (cost === Infinity) continue;
        const piece = pieces[start]![end - start - 1]!;
        const here = cell(count, start, end);
        for (let prevStart = 0; prevStart < start; prevStart++) {
          const before = best.cost[cell(count - 1, prevStart, start)]!;
          // The sort order of the source: each tag is strictly greater than the one before it.
          if (before + cost >= best.cost[here]! || !(pieces[prevStart]![start - prevStart - 1]! < piece)) continue;
          best.cost[here] = before + cost;
          best.prevStart[here] = prevStart;
        }
      }
    }
  }

  let bestCount = 1;
  let bestStart = 0;
  let bestCost = Infinity;
  for (let count = 1; count <= MAX_TAGS_PER_LINE; count++) {
    for (let start = 0; start < n; start++) {
      const cost = best.cost[cell(count, start, n)]! + COST_FEWER_TAGS[count]!;
      if (cost < bestCost) [bestCount, bestStart, bestCost] = [count, start, cost];
    }
  }
  if (bestCost === Infinity) return [text];
  const tags: string[] = [];
  for (let count = bestCount, start = bestStart, end = n; count > 0; count--) {
    tags.unshift(text.slice(start, end));
    const prevStart = best.prevStart[cell(count, start, end)]!;
    end = start;
    start = prevStart;
  }
  return tags;
}

/**
 * Tags attested by the corpus before any splitting: a piece that starts one tag line and ends a
 * different one, both certain tag boundaries ("Kafka" starts "Kafkapush-pullredis" and ends
 * "ArchitectureDistributed SystemsKafka").
 */
export function tagsAtLineEdges(lines: readonly string[]): Set<string> {
  const uniqueLines = [...new Set(lines.map((line) => line.trim()))];
  const prefixOwners = new Map<string, number[]>();
  uniqueLines.forEach((line, index) => {
    for (let end = 1; end < line.length; end++) {
      const piece = line.slice(0, end);
      if (isWellFormed(piece)) prefixOwners.set(piece, [...(prefixOwners.get(piece) ?? []), index]);
    }
  });
  const atEdges = new Set<string>();
  uniqueLines.forEach((line, index) => {
    // Single characters match at edges by chance ("…Cloud AI" ends in "I", "IMgroup…" starts with it).
    for (let start = 1; start < line.length - 1; start++) {
      const piece = line.slice(start);
      if (prefixOwners.get(piece)?.some((owner) => owner !== index)) atEdges.add(piece);
    }
  });
  // "Distributed SystemsRPC" starts one line and ends another too, but it is two tags that were
  // neighbours in both: drop pieces made of an attested tag joined to more text at a camel hump.
  const isJoined = (piece: string) =>
    [...piece].some((_, at) => {
      if (at === 0) return false;
      const [left, right] = [piece.slice(0, at), piece.slice(at)];
      const camelHump = /[\p{Ll}\p{N}]$/u.test(left) && /^\p{Lu}/u.test(right);
      const leftKnown = atEdges.has(left);
      const rightKnown = atEdges.has(right);
      return (leftKnown && rightKnown) || (camelHump && (leftKnown || rightKnown));
    });
  return new Set([...atEdges].filter((piece) => !isJoined(piece)).map(normaliseTag));
}

/** One tag line with the entry's own prose, which can attest tags. */
export type TagLine = { line: string; context: string };

/**
 * Split every tag line of a corpus. Two passes: the first uses tags attested at line edges; the
 * second adds every tag the first pass found in some *other* line, which resolves joins such as
 * "Kafkapush-pullredis" once "Kafka" has been seen on its own.
 */
export function splitCorpusTags(entries: readonly TagLine[]): string[][] {
  const edgeTags = tagsAtLineEdges(entries.map((entry) => entry.line));
  // Single letters are left out: every cut can produce one ("A" | "I-driven ops").
  const words = new Set(entries.flatMap((entry) => wordsOf(entry.context)).filter((word) => word.length > 1));
  const firstPass = entries.map((entry) =>
    splitRunTogetherTags(entry.line, edgeTags, { context: entry.context, words }),
  );
  const linesWithTag = new Map<string, Set<string>>();
  firstPass.forEach((tags, index) => {
    for (const tag of tags) {
      const key = normaliseTag(tag);
      const lines = linesWithTag.get(key) ?? new Set<string>();
      lines.add(entries[index]!.line.trim());
      linesWithTag.set(key, lines);
    }
  });
  return entries.map((entry) => {
    const ownLine = entry.line.trim();
    const known: KnownTags = {
      has: (tag) => {
        if (edgeTags.has(tag)) return true;
        const lines = linesWithTag.get(tag);
        return lines !== undefined && (lines.size > 1 || !lines.has(ownLine));
      },
    };
    return splitRunTogetherTags(entry.line, known, { context: entry.context, words });
  });
}
