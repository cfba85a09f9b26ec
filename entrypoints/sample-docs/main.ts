/**
 * The sample documentation page reads itself, with the docs content script's own extractor, and
 * sends the same report: browsers inject no content script into an extension's pages (see
 * src/welcome/sample-docs.ts), and the demo should show Docent's real reading, not a canned answer.
 */
import { pageTerms } from '@/src/relevance/page-terms';
import { vocabulary } from '@/src/relevance/shipped-vocabulary';
import { sendMessage } from '@/src/platform/messaging';
import { followThemeSetting } from '@/src/platform/theme';
import '@/src/ui/theme.css';
import './sample-docs.css';

followThemeSetting();

// A small page of Docent's own: one read in a task is well within budget, no slicing needed.
const started = performance.now();
const { title, terms } = pageTerms(document, location.href, vocabulary());
void sendMessage({
  type: 'page-keywords',
  page: { url: location.href, title, terms, extractMs: Math.round((performance.now() - started) * 10) / 10 },
}).catch((error: unknown) => console.error('[docent] the sample page could not report', error));
