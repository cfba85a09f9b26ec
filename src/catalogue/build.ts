/**
 * Source files → catalogue reads. Pure: the caller reads the files and writes the result
 * (scripts/dataset.ts), tests call it on the real sources.
 */
import { createVocabulary, deriveTags, normaliseTerm, vocabularyRows } from '@/src/vocabulary';
import { awesomeUrlsByPlainScan, creditOf, lowercaseWords, parseAwesomeList } from './awesome';
import { idForTitle, idForUrl, normaliseTitle } from './ids';
import { isListingPage, listingTitlesByStatsLine, parseListingPage, type ListingEntry } from './listing';
import { normaliseTag, splitCorpusTags } from './tags';
import type { Read } from './types';

export type SourceFile = { name: string; text: string };

export type CatalogueBuild = {
  reads: Read[];
  /** Catalogue tags the hand-written vocabulary does not cover yet (for catalogue-terms.json). */
  catalogueTerms: string[];
  /** Entries found in the sources, counted independently of the parsers. */
  sourceCounts: { listingEntries: number; listingTitles: number; awesomeLinks: number; awesomeUrls: number };
  /** Source entries with no read in the catalogue (empty unless something was dropped). */
  dropped: string[];
};

/** Shorter tags are too ambiguous to look for in page text ("Go", "C", "cp", "IM"). */
const MIN_VOCABULARY_TAG_LENGTH = 3;

function isAwesomeList(text: string): boolean {
  return text.includes('## Principles');
}

/** Merge entries with the same normalised title: the first keeps its fields, gaps and tags are filled from the rest. */
function mergeListingEntries(entries: readonly { entry: ListingEntry; tags: string[] }[]): Read[] {
  const byTitle = new Map<string, Read>();
  for (const { entry, tags } of entries) {
    const id = idForTitle(entry.title);
    const existing = byTitle.get(id);
    if (!existing) {
      byTitle.set(id, {
        id,
        title: entry.title,
        url: null,
        // A handful of entries show no publisher line; the read keeps an empty source.
        source: entry.publisher ?? '',
        author: null,
        published: entry.published,
        category: entry.category,
        section: null,
        summary: entry.summary || null,
        tags,
        readMinutes: entry.readMinutes,
        origin: 'listing',
      });
      continue;
    }
    existing.source ||= entry.publisher ?? '';
    existing.published ??= entry.published;
    existing.category ??= entry.category;
    existing.summary ??= entry.summary || null;
    const seen = new Set(existing.tags.map(normaliseTag));
    for (const tag of tags) if (!seen.has(normaliseTag(tag))) existing.tags.push(tag);
  }
  return [...byTitle.values()];
}

const byId = (a: Read, b: Read) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildCatalogue(sources: readonly SourceFile[]): CatalogueBuild {
  const listingFiles = sources.filter((source) => isListingPage(source.text));
  const awesomeFiles = sources.filter((source) => !isListingPage(source.text) && isAwesomeList(source.text));
  const unknown = sources.filter((source) => !listingFiles.includes(source) && !awesomeFiles.includes(source));
  if (unknown.length > 0) {
    throw new Error(`Not a listing page nor the awesome list: ${unknown.map((source) => source.name).join(', ')}`);
  }

  // Listing: parse, split the run-together tags across the whole corpus, merge duplicates.
  const entries = listingFiles.flatMap((file) => parseListingPage(file.text, file.name));
  const tagLists = splitCorpusTags(entries.map((entry) => ({ line: entry.tagLine, context: `${entry.title}\n${entry.summary}` })));
  const listingReads = mergeListingEntries(entries.map((entry, index) => ({ entry, tags: tagLists[index]! })));

  // Vocabulary: the hand-written concepts plus every listing tag they do not already cover.
  const handOnly = createVocabulary(vocabularyRows([]));
  const catalogueTerms = [...new Set(listingReads.flatMap((read) => read.tags).map(normaliseTag))]
    .filter((tag) => normaliseTerm(tag).length >= MIN_VOCABULARY_TAG_LENGTH && handOnly.canonicalOf(tag) === null)
    .sort();
  const vocabulary = createVocabulary(vocabularyRows(catalogueTerms));

  // Awesome list: one read per URL, credited and tagged from its title and section.
  // Words the summaries write in lowercase are ordinary words, not names ("various", "scale").
  const commonWords = lowercaseWords(listingReads.map((read) => read.summary ?? ''));
  const awesomeByUrl = new Map<string, Read>();
  for (const file of awesomeFiles) {
    for (const link of parseAwesomeList(file.text, file.name)) {
      if (awesomeByUrl.has(link.url)) continue;
      const { source, author } = creditOf(link.title, link.url, commonWords);
      awesomeByUrl.set(link.url, {
        id: idForUrl(link.url),
        title: link.title,
        url: link.url,
        source,
        author,
        published: null,
        category: null,
        section: link.section,
        summary: null,
        tags: deriveTags(link.title, link.section, vocabulary),
        readMinutes: null,
        origin: 'awesome-scalability',
      });
    }
  }

  const reads = [...listingReads.sort(byId), ...[...awesomeByUrl.values()].sort(byId)];
  const plainTitles = listingFiles.flatMap((file) => listingTitlesByStatsLine(file.text).map((title) => ({ file: file.name, title })));
  const plainUrls = awesomeFiles.flatMap((file) => awesomeUrlsByPlainScan(file.text).map((url) => ({ file: file.name, url })));
  return {
    reads,
    catalogueTerms,
    sourceCounts: {
      listingEntries: plainTitles.length,
      listingTitles: new Set(plainTitles.map(({ title }) => normaliseTitle(title))).size,
      awesomeLinks: plainUrls.length,
      awesomeUrls: new Set(plainUrls.map(({ url }) => url)).size,
    },
    dropped: findDropped(reads, plainTitles, plainUrls),
  };
}

/** Source entries, found without the parsers, that have no read. */
function findDropped(
  reads: readonly Read[],
  titles: readonly { file: string; title: string }[],
  urls: readonly { file: string; url: string }[],
): string[] {
  const readTitles = new Set(reads.filter((read) => read.origin === 'listing').map((read) => normaliseTitle(read.title)));
  const readUrls = new Set(reads.map((read) => read.url));
  return [
    ...titles.filter(({ title }) => !readTitles.has(normaliseTitle(title))).map(({ file, title }) => `${file}: listing entry "${title}"`),
    ...urls.filter(({ url }) => !readUrls.has(url)).map(({ file, url }) => `${file}: awesome link ${url}`),
  ];
}
