import { describe, expect, it } from 'vitest';
import { DEFAULT_DOC_SITE_PATTERNS } from '@/src/sites/doc-sites';
import { docSiteEntries } from '@/src/welcome/site-list';

describe('docSiteEntries', () => {
  it('lists every built-in pattern once, by domain, with the paths a host is limited to', () => {
    const entries = docSiteEntries([
      '*://www.elastic.co/guide/*',
      '*://*.apache.org/*',
      '*://www.elastic.co/docs/*',
      '*://redis.io/*',
    ]);
    expect(entries).toEqual([
      { domain: 'apache.org', subdomains: true, paths: [] },
      { domain: 'elastic.co', subdomains: false, paths: ['/guide', '/docs'] },
      { domain: 'redis.io', subdomains: false, paths: [] },
    ]);
  });

  it('a host read whole is shown without paths even when a narrower pattern also names it', () => {
    expect(docSiteEntries(['*://docs.example.com/v1/*', '*://docs.example.com/*'])).toEqual([
      { domain: 'docs.example.com', subdomains: false, paths: [] },
    ]);
  });

  it('covers the real built-in list: every pattern’s host has its entry, none twice', () => {
    const entries = docSiteEntries();
    const domains = entries.map((entry) => entry.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const pattern of DEFAULT_DOC_SITE_PATTERNS) {
      const host = pattern.split('/')[2]!.replace(/^\*\./, '').replace(/^www\./, '');
      expect(domains, pattern).toContain(host);
    }
  });

  it('rejects a pattern it cannot show', () => {
    expect(() => docSiteEntries(['https://example.com/*'])).toThrow(/Not a documentation site pattern/);
  });
});
