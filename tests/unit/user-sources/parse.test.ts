import { describe, expect, it } from 'vitest';
import { idForUrl } from '@/src/catalogue/ids';
import { MAX_IMPORT_BYTES } from '@/src/queue/import';
import { parseUserSource, userSourceIdFor, type ParsedUserSource } from '@/src/user-sources';

const AWESOME_MD = `# Awesome Distributed Systems [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> A curated list of reading on distributed systems.

## Contents

- [Consensus](#consensus)
- [Messaging](#messaging)

## Consensus

* [In Search of an Understandable Consensus Algorithm](https://raft.github.io/raft.pdf) - The Raft paper.
* [Paxos Made Simple - Leslie Lamport](https://lamport.azurewebsites.net/pubs/paxos-simple.pdf)
* **[Raft (Wikipedia)](https://en.wikipedia.org/wiki/Raft_(algorithm))**

### Leader election

- [Leader Election in Distributed Systems - Amazon Builders' Library](https://aws.amazon.com/builders-library/leader-election-in-distributed-systems/)

## Messaging

1. [Kafka: a Distributed Messaging System for Log Processing](http://notes.stephenholiday.com/Kafka.pdf)
2. [Exactly-once Semantics in Apache Kafka - Confluent](https://www.confluent.io/blog/exactly-once-semantics-are-possible-heres-how-apache-kafka-does-it/)

\`\`\`
- [Not a read, this is inside a code block](https://example.com/code)
\`\`\`

Paragraph with a [link that is not a list item](https://example.com/prose).
`;

const BOOKMARKS_HTML = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file. -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://discord.com/blog/how-discord-stores-trillions-of-messages" ADD_DATE="1700000001">How Discord Stores Trillions of Messages</A>
        <DT><H3 ADD_DATE="1700000000">Caching</H3>
        <DL><p>
            <DT><A HREF="https://engineering.fb.com/2013/04/15/core-infra/scaling-memcache-at-facebook/" ADD_DATE="1700000002">Scaling Memcache at Facebook</A>
            <DD>The NSDI paper, as a blog post.
            <DT><A HREF="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">Totally safe</A>
        </DL><p>
        <DT><A HREF="https://discord.com/blog/how-discord-stores-trillions-of-messages#top">Discord, again</A>
    </DL><p>
</DL><p>
`;

function parsedOk(fileName: string, text: string): ParsedUserSource {
  const result = parseUserSource(fileName, text);
  if (!result.ok) throw new Error(`expected a parsed source, got: ${result.error}`);
  return result;
}

describe('parseUserSource: awesome-list Markdown', () => {
  const parsed = parsedOk('awesome-distributed-systems.md', AWESOME_MD);

  it('takes the list title as the name and every list link under a heading as a read', () => {
    expect(parsed.kind).toBe('awesome-markdown');
    expect(parsed.name).toBe('Awesome Distributed Systems');
    expect(parsed.reads.map((read) => [read.title, read.section])).toEqual([
      ['In Search of an Understandable Consensus Algorithm', 'Consensus'],
      ['Paxos Made Simple - Leslie Lamport', 'Consensus'],
      ['Raft (Wikipedia)', 'Consensus'],
      ["Leader Election in Distributed Systems - Amazon Builders' Library", 'Leader election'],
      ['Kafka: a Distributed Messaging System for Log Processing', 'Messaging'],
      ['Exactly-once Semantics in Apache Kafka - Confluent', 'Messaging'],
    ]);
    expect(parsed.rejected).toEqual([]);
  });

  it('builds reads like bundled ones: URL ids, credits, derived tags, user origin', () => {
    const paxos = parsed.reads[1]!;
    expect(paxos).toMatchObject({
      id: idForUrl('https://lamport.azurewebsites.net/pubs/paxos-simple.pdf'),
      url: 'https://lamport.azurewebsites.net/pubs/paxos-simple.pdf',
      source: 'Leslie Lamport',
      author: 'Leslie Lamport',
      origin: 'user',
      userSourceId: userSourceIdFor('awesome-distributed-systems.md'),
    });
    expect(parsed.reads[0]).toMatchObject({ source: 'raft.github.io', summary: 'The Raft paper.' });
    expect(parsed.reads[2]!.url).toBe('https://en.wikipedia.org/wiki/Raft_(algorithm)');
    expect(parsed.reads[5]!.source).toBe('Confluent');
    expect(parsed.reads[5]!.tags).toEqual(expect.arrayContaining(['kafka', 'exactly-once']));
    expect(parsed.reads[2]!.tags).toContain('raft');
    // The section name's own concepts count too ("Leader election").
    expect(parsed.reads[3]!.tags).toContain('leader election');
  });

  // Found by parse.fuzz.test.ts.
  it('keeps a heading\'s own "#" and Markdown characters a title writes literally', () => {
    const result = parsedOk('list.md', '## C#\n- [Tuning max_connections and \\*args \\_private\\_](https://example.org/a) - *Emphasis* goes, `code` stays\n');
    expect(result.reads.map((read) => [read.section, read.title, read.summary])).toEqual([
      ['C#', 'Tuning max_connections and *args _private_', 'Emphasis goes, code stays'],
    ]);
  });

  it('names the source after the file when the list has no title', () => {
    const result = parsedOk('my-reading.markdown', '## Storage\n- [LSM trees](https://example.org/lsm)\n');
    expect(result.name).toBe('my-reading');
    expect(result.reads[0]!.section).toBe('Storage');
  });
});

describe('parseUserSource: bookmarks HTML', () => {
  const parsed = parsedOk('bookmarks_25_11_2026.html', BOOKMARKS_HTML);

  it('reads the links with their folder as section (browser root folders say nothing)', () => {
    expect(parsed.kind).toBe('bookmarks-html');
    expect(parsed.name).toBe('bookmarks_25_11_2026');
    expect(parsed.reads.map((read) => [read.title, read.section, read.summary])).toEqual([
      ['How Discord Stores Trillions of Messages', null, null],
      ['Scaling Memcache at Facebook', 'Caching', 'The NSDI paper, as a blog post.'],
    ]);
    expect(parsed.reads[1]).toMatchObject({ source: 'Facebook', origin: 'user', tags: ['memcached', 'caching'] });
  });

  it('rejects the data: link and the same page linked twice, saying why', () => {
    expect(parsed.rejected).toEqual([
      { where: expect.stringContaining('Totally safe'), reason: 'only http: and https: links are accepted, not data:' },
      { where: expect.stringContaining('Discord, again'), reason: expect.stringMatching(/^same link as bookmark 1/) },
    ]);
  });
});

describe('parseUserSource: hostile and malformed input', () => {
  it.each([
    ['javascript:alert(document.cookie)', 'only http: and https: links are accepted, not javascript:'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'only http: and https: links are accepted, not data:'],
    ['file:///etc/passwd', 'only http: and https: links are accepted, not file:'],
    ['vbscript:msgbox(1)', 'only http: and https: links are accepted, not vbscript:'],
    ['chrome://settings', 'only http: and https: links are accepted, not chrome:'],
    ['../docs/readme.md', 'relative link, not a web address: ../docs/readme.md'],
  ])('rejects %s with a reason and keeps the good link', (url, reason) => {
    const result = parsedOk('list.md', `## Links\n- [Bad](${url})\n- [Good](https://example.org/good)\n`);
    expect(result.reads.map((read) => read.url)).toEqual(['https://example.org/good']);
    expect(result.rejected).toEqual([{ where: 'line 2', reason }]);
  });

  it('counts a link repeated with tracking parameters or a fragment once', () => {
    const result = parsedOk(
      'list.md',
      '## A\n- [One](https://example.org/post)\n## B\n- [One again](https://example.org/post/?utm_source=x#intro)\n',
    );
    expect(result.reads).toHaveLength(1);
    expect(result.rejected).toEqual([{ where: 'line 4', reason: 'same link as line 2' }]);
  });

  it('gives a clear message for files it cannot use, and changes nothing', () => {
    expect(parseUserSource('notes.txt', 'just some text')).toEqual({ ok: false, error: expect.stringContaining('Markdown link list') });
    expect(parseUserSource('empty.md', '# Nothing\n\nNo links here.')).toEqual({ ok: false, error: expect.stringContaining('No links found') });
    expect(parseUserSource('page.html', '<html><body>hello</body></html>')).toEqual({ ok: false, error: expect.stringContaining('not a bookmarks file') });
    expect(parseUserSource('bad.md', '- [x](javascript:void(0))\n')).toEqual({ ok: false, error: expect.stringContaining('No usable links') });
  });

  it('refuses files over 20 MB', () => {
    const huge = `## A\n${'- [x](https://example.org/x)\n'.repeat(Math.ceil(MAX_IMPORT_BYTES / 29) + 1)}`;
    expect(parseUserSource('huge.md', huge)).toEqual({ ok: false, error: expect.stringContaining('up to 20 MB') });
  });

  it('stays fast on a pathological line', () => {
    const started = performance.now();
    parseUserSource('evil.md', `- ${'['.repeat(200_000)}\n- [a](${'('.repeat(200_000)}\n- [b](https://x.org/${' '.repeat(200_000)}x\n`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
