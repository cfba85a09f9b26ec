/**
 * Word-level tokenising shared by page extraction and the catalogue statistics, so a term means
 * the same thing on both sides. Keeps identifiers whole (`kube-proxy`, `maxmemory-policy`,
 * `node.js`, `max_retries`) and drops English stopwords (stopwords-iso; only its English list is
 * imported, which the bundler tree-shakes out of the full multi-language JSON).
 */
import { en as englishStopwords } from 'stopwords-iso';

const STOPWORDS: ReadonlySet<string> = new Set(englishStopwords);

// Letters/digits (with the combining marks of scripts that write vowels as marks: Devanagari, Thai…),
// joined by single inner - _ . (so `allkeys-lru`, `node.js`), optional trailing + or # (c++, c#).
// Emoji, symbols and enclosing marks (keycaps) are never part of a token.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{Mn}\p{Mc}\p{N}]*(?:[-_.][\p{L}\p{N}][\p{L}\p{Mn}\p{Mc}\p{N}]*)*[+#]{0,2}/gu;
const CAMEL_OR_SNAKE = /^(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[a-z0-9]+(?:[_-][a-z0-9]+)+)$/;

/** Lower-cased tokens of `text`, in order (stopwords included; callers decide). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(TOKEN)) out.push(match[0].toLowerCase());
  return out;
}

/** A token worth keeping as a page term: not a stopword, not a bare number, of sane length. */
export function isContentWord(token: string): boolean {
  if (token.length < 2 || token.length > 40) return false;
  if (/^[\p{N}._-]+$/u.test(token)) return false;
  if (STOPWORDS.has(token)) return false;
  // Hyphen/dot-joined stopwords (`so-called`, `e.g`) carry no topic either.
  return !/[-_.]/.test(token) || token.split(/[-_.]/).some((part) => part.length > 1 && !STOPWORDS.has(part) && !/^\p{N}+$/u.test(part));
}

/** Identifiers worth keeping from code blocks: camelCase, PascalCase with an inner capital, snake_case, kebab-case. */
export function codeIdentifiers(code: string): string[] {
  const out: string[] = [];
  for (const match of code.matchAll(TOKEN)) {
    // In code a dot is member access (`admin.describeConsumerGroups`), not part of a name.
    for (const raw of match[0].split('.')) {
      if (raw.length >= 4 && raw.length <= 40 && CAMEL_OR_SNAKE.test(raw)) out.push(raw.toLowerCase());
    }
  }
  return out;
}
