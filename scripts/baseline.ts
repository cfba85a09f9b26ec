/**
 * The naive baseline the related-reads quality is measured against: a generic keyword extractor
 * (`keyword-extractor`: stopword removal only) on the page's whole text, its 30 most frequent
 * words feeding the same FlexSearch index and scoring, with no main-content pick, no vocabulary
 * phrases, no IDF and no threshold. Same output as `suggest --json`:
 *
 *   npx tsx scripts/baseline.ts [--limit N] FILE.html... > /tmp/baseline.json
 *   node ../shared/eval/score.mjs --suggest /tmp/baseline.json
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import keywordExtractor from 'keyword-extractor';
import type { Read } from '@/src/catalogue/types';
import type { Term } from '@/src/keywords/types';
import { createRelatedIndex, relatedReads } from '@/src/ranking';

const BASELINE_KEYWORDS = 30;

function naiveKeywords(html: string): Term[] {
  const { document } = parseHTML(html);
  const text = document.body?.textContent ?? '';
  const words = keywordExtractor.extract(text, { language: 'english', remove_digits: true, return_changed_case: true, remove_duplicates: false });
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, BASELINE_KEYWORDS)
    .map(([term, weight]) => ({ term, weight }));
}

const argv = process.argv.slice(2);
const limitAt = argv.indexOf('--limit');
const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : 10;
const files = argv.filter((arg, i) => !arg.startsWith('--') && (limitAt < 0 || i !== limitAt + 1));
if (files.length === 0 || !Number.isInteger(limit) || limit < 1) {
  console.error('usage: npx tsx scripts/baseline.ts [--limit N] FILE.html...');
  process.exit(1);
}
const index = createRelatedIndex(JSON.parse(readFileSync('assets/catalogue.json', 'utf8')) as Read[]);
const results = files.map((file) => {
  const keywords = naiveKeywords(readFileSync(file, 'utf8'));
  // Threshold 0: the baseline has no notion of "not related enough".
  const related = relatedReads(keywords, index, { limit, threshold: 0 });
  return {
    file,
    keywords,
    related: related.map(({ read, score, matched }) => ({ id: read.id, title: read.title, url: read.url, tags: read.tags, summary: read.summary, score, matched })),
  };
});
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
