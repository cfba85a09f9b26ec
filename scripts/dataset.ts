/**
 * npm run dataset — turns assets/sources/* into assets/catalogue.json (one read per line),
 * assets/catalogue-meta.json (version = content hash, counts) and the vocabulary's
 * src/vocabulary/catalogue-terms.json, and the relevance data (scripts/relevance-data.ts). Fails if any source entry has no read.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue } from '@/src/catalogue/build';
import type { Read } from '@/src/catalogue/types';
import { writeRelevanceData } from './relevance-data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourcesDir = join(root, 'assets', 'sources');

function countBy(reads: readonly Read[], key: (read: Read) => string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const read of reads) {
    const value = key(read);
    if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

const sources = readdirSync(sourcesDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(sourcesDir, name), 'utf8') }));
if (sources.length === 0) {
  console.error(`dataset: no source files (*.txt) in ${sourcesDir}`);
  process.exit(1);
}

const build = buildCatalogue(sources);
const listing = build.reads.filter((read) => read.origin === 'listing');
const awesome = build.reads.filter((read) => read.origin === 'awesome-scalability');
const { sourceCounts } = build;

const problems = [...build.dropped];
if (listing.length !== sourceCounts.listingTitles) {
  problems.push(`listing: ${sourceCounts.listingTitles} distinct titles in the sources but ${listing.length} reads`);
}
if (awesome.length !== sourceCounts.awesomeUrls) {
  problems.push(`awesome list: ${sourceCounts.awesomeUrls} distinct article URLs in the sources but ${awesome.length} reads`);
}
if (problems.length > 0) {
  console.error(`dataset: ${problems.length} source entries missing from the catalogue:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

// One read per line: diffs of the catalogue stay readable.
const catalogueJson = `[\n${build.reads.map((read) => JSON.stringify(read)).join(',\n')}\n]\n`;
const version = createHash('sha256').update(catalogueJson).digest('hex').slice(0, 16);
const bySection = countBy(awesome, (read) => read.section);
const meta = {
  version,
  counts: { listing: listing.length, awesome: awesome.length, total: build.reads.length, bySection },
};
writeFileSync(join(root, 'assets', 'catalogue.json'), catalogueJson);
writeFileSync(join(root, 'assets', 'catalogue-meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
writeFileSync(join(root, 'src', 'vocabulary', 'catalogue-terms.json'), `${JSON.stringify(build.catalogueTerms)}\n`);
const relevance = writeRelevanceData(root, build.reads);

const line = (label: string, value: number | string) => console.log(`  ${label.padEnd(28)} ${value}`);
console.log(`catalogue ${version}: ${build.reads.length} reads`);
line('listing entries (sources)', sourceCounts.listingEntries);
line('listing reads (unique)', listing.length);
for (const [category, count] of Object.entries(countBy(listing, (read) => read.category)).sort()) line(`  ${category}`, count);
line('  (no publisher line)', listing.filter((read) => read.category === null).length);
line('awesome links (sources)', sourceCounts.awesomeLinks);
line('awesome reads (unique URLs)', awesome.length);
for (const [section, count] of Object.entries(bySection)) line(`  ${section}`, count);
line('vocabulary terms from tags', build.catalogueTerms.length);
line('relevance: tags, folded words', `${relevance.tags}, ${relevance.stems}`);
