/**
 * Stable, short read ids (they are IndexedDB keys): a 64-bit FNV-1a hash in base 36, derived
 * from the URL or the normalised title, never from a position in a file.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** 64-bit FNV-1a over the UTF-8 bytes of `text`. */
export function fnv1a64Bits(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash;
}

/** {@link fnv1a64Bits} in base 36 (at most 13 characters). */
export function fnv1a64(text: string): string {
  return fnv1a64Bits(text).toString(36);
}

/** Title as compared across pages: case, Unicode dashes/quotes/spaces and trailing punctuation folded. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201b`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?:;,]+$/, '')
    .trim();
}

export function idForUrl(url: string): string {
  return `u${fnv1a64(url.trim())}`;
}

export function idForTitle(title: string): string {
  return `t${fnv1a64(normaliseTitle(title))}`;
}
