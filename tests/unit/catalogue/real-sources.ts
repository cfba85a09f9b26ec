/** The real source files shipped in assets/sources, for tests that run on real data. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SourceFile } from '@/src/catalogue/build';

export const SOURCES_DIR = resolve(__dirname, '../../../assets/sources');

export function loadSources(): SourceFile[] {
  return readdirSync(SOURCES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SOURCES_DIR, name), 'utf8') }));
}

export const listingSources = () => loadSources().filter((source) => source.text.startsWith('Tagged articles'));
export const awesomeSource = () => {
  const found = loadSources().find((source) => source.text.includes('## Principles'));
  if (!found) throw new Error('awesome-scalability source not found');
  return found;
};
