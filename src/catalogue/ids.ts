/**
 * Stable, short read ids (they are IndexedDB keys): a 64-bit FNV-1a hash in base 36, derived
 * from the URL or the normalised title, never from a position in a file.
 */
import { normaliseTag } from './tags';

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

/** Title as compared across pages: folded like a tag (case, Unicode dashes, quotes and spaces), trailing punctuation dropped. */
export function normaliseTitle(title: string): string {
  return normaliseTag(title).replace(/[\s.!?:;,]+$/, '');
}

export function idForUrl(url: string): string {
  return `u${fnv1a64(url.trim())}`;
}

export function idForTitle(title: string): string {
  return `t${fnv1a64(normaliseTitle(title))}`;
}
