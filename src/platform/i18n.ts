/**
 * UI strings through browser.i18n (public/_locales/<lang>/messages.json; the browser itself
 * falls back to the default locale for keys a translation lacks).
 *
 * Unit tests run without the i18n API, so there, and only there, the English file answers
 * instead. The guard is a build-time constant: production bundles drop the English table.
 */
import { browser } from 'wxt/browser';
import english from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };

// WXT types getMessage with the keys of the default locale; MessageKey already checks ours.
type GetMessage = (name: string, substitutions?: string[]) => string;

function fromBrowser(key: MessageKey, substitutions: string[]): string {
  try {
    return (browser.i18n.getMessage as GetMessage)(key, substitutions);
  } catch {
    return '';
  }
}

/** English text with Chrome's placeholder rules: $NAME$ -> its content ("$1") -> substitution 1. */
function fromEnglish(key: MessageKey, substitutions: string[]): string {
  const entry = english[key] as MessageEntry;
  const placeholders = entry.placeholders ?? {};
  return entry.message
    .replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()]?.content ?? whole)
    .replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
}

/** The UI string for `key`, with $1…$9 filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const subs = substitutions.map(String);
  const message = fromBrowser(key, subs);
  if (message) return message;
  return import.meta.env.MODE === 'test' ? fromEnglish(key, subs) : key;
}
