/**
 * Which pages Docent may read automatically (badge, side panel): pure rules over a URL,
 * the built-in documentation sites, the never-read deny list and the user's own lists.
 * The content script checks this before sending keywords, and the background checks it
 * again before keeping them, so neither side alone decides.
 */
import { DEFAULT_DOC_SITE_PATTERNS, isNeverReadHost } from './doc-sites';

// Every site: the optional host permission the user can grant in options.
export const ALL_SITES_PATTERN = '*://*/*';

export type SiteLists = {
  /** Hosts the user excluded in options; a listed host also excludes its subdomains. */
  excluded: readonly string[];
  /** Match patterns the user granted beyond the built-in documentation sites. */
  granted: readonly string[];
};

export type ReadDecision =
  | { allowed: true; via: 'doc-site' | 'granted' }
  | { allowed: false; reason: 'not-web' | 'never-read' | 'excluded' | 'not-granted' };

/** The page's host, or null for anything that is not an http(s) page. */
export function webHostOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname.toLowerCase().replace(/\.$/, '');
}

/**
 * True when `url` matches a WebExtension match pattern (`<scheme>://<host>/<path>`, with
 * `*` schemes meaning http/https, `*.` host prefixes meaning the domain and its subdomains).
 */
export function matchesPattern(url: string, pattern: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`Not a supported match pattern: "${pattern}"`);
  const [, scheme, hostPattern, pathPattern] = parts;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const protocol = parsed.protocol.slice(0, -1);
  if (protocol !== 'http' && protocol !== 'https') return false;
  if (scheme !== '*' && scheme !== protocol) return false;
  const host = parsed.hostname.toLowerCase();
  if (hostPattern !== '*') {
    if (hostPattern.startsWith('*.')) {
      const domain = hostPattern.slice(2).toLowerCase();
      if (host !== domain && !host.endsWith(`.${domain}`)) return false;
    } else if (host !== hostPattern.toLowerCase()) {
      return false;
    }
  }
  const pathRegex = new RegExp(`^${pathPattern.split('*').map(escapeRegex).join('.*')}$`);
  return pathRegex.test(parsed.pathname + parsed.search);
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function isDefaultDocSite(url: string): boolean {
  return DEFAULT_DOC_SITE_PATTERNS.some((pattern) => matchesPattern(url, pattern));
}

/** True when `host` is a listed host or a subdomain of one. */
export function isExcludedHost(host: string, excluded: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return excluded.some((entry) => h === entry || h.endsWith(`.${entry}`));
}

/** Whether Docent may read `url` on its own, and why (or why not). */
export function readDecision(url: string, lists: SiteLists): ReadDecision {
  const host = webHostOf(url);
  if (host === null) return { allowed: false, reason: 'not-web' };
  if (isNeverReadHost(host)) return { allowed: false, reason: 'never-read' };
  if (isExcludedHost(host, lists.excluded)) return { allowed: false, reason: 'excluded' };
  if (isDefaultDocSite(url)) return { allowed: true, via: 'doc-site' };
  if (lists.granted.some((pattern) => matchesPattern(url, pattern))) return { allowed: true, via: 'granted' };
  return { allowed: false, reason: 'not-granted' };
}

/**
 * Whether Docent may read a page the user opened Docent on: anywhere it may read on its own, and
 * on sites not granted (the popup asked); never on excluded, never-read or non-web pages.
 */
export function mayReadWhenAsked(decision: ReadDecision): boolean {
  return decision.allowed || decision.reason === 'not-granted';
}

/**
 * The host an exclude-list entry stands for, from whatever the user typed or pasted:
 * "Mail.Example.com", "https://example.com/path", "*.example.com". Throws on anything else.
 */
export function normaliseHostEntry(input: string): string {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) throw new Error('Enter a host name, like example.com');
  const withoutWildcard = trimmed.replace(/^\*\./, '');
  const asUrl = /^[a-z][a-z0-9+.-]*:\/\//.test(withoutWildcard) ? withoutWildcard : `https://${withoutWildcard}`;
  let host: string;
  try {
    host = new URL(asUrl).hostname;
  } catch {
    throw new Error(`"${input.trim()}" is not a host name, like example.com`);
  }
  host = host.replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) || host.includes('..')) {
    throw new Error(`"${input.trim()}" is not a host name, like example.com`);
  }
  return host;
}

/** The match pattern that grants one site: the host and its subdomains, any path, http(s). */
export function sitePatternFor(host: string): string {
  return `*://*.${normaliseHostEntry(host).replace(/^www\./, '')}/*`;
}
