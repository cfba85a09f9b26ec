/**
 * Matching against the architecture vocabulary: canonical concepts and their variants, found in
 * free text as whole-word phrases (longest match wins). Pure; safe in content scripts.
 */

/** One match of a concept in a text. `surface` is the first way it was written there. */
export type ConceptMatch = { canonical: string; surface: string; count: number };

export type Vocabulary = {
  /** The canonical form of a variant ("K8s" → "kubernetes"), or null when not in the vocabulary. */
  canonicalOf(term: string): string | null;
  /** Every written form of a concept, canonical first; empty when unknown. */
  variantsOf(canonical: string): string[];
  /** Concepts mentioned in a text, most frequent first (ties in order of first appearance). */
  findConcepts(text: string): ConceptMatch[];
  /** All canonical concepts, in data order. */
  canonicals(): readonly string[];
};

/** A word of the text: `key` as written (folded), `singular` its plain singular, for "replicas". */
type Token = { key: string; singular: string; start: number; end: number };
type Phrase = { tokens: string[]; canonical: string };

/** Words, with inner dots/apostrophes ("node.js", "o'reilly") and trailing "+"/"#" ("c++"). */
const TOKEN = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*[+#]*/gu;

function foldForMatching(text: string): string {
  return foldNormalised(text.normalize('NFKC'));
}

/** Case and quotes folded; character for character, except that lowercasing "İ" adds a combining dot. */
function foldNormalised(normalised: string): string {
  return normalised.toLowerCase().replace(/[\u2018\u2019\u201b`´]/g, "'");
}

function tokensOf(text: string): Token[] {
  return tokensOfFolded(foldForMatching(text));
}

function tokensOfFolded(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(TOKEN)) {
    tokens.push({ key: match[0], singular: singularOf(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Lowercase words joined by single spaces; hyphens, slashes and other punctuation are separators. */
export function normaliseTerm(term: string): string {
  return tokensOf(term)
    .map((token) => token.key)
    .join(' ');
}

/** The plain English singular of a word, or the word itself ("replicas" → "replica"). */
function singularOf(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || word.endsWith('ss') || word.endsWith('us')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * Build a vocabulary from rows of `[canonical, ...variants]`. A form already claimed by an
 * earlier row stays with that row, so hand-written rows placed first take precedence.
 */
export function createVocabulary(rows: readonly (readonly string[])[]): Vocabulary {
  const canonicalByKey = new Map<string, string>();
  const variantsByCanonical = new Map<string, string[]>();
  const phrasesByFirstToken = new Map<string, Phrase[]>();

  for (const row of rows) {
    const canonical = row[0]?.trim().toLowerCase();
    if (!canonical) throw new Error(`Vocabulary row without a canonical term: ${JSON.stringify(row)}`);
    const canonicalKey = normaliseTerm(canonical);
    // A row whose canonical is already another concept's variant adds nothing new.
    if (canonicalByKey.has(canonicalKey)) continue;
    const forms: string[] = [];
    for (const form of row) {
      const key = normaliseTerm(form);
      if (key === '' || canonicalByKey.has(key) || canonicalByKey.has(singularOf(key))) continue;
      canonicalByKey.set(key, canonical);
      forms.push(form.toLowerCase());
      const tokens = key.split(' ');
      const phrases = phrasesByFirstToken.get(tokens[0]!) ?? [];
      phrases.push({ tokens, canonical });
      phrasesByFirstToken.set(tokens[0]!, phrases);
    }
    variantsByCanonical.set(canonical, forms);
  }
  for (const phrases of phrasesByFirstToken.values()) phrases.sort((a, b) => b.tokens.length - a.tokens.length);

  const tokenMatches = (expected: string, token: Token) => token.key === expected || token.singular === expected;

  const longestOf = (phrases: Phrase[] | undefined, tokens: Token[], at: number, best: Phrase | undefined) => {
    if (!phrases) return best;
    // Phrases are sorted longest first: the first that matches is the longest of this list.
    for (const phrase of phrases) {
      if (best && best.tokens.length >= phrase.tokens.length) return best;
      if (at + phrase.tokens.length > tokens.length) continue;
      if (phrase.tokens.every((expected, offset) => tokenMatches(expected, tokens[at + offset]!))) return phrase;
    }
    return best;
  };

  /** The longest phrase starting at `tokens[at]`, if any. */
  const longestPhraseAt = (tokens: Token[], at: number): Phrase | undefined => {
    const { key, singular } = tokens[at]!;
    const best = longestOf(phrasesByFirstToken.get(key), tokens, at, undefined);
    return singular === key ? best : longestOf(phrasesByFirstToken.get(singular), tokens, at, best);
  };

  return {
    canonicalOf(term) {
      const key = normaliseTerm(term);
      return canonicalByKey.get(key) ?? canonicalByKey.get(key.split(' ').map(singularOf).join(' ')) ?? null;
    },
    variantsOf(canonical) {
      return [...(variantsByCanonical.get(canonical.trim().toLowerCase()) ?? [])];
    },
    findConcepts(text) {
      // Page text is folded once here: on a large page folding is a large part of the work.
      const normalised = text.normalize('NFKC');
      const folded = foldNormalised(normalised);
      const tokens = tokensOfFolded(folded);
      // Offsets are into the folded text. They are the original's when NFKC changed nothing and
      // lowercasing kept the length; otherwise ("ﬁ", "𝐀" or "e\u0301" before a match) the surface is taken from the folded text.
      const written = normalised === text && folded.length === text.length ? text : folded;
      const found = new Map<string, ConceptMatch>();
      for (let at = 0; at < tokens.length; ) {
        const phrase = longestPhraseAt(tokens, at);
        if (!phrase) {
          at++;
          continue;
        }
        const last = tokens[at + phrase.tokens.length - 1]!;
        const match = found.get(phrase.canonical);
        if (match) match.count++;
        else found.set(phrase.canonical, { canonical: phrase.canonical, surface: written.slice(tokens[at]!.start, last.end), count: 1 });
        at += phrase.tokens.length;
      }
      // Map order is first appearance; the stable sort keeps it among equal counts.
      return [...found.values()].sort((a, b) => b.count - a.count);
    },
    canonicals() {
      return [...variantsByCanonical.keys()];
    },
  };
}
