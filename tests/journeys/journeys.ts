/**
 * The user journeys both end-to-end suites walk (Chromium: tests/e2e, Playwright; Firefox:
 * tests/e2e-firefox, puppeteer-core over WebDriver BiDi), described once: which fixture pages, under
 * which documentation hosts, what the user types and what they must see. Each suite drives its own
 * browser; the DOM readers in ./popup-dom.ts run inside the extension's pages in either.
 */

/**
 * A documentation host the built-in site list matches (so the manifest's content script runs)
 * that is not HSTS-preloaded (kafka.apache.org and redis.io are, so browsers insist on https for
 * them). Each suite points it at the fixture server (Chromium: --host-resolver-rules; Firefox: a
 * proxy pref).
 */
export const DOCS_HOST = 'kafka.readthedocs.io';

/** A second default doc-site host, serving the off-topic page: read, but nothing is related. */
export const OFF_TOPIC_HOST = 'prometheus.io';

/** A fixture page's URL under a documentation host, e.g. `docsUrl('kafka-design.html')`. */
export function docsUrl(fixtureFile: string, host = DOCS_HOST): string {
  return new URL(fixtureFile.replace(/^\/+/, ''), `http://${host}/`).href;
}

/** The toolbar popup's size, and a phone's (Firefox for Android opens the popup as a full page). */
export const POPUP_SIZE = { width: 400, height: 580 };
export const PHONE_SIZE = { width: 360, height: 740 };

/** The content script reads on idle and the catalogue loads on install: allow for both on a busy CI machine. */
export const READ_TIMEOUT = 20_000;

export const relatedJourney = {
  docsPage: docsUrl('kafka-design.html'),
  /** The page title the popup names ("Reads for …"). */
  docsTitle: 'Design | Apache Kafka Docs',
  minimumReads: 3,
  /** The page's own subject is among the reasons given. */
  subjectInWhy: /\bkafka\b/i,
  offTopicPage: docsUrl('browser-integration/sourdough.html', OFF_TOPIC_HOST),
} as const;

export const searchJourney = {
  /** A typo of a product name still finds it. */
  typo: 'kafak',
  meant: /kafka/i,
} as const;

export const sidebarJourney = {
  /** Two docs tabs about different things, so following the switch shows different reads. */
  firstPage: docsUrl('kafka-design.html'),
  secondPage: docsUrl('redis-eviction.html'),
} as const;
