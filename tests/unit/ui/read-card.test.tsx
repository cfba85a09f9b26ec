import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import type { Read } from '@/src/catalogue/types';
import { ReadCard } from '@/src/ui/ReadCard';
import { webSearchUrl } from '@/src/ui/web-search';

const read: Read = {
  id: 'r1',
  title: 'Consistent hashing at Discord',
  url: null,
  source: 'Discord',
  author: null,
  published: null,
  category: 'Backend Development',
  section: null,
  summary: 'How Discord partitions guilds with consistent hashing.',
  tags: ['consistent-hashing', 'partitioning'],
  readMinutes: 7,
  origin: 'listing',
};

let root: HTMLElement;
const globals = globalThis as unknown as { document?: Document };

beforeEach(() => {
  const { document } = parseHTML('<!doctype html><html><body><ul id="root"></ul></body></html>');
  globals.document = document as unknown as Document;
  root = document.getElementById('root') as unknown as HTMLElement;
});

afterEach(() => {
  render(null, root);
  delete globals.document;
});

const noop = () => {};

describe('ReadCard', () => {
  it('renders highlight ranges as <mark> elements around exactly the matched text', () => {
    render(
      <ReadCard read={read} engine="duckduckgo" onTag={noop} highlights={{ title: [[0, 10], [11, 18]], summary: [] }} />,
      root,
    );
    const marks = Array.from(root.querySelectorAll('.card-title mark')).map((mark) => mark.textContent);
    expect(marks).toEqual(['Consistent', 'hashing']);
    expect(root.querySelector('.card-title')!.textContent).toBe(read.title);
  });

  it('turns a read without a URL into a labelled web search for its exact title', () => {
    render(<ReadCard read={read} engine="google" onTag={noop} />, root);
    expect(root.querySelector('.card-title')!.getAttribute('href')).toBe(webSearchUrl(read, 'google'));
    expect(root.querySelector('.web-search')!.textContent).toBe('Search the web');
  });

  it('links reads with a URL directly, in a new tab', () => {
    render(<ReadCard read={{ ...read, url: 'https://discord.com/blog/x' }} engine="google" onTag={noop} />, root);
    const link = root.querySelector('.card-title')!;
    expect(link.getAttribute('href')).toBe('https://discord.com/blog/x');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(root.querySelector('.web-search')).toBeNull();
  });

  it('shows the saved state as a pressed toggle, and the why terms when given', () => {
    render(
      <ReadCard read={read} engine="bing" onTag={noop} saved onToggleSave={noop} why={['consistent hashing', 'shard']} />,
      root,
    );
    expect(root.querySelector('[data-save]')!.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.card-why')!.textContent).toBe('Why: consistent hashing, shard');
  });

  it('shows the section or category when the date is unknown, and the read time', () => {
    render(<ReadCard read={read} engine="bing" onTag={noop} />, root);
    const meta = Array.from(root.querySelectorAll('.card-meta-part')).map((part) => part.textContent);
    expect(meta).toEqual(['Discord', 'Backend Development', '7 min read']);
  });

  it('shows the summary on every card that has one (one card everywhere), and none where the read has none', () => {
    render(<ReadCard read={read} engine="bing" onTag={noop} />, root);
    expect(root.querySelector('.card-summary')!.textContent).toBe(read.summary);
    expect(root.querySelector('.card-summary')!.id).toBe('summary-r1');
    render(<ReadCard read={{ ...read, summary: null }} engine="bing" onTag={noop} />, root);
    expect(root.querySelector('.card-summary')).toBeNull();
  });

  it('offers More like this only where asked, handing back where focus should return', () => {
    render(<ReadCard read={read} engine="bing" onTag={noop} />, root);
    expect(root.querySelector('[data-more]')).toBeNull();
    const origins: HTMLElement[] = [];
    render(<ReadCard read={read} engine="bing" onTag={noop} onMoreLikeThis={(origin) => origins.push(origin)} />, root);
    const button = root.querySelector<HTMLElement>('[data-more]')!;
    expect(button.getAttribute('aria-label')).toBe('More like this');
    const { Event: DomEvent } = root.ownerDocument.defaultView as unknown as { Event: typeof Event };
    button.dispatchEvent(new DomEvent('click'));
    // Nothing had focus (the body): focus returns to the button itself.
    expect(origins).toEqual([button]);
  });

  it('renders the note slot under the tags', () => {
    render(<ReadCard read={read} engine="bing" onTag={noop} note={<p class="card-note">Fencing tokens</p>} />, root);
    expect(root.querySelector('.card-body > .card-note')!.textContent).toBe('Fencing tokens');
  });
});
