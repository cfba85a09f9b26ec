/** Where a read came from: one of the bundled sources, or a source the user added. */
export type Origin = 'listing' | 'awesome-scalability' | 'user';

/** One article in the catalogue (the shape of each entry of assets/catalogue.json). */
export type Read = {
  /** Stable across rebuilds: derived from the URL, or from the normalised title when there is no URL. */
  id: string;
  title: string;
  url: string | null;
  /** Publisher (listing), company/person named in the title (awesome list), else the link's host. */
  source: string;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  /** The listing's category ("Backend Development", …) or null. */
  category: string | null;
  /** The awesome list's section (Principles … Books) or null. */
  section: string | null;
  summary: string | null;
  /** Tags as written (listing) or derived from title and section (awesome list, user sources). */
  tags: string[];
  readMinutes: number | null;
  origin: Origin;
  /** For origin 'user': the id of the user source it was imported from. */
  userSourceId?: string;
};
