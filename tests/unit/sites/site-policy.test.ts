import { describe, expect, it } from 'vitest';
import { DEFAULT_DOC_SITE_PATTERNS, isNeverReadHost } from '@/src/sites/doc-sites';
import {
  isDefaultDocSite,
  isExcludedHost,
  matchesPattern,
  normaliseHostEntry,
  readDecision,
  sitePatternFor,
  webHostOf,
} from '@/src/sites/site-policy';

const noLists = { excluded: [], granted: [] };

describe('matchesPattern', () => {
  it('matches a scheme wildcard against http and https only', () => {
    expect(matchesPattern('https://redis.io/docs/', '*://redis.io/*')).toBe(true);
    expect(matchesPattern('http://redis.io/', '*://redis.io/*')).toBe(true);
    expect(matchesPattern('ftp://redis.io/', '*://redis.io/*')).toBe(false);
    expect(matchesPattern('https://redis.io/', 'http://redis.io/*')).toBe(false);
  });

  it('treats *. as the domain and its subdomains, not look-alike hosts', () => {
    expect(matchesPattern('https://pip.readthedocs.io/en/', '*://*.readthedocs.io/*')).toBe(true);
    expect(matchesPattern('https://readthedocs.io/', '*://*.readthedocs.io/*')).toBe(true);
    expect(matchesPattern('https://evilreadthedocs.io/', '*://*.readthedocs.io/*')).toBe(false);
  });

  it('matches path patterns literally apart from *', () => {
    expect(matchesPattern('https://www.postgresql.org/docs/16/mvcc.html', '*://www.postgresql.org/docs/*')).toBe(true);
    expect(matchesPattern('https://www.postgresql.org/about/', '*://www.postgresql.org/docs/*')).toBe(false);
    expect(matchesPattern('https://www.elastic.co/guide/en', '*://www.elastic.co/guide/*')).toBe(true);
  });

  it('matches every web page with the all-sites pattern', () => {
    expect(matchesPattern('https://example.com/a?b=1', '*://*/*')).toBe(true);
    expect(matchesPattern('chrome://extensions/', '*://*/*')).toBe(false);
  });

  it('rejects patterns it cannot interpret with a clear error', () => {
    expect(() => matchesPattern('https://a.com/', 'a.com')).toThrow(/Not a supported match pattern: "a.com"/);
  });

  it('parses every built-in documentation pattern', () => {
    for (const pattern of DEFAULT_DOC_SITE_PATTERNS) {
      expect(() => matchesPattern('https://example.com/', pattern)).not.toThrow();
    }
  });
});

describe('webHostOf', () => {
  it('gives lower-case hosts for web pages and null for the rest', () => {
    expect(webHostOf('https://Kafka.Apache.org/documentation/')).toBe('kafka.apache.org');
    expect(webHostOf('chrome://newtab/')).toBeNull();
    expect(webHostOf('file:///tmp/a.html')).toBeNull();
    expect(webHostOf('not a url')).toBeNull();
  });
});

describe('isDefaultDocSite', () => {
  it('knows the built-in documentation hosts', () => {
    expect(isDefaultDocSite('https://kafka.apache.org/documentation/#design')).toBe(true);
    expect(isDefaultDocSite('https://kubernetes.io/docs/concepts/')).toBe(true);
    expect(isDefaultDocSite('https://docs.aws.amazon.com/dynamodb/')).toBe(true);
    expect(isDefaultDocSite('https://www.nytimes.com/')).toBe(false);
  });
});

describe('never-read hosts', () => {
  it('covers subdomains of denied hosts and country Google domains', () => {
    expect(isNeverReadHost('mail.google.com')).toBe(true);
    expect(isNeverReadHost('old.reddit.com')).toBe(true);
    expect(isNeverReadHost('www.google.co.uk')).toBe(true);
    expect(isNeverReadHost('myreddit.com')).toBe(false);
  });

  it('wins over grants, even all sites', () => {
    const lists = { excluded: [], granted: ['*://*/*'] };
    expect(readDecision('https://www.linkedin.com/feed/', lists)).toEqual({ allowed: false, reason: 'never-read' });
    expect(readDecision('https://www.paypal.com/myaccount', lists)).toEqual({ allowed: false, reason: 'never-read' });
  });
});

describe('exclude list', () => {
  it('excludes the host and its subdomains only', () => {
    expect(isExcludedHost('docs.example.com', ['example.com'])).toBe(true);
    expect(isExcludedHost('example.com', ['example.com'])).toBe(true);
    expect(isExcludedHost('notexample.com', ['example.com'])).toBe(false);
  });

  it('turns off a built-in documentation site', () => {
    expect(readDecision('https://kafka.apache.org/intro', { excluded: ['kafka.apache.org'], granted: [] })).toEqual({
      allowed: false,
      reason: 'excluded',
    });
    expect(readDecision('https://redis.io/docs/', { excluded: ['kafka.apache.org'], granted: [] }).allowed).toBe(true);
  });
});

describe('readDecision', () => {
  it('reads doc sites without grants and other sites only when granted', () => {
    expect(readDecision('https://redis.io/docs/', noLists)).toEqual({ allowed: true, via: 'doc-site' });
    expect(readDecision('https://blog.example.com/post', noLists)).toEqual({ allowed: false, reason: 'not-granted' });
    expect(readDecision('https://blog.example.com/post', { excluded: [], granted: ['*://*.example.com/*'] })).toEqual({
      allowed: true,
      via: 'granted',
    });
    expect(readDecision('about:blank', noLists)).toEqual({ allowed: false, reason: 'not-web' });
  });
});

describe('normaliseHostEntry', () => {
  it('accepts hosts, URLs and wildcard hosts', () => {
    expect(normaliseHostEntry('  Mail.Example.com ')).toBe('mail.example.com');
    expect(normaliseHostEntry('https://example.com/path?q=1')).toBe('example.com');
    expect(normaliseHostEntry('*.example.org')).toBe('example.org');
    expect(normaliseHostEntry('localhost')).toBe('localhost');
  });

  it('rejects input that is not a host', () => {
    expect(() => normaliseHostEntry('')).toThrow(/Enter a host name/);
    expect(() => normaliseHostEntry('not a host')).toThrow(/"not a host" is not a host name/);
  });
});

describe('sitePatternFor', () => {
  it('grants the site and its subdomains', () => {
    expect(sitePatternFor('www.example.com')).toBe('*://*.example.com/*');
    expect(matchesPattern('https://www.example.com/x', sitePatternFor('https://example.com/'))).toBe(true);
  });
});
