/**
 * Where the journeys look in the popup, side panel and options page, as plain CSS selectors over
 * the accessible names the UI gives (public/_locales/en/messages.json), so any driver can use
 * them: Playwright's `page.locator()` and puppeteer's `page.$$()` alike.
 */
const list = (name: string) => `ul[aria-label="${name}"]`;

export const popupDom = {
  relatedCards: `${list('Related reads')} > [data-row]`,
  searchCards: `${list('Search results')} > [data-row]`,
  savedCards: `${list('Saved reads')} > [data-row]`,
  /** Any card, in whichever view (side panel included). */
  anyCard: '[data-row]',
  why: '.card-why',
  searchBox: 'input[aria-label="Search reads"]',
  saveToggle: 'button[aria-label="Save for later"]',
  markRead: 'button[aria-label="Read"]',
  remove: 'button[aria-label="Remove from saved"]',
  tagButtons: `${list('Tags')} button`,
  activeFilterChips: `${list('Active filters')} button`,
  status: '[role="status"]',
  viewTab: (name: 'Related' | 'Search' | 'Saved') => `[role="tab"][id="tab-${name.toLowerCase()}"]`,
} as const;

export const optionsDom = {
  excludeHostInput: '#exclude-host',
  excludedHosts: '[data-list="excluded-hosts"] li',
  importInput: 'input[type="file"]',
  importPreview: '[data-import-preview]',
  importApply: '[data-import-preview] button.button:not([disabled])',
} as const;

export const OFF_TOPIC_MESSAGE = "This page doesn't look architecture-related.";
