/**
 * The phrase vocabulary: multi-word concepts (`consistent hashing`, `write-ahead log`) keyed by
 * their folded words, and synonyms mapped to one key (`wal` → `write ahead log`). Built from the
 * catalogue's own tags plus the synonym rows; the same vocabulary analyses page text and catalogue
 * text, so a page term and a read term match exactly when they are the same key.
 */
import { isContentToken, splitCamel, tokens, type Token } from './text';

type Phrase = { words: string[]; key: string };

export type Vocabulary = {
  /** Phrases by their first folded word, longest first. */
  readonly phrasesByFirst: ReadonlyMap<string, readonly Phrase[]>;
  /** A one-word synonym's folded form → its concept key. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Concept key → the name shown for it. */
  readonly names: ReadonlyMap<string, string>;
  /** One-word keys that count only when written in capitals (`CAP`, `BASE`, `HA`): as plain words they are everyday English. */
  readonly capitalsOnly: ReadonlySet<string>;
  /** True when `key` is a concept of the vocabulary (a tag or a synonym row), not just a word. */
  isConcept(key: string): boolean;
};

export type VocabularySource = {
  synonyms: readonly (readonly string[])[];
  tags: readonly string[];
  /** Lower-case everyday English words (from a word-frequency list at dataset time) that short acronyms must not match. */
  commonWords: readonly string[];
};

const keyOf = (ts: readonly Token[]) => ts.map((t) => t.stem).join(' ');

/** Short forms (≤ 5 letters) that are everyday words are acronyms only in capitals. */
const ACRONYM_MAX = 5;

export function buildVocabulary(source: VocabularySource): Vocabulary {
  const phrasesByFirst = new Map<string, Phrase[]>();
  const aliases = new Map<string, string>();
  const names = new Map<string, string>();
  const capitalsOnly = new Set<string>();
  const common = new Set(source.commonWords);
  const add = (ts: readonly Token[], key: string, name: string) => {
    if (ts.length === 0) return;
    if (!names.has(key)) names.set(key, name);
    const words = ts.map((t) => t.stem);
    if (words.length === 1) {
      if (words[0] !== key && !aliases.has(words[0]!)) aliases.set(words[0]!, key);
      return;
    }
    const list = phrasesByFirst.get(words[0]!) ?? [];
    if (list.some((p) => p.words.join(' ') === words.join(' '))) return;
    list.push({ words, key });
    phrasesByFirst.set(words[0]!, list);
  };
  for (const row of source.synonyms) {
    const key = keyOf(tokens(row[0]!));
    for (const form of row) {
      const ts = tokens(form);
      add(ts, key, row[0]!);
      if (ts.length === 1 && ts[0]!.lower.length <= ACRONYM_MAX && common.has(ts[0]!.lower)) capitalsOnly.add(aliases.get(ts[0]!.stem) ?? ts[0]!.stem);
    }
  }
  for (const tag of source.tags) {
    const ts = tokens(tag);
    if (ts.length === 0 || ts.length > 4 || (ts.length === 1 && !isContentToken(ts[0]!))) continue;
    const key = keyOf(ts);
    add(ts, aliases.get(key) ?? key, tag.toLowerCase());
    if (ts.length === 1 && ts[0]!.caps && common.has(ts[0]!.lower)) capitalsOnly.add(key);
  }
  for (const list of phrasesByFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { phrasesByFirst, aliases, names, capitalsOnly, isConcept: (key) => names.has(key) };
}

/** Collects term keys with counts (and, optionally, how the page wrote each). */
export type TermSink = (key: string, surface: string) => void;

function phraseAt(ts: readonly Token[], i: number, vocabulary: Vocabulary): Phrase | undefined {
  for (const p of vocabulary.phrasesByFirst.get(ts[i]!.stem) ?? []) {
    if (i + p.words.length <= ts.length && p.words.every((w, k) => ts[i + k]!.stem === w && (k === 0 || !ts[i + k]!.breakBefore))) return p;
  }
  return undefined;
}

/** Term keys of `text`: the longest phrase at each position, else the content word's folded form (or its synonym's key). */
export function analyze(text: string, vocabulary: Vocabulary, sink: TermSink): void {
  analyzeTokens(tokens(text), vocabulary, sink);
}

/** `analyze` over tokens already cut (the catalogue index also counts the words themselves). */
export function analyzeTokens(ts: readonly Token[], vocabulary: Vocabulary, sink: TermSink): void {
  for (let i = 0; i < ts.length; ) {
    const phrase = phraseAt(ts, i, vocabulary);
    if (phrase) {
      sink(phrase.key, vocabulary.names.get(phrase.key) ?? phrase.key);
      i += phrase.words.length;
      continue;
    }
    const token = ts[i++]!;
    if (!isContentToken(token)) continue;
    // An identifier made of words counts the concepts it spells too (`RequestRateLimiter` names rate
    // limiting); one that is exactly a concept (`CircuitBreaker`) counts as that concept only.
    if (/[a-z][A-Z]/.test(token.raw)) {
      const parts = tokens(splitCamel(token.raw));
      let whole = false;
      for (let k = 0; k < parts.length; k++) {
        const inner = phraseAt(parts, k, vocabulary);
        if (!inner) continue;
        sink(inner.key, vocabulary.names.get(inner.key) ?? inner.key);
        whole = inner.words.length === parts.length;
        k += inner.words.length - 1;
      }
      if (whole) continue;
    }
    const key = vocabulary.aliases.get(token.stem) ?? token.stem;
    if (vocabulary.capitalsOnly.has(key) && !token.caps) continue;
    sink(key, vocabulary.names.get(key) ?? token.lower);
  }
}

/** Term key → count of `text` (or of its tokens). */
export function termCounts(text: string | readonly Token[], vocabulary: Vocabulary): Map<string, number> {
  const counts = new Map<string, number>();
  analyzeTokens(typeof text === 'string' ? tokens(text) : text, vocabulary, (key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  return counts;
}
