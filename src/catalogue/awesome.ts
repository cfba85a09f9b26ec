/**
 * Parser for the awesome-scalability README (CC-BY 4.0, github.com/binhnguyennus/awesome-scalability),
 * stored flattened onto one line. Reads are the article links of the content sections, Principles
 * through Books; the table of contents (in-page anchors), badges, the "Special Thanks" section and
 * the license block are not articles.
 */

/** One article link as written in the list. */
export type AwesomeLink = { title: string; url: string; section: string };

export const FIRST_CONTENT_SECTION = 'Principles';
export const LAST_CONTENT_SECTION = 'Books';

/** "## Name" followed by the start of its content (a bullet, a link or a badge); a name is more than spaces. */
const HEADING = /(?:^|\s)#{2,6} +([^#*[\]\s][^#*[\]]*?)(?=\s+(?:\* |\[|!\[|#)|\s*$)/g;
/**
 * A Markdown link whose target is a web address (anchors like "#principles" are not articles). As
 * in CommonMark, the address may hold balanced parentheses ("wiki/Raft_(algorithm)").
 */
const ARTICLE_LINK = /(?<!!)\[([^\]]+)\]\((https?:\/\/(?:[^()\s]|\([^()\s]*\))+)\)/g;

type Section = { name: string; start: number; end: number };

function sectionsOf(text: string): Section[] {
  const headings = [...text.matchAll(HEADING)].map((match) => ({
    name: match[1]!.trim(),
    start: match.index! + match[0].length,
    headingStart: match.index!,
  }));
  return headings.map((heading, index) => ({
    name: heading.name,
    start: heading.start,
    end: headings[index + 1]?.headingStart ?? text.length,
  }));
}

/** The content sections, Principles through Books, in order. */
function contentSections(text: string, fileName: string): Section[] {
  const sections = sectionsOf(text);
  const first = sections.findIndex((section) => section.name === FIRST_CONTENT_SECTION);
  const last = sections.findIndex((section) => section.name === LAST_CONTENT_SECTION);
  if (first < 0 || last < first) {
    throw new Error(
      `${fileName}: expected content sections "${FIRST_CONTENT_SECTION}" … "${LAST_CONTENT_SECTION}", found: ${sections.map((section) => section.name).join(', ')}`,
    );
  }
  return sections.slice(first, last + 1);
}

/** Every article link in the content sections, in order, duplicates included. */
export function parseAwesomeList(text: string, fileName = 'awesome-scalability'): AwesomeLink[] {
  return contentSections(text, fileName).flatMap((section) =>
    [...text.slice(section.start, section.end).matchAll(ARTICLE_LINK)].map((match) => ({
      // A link with blank text still names an article; its address is the only title it has.
      title: match[1]!.trim() || match[2]!,
      url: match[2]!,
      section: section.name,
    })),
  );
}

/**
 * Article URLs of the content sections found the plain way, independently of
 * {@link parseAwesomeList}: every "](http…)" from "## Principles" up to the heading after Books.
 */
export function awesomeUrlsByPlainScan(text: string): string[] {
  const start = text.indexOf(`## ${FIRST_CONTENT_SECTION}`);
  const end = text.indexOf('## ', text.indexOf(`## ${LAST_CONTENT_SECTION}`) + 3);
  const body = text.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/\]\((https?:(?:[^()\s]|\([^()\s]*\))+)\)/g)].map((match) => match[1]!);
}

/** "https://www.example.com/x" → "example.com". */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    throw new Error(`Not a valid article URL: ${url}`);
  }
}

const NAME_WORD = "(?:\\([\\p{Lu}][\\p{L}.'’-]*\\)|[\\p{Lu}][\\p{L}.'’-]*)";
/** "Jeff Dean", "Chun-Ho Hung and Nikhil Gar", "Matti (Lepistö) Pehrs". */
const PERSON = new RegExp(`^${NAME_WORD}(?: (?:and |& )?${NAME_WORD}){1,4}$`, 'u');
const ORGANISATION = new RegExp(`^${NAME_WORD}$`, 'u');

/** The organisation in a role: "VP at AWS" → "AWS", "Pinterest’s founding engineer" → "Pinterest". */
function organisationOfRole(role: string): string {
  const at = /\b(?:at|for) (.+)$/.exec(role);
  if (at) return at[1]!.trim();
  const possessive = /^(.+?)['’]s\b/u.exec(role);
  if (possessive) return possessive[1]!.trim();
  return role.trim();
}

/** "Various Layers", "Scale": every word is an ordinary lowercase word of prose. */
function isOrdinaryPhrase(phrase: string, commonWords: ReadonlySet<string>): boolean {
  return phrase.split(/\s+/).every((word) => commonWords.has(word.toLowerCase()));
}

/** "Segment" is an ordinary word, but segment.com shows it is the company here. */
function namesTheSite(phrase: string, url: string): boolean {
  const firstWord = phrase.split(/\s+/)[0]!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return firstWord.length >= 3 && url.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '').includes(firstWord);
}

/** The words `texts` write in lowercase: ordinary words, for {@link creditOf}'s `commonWords`. */
export function lowercaseWords(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []) words.add(word);
  return words;
}

/**
 * Who wrote or published a linked article, as far as its title says. `commonWords` (lowercase
 * words of ordinary prose) tells a trailing "at Various Layers" or "at Scale" from "at Riot Games".
 */
export function creditOf(
  title: string,
  url: string,
  commonWords: ReadonlySet<string> = new Set(),
): { source: string; author: string | null } {
  // "(Online - Free)", "(used at Netflix)": trailing remarks are not part of the credit line.
  const remark = /\s*\(([^()]*)\)\s*$/.exec(title);
  const usedAt = remark && /\bat ([\p{Lu}][^()]*)$/u.exec(remark[1]!);
  const bare = remark ? title.slice(0, remark.index) : title;

  const dash = bare.lastIndexOf(' - ');
  if (dash > 0) {
    const credit = bare.slice(dash + 3).trim();
    const comma = credit.indexOf(', ');
    if (comma > 0 && PERSON.test(credit.slice(0, comma))) {
      return { author: credit.slice(0, comma), source: organisationOfRole(credit.slice(comma + 2)) };
    }
    if (PERSON.test(credit)) return { author: credit, source: credit };
    if (ORGANISATION.test(credit)) return { author: null, source: credit };
  }
  if (usedAt) return { author: null, source: usedAt[1]!.trim() };
  const at = /\b[Aa]t ((?:[\p{L}\d][\p{L}\d.&'’-]*)(?: [\p{Lu}\d][\p{L}\d.&'’-]*)*)$/u.exec(bare);
  if (at && (!isOrdinaryPhrase(at[1]!, commonWords) || namesTheSite(at[1]!, url))) return { author: null, source: at[1]! };
  return { author: null, source: hostOf(url) };
}
