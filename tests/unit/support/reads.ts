import type { Read } from '@/src/catalogue/types';

/** A complete catalogue read for tests: every field present, neutral defaults, overrides win. */
export function makeRead(id: string, overrides: Partial<Read> = {}): Read {
  return {
    id,
    title: `Read ${id}`,
    url: `https://example.com/${id}`,
    source: 'Example',
    author: null,
    published: null,
    category: null,
    section: null,
    summary: null,
    tags: [],
    readMinutes: null,
    origin: 'listing',
    ...overrides,
  };
}
