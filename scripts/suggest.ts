/**
 * Related reads for saved pages, exactly as the extension computes them:
 *
 *   npm run suggest -- [--json] [--limit N] [--catalogue PATH] FILE.html...
 *
 * Each file is parsed into a DOM (linkedom), its terms are read as the content script reads them,
 * then ranked against assets/catalogue.json as the background ranks them.
 * --json prints only the JSON array on stdout; the table goes to stdout otherwise.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Read } from '@/src/catalogue/types';
import { createCatalogueIndex, pageTerms, relatedForPage, vocabulary } from '@/src/relevance';

const USAGE = 'usage: npm run suggest -- [--json] [--limit N] [--catalogue PATH] FILE.html...';

type Args = { json: boolean; limit: number; catalogue: string; files: string[] };

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, limit: 10, catalogue: 'assets/catalogue.json', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--limit' || arg === '--catalogue') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      if (arg === '--limit') {
        args.limit = Number(value);
        if (!Number.isInteger(args.limit) || args.limit < 1) throw new Error(`--limit must be a positive integer, got "${value}"`);
      } else args.catalogue = value;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else args.files.push(arg);
  }
  if (args.files.length === 0) throw new Error(`no HTML files given\n${USAGE}`);
  return args;
}

function loadCatalogue(path: string): Read[] {
  let reads: unknown;
  try {
    reads = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the catalogue ${path} (run \`npm run dataset\` first?): ${(error as Error).message}`);
  }
  if (!Array.isArray(reads)) throw new Error(`${path} is not a JSON array of reads`);
  return reads as Read[];
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const index = createCatalogueIndex(loadCatalogue(args.catalogue));
  const results = args.files.map((file) => {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const startedAt = performance.now();
    const page = pageTerms(document as unknown as Document, `file://${file}`, vocabulary());
    const { keywords, related } = relatedForPage(page, index, { limit: args.limit });
    const ms = performance.now() - startedAt;
    return {
      file,
      ms,
      keywords: keywords.map(({ term, weight }) => ({ term, weight })),
      related: related.map(({ read, score, matched }) => ({
        id: read.id,
        title: read.title,
        url: read.url,
        tags: read.tags,
        summary: read.summary,
        score,
        matched,
      })),
    };
  });
  if (args.json) {
    process.stdout.write(`${JSON.stringify(results.map(({ ms: _ms, ...result }) => result), null, 2)}\n`);
    return;
  }
  for (const result of results) {
    console.log(`\n${result.file}  (${result.ms.toFixed(1)} ms)`);
    console.log(`  keywords: ${result.keywords.slice(0, 12).map((k) => k.term).join(', ')}`);
    if (result.related.length === 0) console.log('  (nothing related: the page does not look architecture-related)');
    for (const [i, read] of result.related.entries()) {
      console.log(`  ${String(i + 1).padStart(2)}. ${read.score.toFixed(0).padStart(5)}  ${read.title}`);
      console.log(`             why: ${read.matched.join(', ')}`);
    }
  }
}

try {
  main();
} catch (error) {
  console.error(`suggest: ${(error as Error).message}`);
  process.exit(1);
}
