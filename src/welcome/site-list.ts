/**
 * The built-in documentation sites as the welcome page lists them: one entry per site, in
 * alphabetical order of the domain, with what part of it Docent reads.
 */
import { DEFAULT_DOC_SITE_PATTERNS } from '@/src/sites/doc-sites';

export type DocSiteEntry = {
  /** The domain as a reader knows it: "readthedocs.io", "elastic.co". */
  domain: string;
  /** "*.apache.org/*" covers every subdomain. */
  subdomains: boolean;
  /** The paths read on that host ("/docs", "/guide"), empty when the whole site is read. */
  paths: string[];
};

type EntryInProgress = DocSiteEntry & { wholeSite: boolean };

/** "*://*.apache.org/*" → { host: "apache.org", subdomains: true, path: "" } (path "" = the whole site). */
function parsePattern(pattern: string): { host: string; subdomains: boolean; path: string } {
  const match = /^\*:\/\/(\*\.)?([^/]+)(\/.*)$/.exec(pattern);
  if (!match) throw new Error(`Not a documentation site pattern: "${pattern}"`);
  const [, wildcard, host, pathPattern] = match;
  return { host, subdomains: wildcard !== undefined, path: pathPattern.replace(/\/?\*$/, '') };
}

/** Sites that differ only by path ("www.elastic.co/guide", "www.elastic.co/docs") become one entry. */
export function docSiteEntries(patterns: readonly string[] = DEFAULT_DOC_SITE_PATTERNS): DocSiteEntry[] {
  const byHost = new Map<string, EntryInProgress>();
  for (const pattern of patterns) {
    const { host, subdomains, path } = parsePattern(pattern);
    const key = `${subdomains ? '*.' : ''}${host}`;
    const entry = byHost.get(key) ?? { domain: host.replace(/^www\./, ''), subdomains, paths: [], wholeSite: false };
    if (path) entry.paths.push(path);
    else entry.wholeSite = true;
    byHost.set(key, entry);
  }
  return [...byHost.values()]
    .map(({ domain, subdomains, paths, wholeSite }) => ({ domain, subdomains, paths: wholeSite ? [] : paths }))
    .sort((a, b) => a.domain.localeCompare(b.domain));
}
