/**
 * The naive baseline the related-reads quality is measured against: a generic keyword extractor
 * (`keyword-extractor`: stopword removal only) on the page's whole text, its 30 most frequent
 * words looked up in the same FlexSearch index and scored with the same field weights (sum of
 * keyword count × field weight), with no main-content pick, no vocabulary phrases or concept
 * ordering, no IDF and no threshold. Same output as `suggest --json`:
 *
 *   npx tsx scripts/baseline.ts [--limit N] FILE.html... > /tmp/baseline.json
 *   node ../shared/eval/score.mjs --suggest /tmp/baseline.json
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import keywordExtractor from 'keyword-extractor';
import type { Read } from '@/src/catalogue/types';
import type { Term } from '@/src/keywords/types';
import { createRelatedIndex, RELATED_FIELD_WEIGHTS, type RelatedIndex } from '@/src/ranking';

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

/** Plain retrieval: every read containing a keyword scores keyword weight × the best field's weight. */
function naiveRanking(keywords: readonly Term[], index: RelatedIndex, limit: number) {
  const scores = new Map<number, { score: number; matched: string[] }>();
  for (const { term, weight } of keywords) {
    const bestField = new Map<number, number>();
    for (const [field, positions] of index.lookup(term)) {
      for (const position of positions) bestField.set(position, Math.max(bestField.get(position) ?? 0, RELATED_FIELD_WEIGHTS[field]));
    }
    for (const [position, fieldWeight] of bestField) {
      const entry = scores.get(position) ?? { score: 0, matched: [] };
      entry.score += weight * fieldWeight;
      entry.matched.push(term);
      scores.set(position, entry);
    }
  }
  const seenTitles = new Set<string>();
  return [...scores]
    .sort(([a, x], [b, y]) => y.score - x.score || a - b)
    .map(([position, entry]) => ({ read: index.reads[position]!, ...entry }))
    .filter(({ read }) => !seenTitles.has(read.title.toLowerCase()) && seenTitles.add(read.title.toLowerCase()))
    .slice(0, limit);
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
  const related = naiveRanking(keywords, index, limit);
  return {
    file,
    keywords,
    related: related.map(({ read, score, matched }) => ({ id: read.id, title: read.title, url: read.url, tags: read.tags, summary: read.summary, score, matched })),
  };
});
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
