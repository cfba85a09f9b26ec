/**
 * Parser for the "Tagged articles" listing pages. Each entry is a fixed run of lines ending in
 * "N likes · M min read":
 *
 *   Publisher / Publisher / "Mon D, YYYY · Category" / "" / Title / "" / Summary / "" / Tags / likes
 *
 * A handful of entries lack the publisher and date lines; they are kept with those fields null.
 */

/** One listing entry as written on the page, before tag splitting and de-duplication. */
export type ListingEntry = {
  title: string;
  summary: string;
  /** The run-together tag line, verbatim. */
  tagLine: string;
  publisher: string | null;
  published: string | null;
  category: string | null;
  readMinutes: number;
  /** 1-based line number of the "likes" line, for error messages. */
  line: number;
};

const STATS_LINE = /^\d+ likes · (\d+) min read$/;
const DATE_CATEGORY_LINE = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) · (.+)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** True when the text is a listing page (as opposed to the awesome list). */
export function isListingPage(text: string): boolean {
  return text.startsWith('Tagged articles');
}

/** "Apr 22, 2026" → "2026-04-22"; null for anything else. */
export function listingDateToIso(month: string, day: string, year: string): string | null {
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex < 0) return null;
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * The entries' titles found the plain way, independently of {@link parseListingPage}: one entry
 * per "likes · min read" line, its title five lines above. Used to prove no entry is dropped.
 */
export function listingTitlesByStatsLine(text: string): string[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  return lines.flatMap((line, index) => (STATS_LINE.test(line) ? [(lines[index - 5] ?? '').trim()] : []));
}

export function parseListingPage(text: string, fileName = 'listing'): ListingEntry[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const entries: ListingEntry[] = [];
  lines.forEach((line, index) => {
    const stats = STATS_LINE.exec(line);
    if (!stats) return;
    const at = (offset: number) => lines[index - offset] ?? '';
    const title = at(5).trim();
    const summary = at(3).trim();
    const tagLine = at(1).trim();
    if (title === '' || at(4) !== '' || at(2) !== '') {
      throw new Error(`${fileName}:${index + 1}: entry does not have the expected title/summary/tags layout`);
    }
    const dated = DATE_CATEGORY_LINE.exec(at(7));
    const publisher = dated && at(8) === at(9) ? at(8).trim() : null;
    entries.push({
      title,
      summary,
      tagLine,
      publisher,
      published: dated ? listingDateToIso(dated[1]!, dated[2]!, dated[3]!) : null,
      category: dated ? dated[4]!.trim() : null,
      readMinutes: Number(stats[1]),
      line: index + 1,
    });
  });
  return entries;
}
