import { describe, expect, it } from 'vitest';
import { creditOf, hostOf, parseAwesomeList } from '@/src/catalogue/awesome';
import { awesomeSource } from './real-sources';

const text = awesomeSource().text;
const links = parseAwesomeList(text, 'awesome');

describe('awesome-scalability parser on the real README', () => {
  it('reads the ten content sections in order', () => {
    expect([...new Set(links.map((link) => link.section))]).toEqual([
      'Principles',
      'Scalability',
      'Availability',
      'Stability',
      'Performance',
      'Intelligence',
      'Architectures',
      'Interview',
      'Talks',
      'Books',
    ]);
  });

  it('takes every article link of the content sections (600 links, 596 URLs)', () => {
    const body = text.slice(text.indexOf('## Principles'), text.indexOf('## Special Thanks'));
    const plainUrls = [...body.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((match) => match[1]);
    expect(links.map((link) => link.url)).toEqual(plainUrls);
    expect(links).toHaveLength(600);
    expect(new Set(links.map((link) => link.url)).size).toBe(596);
    expect(links[0]).toEqual({
      title: 'Designs, Lessons and Advice from Building Large Distributed Systems - Jeff Dean, Google',
      url: 'https://www.cs.cornell.edu/projects/ladis2009/talks/dean-keynote-ladis2009.pdf',
      section: 'Principles',
    });
    expect(links.at(-1)).toEqual({
      title: 'Scalability Rules: 50 Principles for Scaling Web Sites',
      url: 'http://scalabilityrules.com/',
      section: 'Books',
    });
  });

  it('leaves out the table of contents, badges, intro links, thanks and license', () => {
    const urls = links.map((link) => link.url);
    expect(urls.some((url) => url.startsWith('#'))).toBe(false);
    expect(urls).not.toContain('https://ctt.ec/V8B2p'); // "share on Twitter" in the intro
    expect(urls).not.toContain('CONTRIBUTING.md');
    expect(urls).not.toContain('https://www.slideshare.net/jboner/scalability-availability-stability-patterns'); // Special Thanks
    expect(urls).not.toContain('https://creativecommons.org/licenses/by/4.0/'); // License badge
    expect(urls.some((url) => url.includes('mirrors.creativecommons.org'))).toBe(false);
  });

  // These three found by tests/unit/catalogue/awesome.fuzz.test.ts.
  it('keeps balanced parentheses in a link address, as Wikipedia links have them', () => {
    expect(parseAwesomeList('## Principles * [Raft](https://en.wikipedia.org/wiki/Raft_(algorithm)) ## Books', 'awesome')).toEqual([
      { title: 'Raft', url: 'https://en.wikipedia.org/wiki/Raft_(algorithm)', section: 'Principles' },
    ]);
  });

  it('titles a link with blank text by its address rather than leaving the read untitled', () => {
    expect(parseAwesomeList('## Principles * [ ](https://example.org/a) ## Books', 'awesome')).toEqual([
      { title: 'https://example.org/a', url: 'https://example.org/a', section: 'Principles' },
    ]);
  });

  it('does not take a heading mark with no name for a section', () => {
    expect(parseAwesomeList('## Principles * [A](https://example.org/a) ##  * [B](https://example.org/b) ## Books', 'awesome')).toEqual([
      { title: 'A', url: 'https://example.org/a', section: 'Principles' },
      { title: 'B', url: 'https://example.org/b', section: 'Principles' },
    ]);
  });

  it('fails clearly when the content sections are missing', () => {
    expect(() => parseAwesomeList('# Some list ## Contents - [A](#a)', 'other.md')).toThrow(
      /other\.md: expected content sections "Principles" … "Books"/,
    );
  });
});

describe('credit of an awesome link', () => {
  const common = new Set(['various', 'layers', 'scale']);
  it.each([
    ['Designs, Lessons and Advice from Building Large Distributed Systems - Jeff Dean, Google', 'https://www.cs.cornell.edu/x.pdf', 'Google', 'Jeff Dean'],
    ['On Efficiency, Reliability, Scaling - James Hamilton, VP at AWS', 'http://mvdirona.com/jrh/work/', 'AWS', 'James Hamilton'],
    ['Scaling Pinterest - Marty Weiner, Pinterest’s founding engineer', 'https://www.youtube.com/watch?v=1', 'Pinterest', 'Marty Weiner'],
    ['Scaling Data Infrastructure at Spotify - Matti (Lepistö) Pehrs, Spotify', 'https://www.youtube.com/watch?v=2', 'Spotify', 'Matti (Lepistö) Pehrs'],
    ['How To Design A Good API and Why it Matters - Joshua Bloch', 'https://www.infoq.com/presentations/effective-api-design', 'Joshua Bloch', 'Joshua Bloch'],
    ['Containerization at Pinterest', 'https://medium.com/@Pinterest_Engineering/x', 'Pinterest', null],
    ['Uniform Consistent Hashing (used at Netflix)', 'https://medium.com/netflix-techblog/x', 'Netflix', null],
    ['Search Federation Architecture at LinkedIn (2018)', 'https://engineering.linkedin.com/x', 'LinkedIn', null],
    ['Delivering Billions of Messages Exactly Once: Deduping at Segment', 'https://segment.com/blog/exactly-once-delivery/', 'Segment', null],
    ['Relying on Software to Redirect Traffic Reliably at Various Layers', 'https://www.usenix.org/conference/x', 'usenix.org', null],
    ['Event Sourcing and Stream Processing at Scale', 'https://martin.kleppmann.com/2016/x.html', 'martin.kleppmann.com', null],
    ['SQL vs NoSQL - Lesson Learned from Salesforce', 'https://engineering.salesforce.com/sql-or-nosql', 'engineering.salesforce.com', null],
    ['Consistent Hashing', 'http://www.tom-e-white.com/2007/11/consistent-hashing.html', 'tom-e-white.com', null],
  ])('%s', (title, url, source, author) => {
    expect(creditOf(title, url, common)).toEqual({ source, author });
  });

  it('strips www. from hosts and rejects a non-URL', () => {
    expect(hostOf('https://www.brianjgraf.com/2013/05/17/x/')).toBe('brianjgraf.com');
    expect(() => hostOf('not a url')).toThrow(/Not a valid article URL/);
  });
});
