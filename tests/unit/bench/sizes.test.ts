import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtScriptSizes } from '@/scripts/bench/sizes';

let dir: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bench-sizes-'));
  write('popup.html', '<script type="module" crossorigin src="/chunks/popup-1.js"></script>');
  write('chunks/popup-1.js', 'import{a}from"./shared-1.js";import"./side-1.js";const s=()=>import("./search-1.js");');
  write('chunks/shared-1.js', 'export const a=1;'.repeat(50));
  write('chunks/side-1.js', 'console.log(1)');
  // Varied text, so the lazy chunk still weighs something after gzip.
  const words = Array.from({ length: 400 }, (_, i) => `w${(i * 7919) % 10007}`).join(',');
  write('chunks/search-1.js', `import{a}from"./shared-1.js";export const search=[a,"${words}"];`);
  write('content-scripts/docs.js', 'console.log("docs")');
  write('background.js', 'import{a}from"./chunks/shared-1.js";');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('builtScriptSizes', () => {
  it('follows static and lazy imports from the popup html, once each', () => {
    const { popup } = builtScriptSizes(dir);
    expect(Object.keys(popup.gzipKbByFile).sort()).toEqual(['chunks/popup-1.js', 'chunks/search-1.js', 'chunks/shared-1.js', 'chunks/side-1.js']);
    expect(popup.initialGzipKb).toBeLessThan(popup.gzipKb);
  });

  it('resolves imports relative to the importing file', () => {
    const { background, content } = builtScriptSizes(dir);
    expect(Object.keys(background.gzipKbByFile).sort()).toEqual(['background.js', 'chunks/shared-1.js']);
    expect(Object.keys(content.gzipKbByFile)).toEqual(['content-scripts/docs.js']);
  });

  it('says which file lacks a script', () => {
    write('popup.html', '<div></div>');
    expect(() => builtScriptSizes(dir)).toThrow(/popup\.html/);
  });
});
