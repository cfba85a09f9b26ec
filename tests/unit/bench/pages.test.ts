import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { largeDocumentationPage } from '@/scripts/bench/pages';

describe('largeDocumentationPage', () => {
  it('is about the asked size and shaped like documentation', () => {
    const html = largeDocumentationPage(1_000_000);
    expect(html.length).toBeGreaterThanOrEqual(1_000_000);
    expect(html.length).toBeLessThan(1_010_000);
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('main h2').length).toBeGreaterThan(100);
    expect(document.querySelectorAll('pre code').length).toBeGreaterThan(100);
    expect(document.querySelectorAll('table tbody tr').length).toBe(1500);
    expect(document.querySelectorAll('nav li').length).toBeGreaterThan(50);
  });

  it('is the same every time', () => {
    expect(largeDocumentationPage(50_000)).toBe(largeDocumentationPage(50_000));
  });

  it('rejects sizes too small to hold a page', () => {
    expect(() => largeDocumentationPage(100)).toThrow(/targetBytes/);
  });
});
