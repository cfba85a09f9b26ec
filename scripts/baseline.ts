/**
 * The naive baseline the related-reads quality is measured against: a generic keyword extractor
 * (`keyword-extractor`: stopword removal only) on the page's whole text, its 30 most frequent
 * words looked up as whole words in each read's title, tags and summary and scored by keyword
 * count × the best field's weight (title 3, tags 3, summary 1), with no main-content pick, no
 * folding, no vocabulary phrases, no IDF and no threshold. Same output as `suggest --json`:
 *
 *   npx tsx scripts/baseline.ts [--limit N] FILE.html... > /tmp/baseline.json
 *   node ../shared/eval/score.mjs --suggest /tmp/baseline.json
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import keywordExtractor from 'keyword-extractor';
import type { Read } from '@/src/catalogue/types';

const BASELINE_KEYWORDS = 30;
const FIELD_WEIGHTS = { title: 3, tags: 3, summary: 1 };

function naiveKeywords(html: string): [string, number][] {
  const { document } = parseHTML(html);
  const text = document.body?.textContent ?? '';
  const words = keywordExtractor.extract(text, { language: 'english', remove_digits: true, return_changed_case: true, remove_duplicates: false });
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, BASELINE_KEYWORDS);
}

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const fieldWords = new WeakMap<Read, Record<keyof typeof FIELD_WEIGHTS, Set<string>>>();
function wordsOfRead(read: Read) {
  let words = fieldWords.get(read);
  if (!words) fieldWords.set(read, (words = { title: wordsOf(read.title), tags: wordsOf(read.tags.join(' ')), summary: wordsOf(read.summary ?? '') }));
  return words;
}

/** The baseline's related reads for a page's HTML, best first. */
export function baselineRelated(html: string, reads: readonly Read[], limit: number): Read[] {
  const keywords = naiveKeywords(html);
  const scored = reads.map((read, position) => {
    const words = wordsOfRead(read);
    let score = 0;
    for (const [word, count] of keywords) {
      const best = Math.max(...(Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[]).map((f) => (words[f].has(word) ? FIELD_WEIGHTS[f] : 0)));
      score += count * best;
    }
    return { read, position, score };
  });
  const seen = new Set<string>();
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .filter(({ read }) => !seen.has(read.title.toLowerCase()) && seen.add(read.title.toLowerCase()))
    .slice(0, limit)
    .map((s) => s.read);
}

if (process.argv[1]?.endsWith('baseline.ts')) {
  const argv = process.argv.slice(2);
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : 10;
  const files = argv.filter((arg, i) => !arg.startsWith('--') && (limitAt < 0 || i !== limitAt + 1));
  if (files.length === 0 || !Number.isInteger(limit) || limit < 1) {
    console.error('usage: npx tsx scripts/baseline.ts [--limit N] FILE.html...');
    process.exit(1);
  }
  const reads = JSON.parse(readFileSync('assets/catalogue.json', 'utf8')) as Read[];
  const results = files.map((file) => ({
    file,
    related: baselineRelated(readFileSync(file, 'utf8'), reads, limit).map((read) => ({ id: read.id, title: read.title, url: read.url, tags: read.tags, summary: read.summary })),
  }));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
