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
});
