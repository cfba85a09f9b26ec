/** URL rules for the queue: which links may be saved or imported, and the stable id of a saved page. */
import { fnv1a64Bits } from '@/src/catalogue/ids';

/** Only web links: anything else (javascript:, data:, file:, chrome:) could run code or leak local files when opened. */
export function acceptedUrl(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'no URL' };
  // canParse, not try/catch: throwing is slow enough to matter across a file of 100 000 bad rows.
  if (!URL.canParse(text)) return { ok: false, reason: `not a valid URL: ${clip(text)}` };
  const parsed = new URL(text);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: `only http: and https: links are accepted, not ${clip(parsed.protocol)}` };
  }
  if (parsed.hostname === '') return { ok: false, reason: `no host in ${clip(text)}` };
  return { ok: true, url: parsed.href };
}

/**
 * The form two links are compared in: lowercase host, no default port, no fragment, no trailing
 * slash, no tracking parameters. Assumes `url` passed {@link acceptedUrl}.
 */
export function normaliseUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (/^utm_/i.test(key) || key === 'fbclid' || key === 'gclid') parsed.searchParams.delete(key);
  }
  parsed.searchParams.sort();
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  // Markdown export percent-encodes parentheses; treat both spellings as the same page.
  return `${parsed.protocol}//${parsed.host}${path}${parsed.search}`.replace(/%28/gi, '(').replace(/%29/gi, ')');
}

/** `page:` + 64-bit FNV-1a of the normalised URL in hex, so saving the same page twice finds the same item. */
export function pageId(url: string): string {
  return `page:${fnv1a64Bits(normaliseUrl(url)).toString(16).padStart(16, '0')}`;
}

/** A long text cut for an error message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
