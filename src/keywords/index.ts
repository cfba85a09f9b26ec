/** Page text: what of a page is worth reading (the main content, its title and headings), in bounded steps. */
export { chunksOf, collectPageText, mainContentRoot, readableText, pageTextSteps } from './page-text';
export type { PageText } from './page-text';
export { runInSlices, runToEnd } from './steps';
export type { Term, PageKeywords } from './types';
