/**
 * The bundled sample documentation page the welcome page's live demo opens. Browsers run no
 * content script in an extension's own pages (Chromium refuses both `scripting.executeScript`
 * there and a `chrome-extension:` match pattern), so the page reads itself with the content
 * script's extractor and sends the same report; the background treats this one page of its own
 * like a documentation site, and the badge, popup and side panel then work on it as on any other.
 */

/** Where the sample page lives in the build (entrypoints/sample-docs). */
export const SAMPLE_DOCS_PATH = '/sample-docs.html';

/**
 * True when `url` is the sample page of the extension whose root URL is `extensionRoot`
 * (`runtime.getURL('/')`), whatever its query or #fragment; never for another extension's page.
 */
export function isSampleDocsUrl(url: string, extensionRoot: string): boolean {
  let page: URL;
  let root: URL;
  try {
    page = new URL(url);
    root = new URL(extensionRoot);
  } catch {
    return false;
  }
  return page.protocol === root.protocol && page.host === root.host && page.pathname === SAMPLE_DOCS_PATH;
}
