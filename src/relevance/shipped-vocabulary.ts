/**
 * The shipped vocabulary (synonym rows + the catalogue's tags), on its own so the content script
 * bundles only this, not the catalogue index, the model or the background frequencies.
 */
import vocabularyData from './vocabulary-data.json';
import { SYNONYMS } from './synonyms';
import { buildVocabulary, type Vocabulary } from './vocabulary';

let shared: Vocabulary | undefined;
/** Built on first use (a few ms), not on import: the content script then loads in one short task. */
export const vocabulary = (): Vocabulary => (shared ??= buildVocabulary({ synonyms: SYNONYMS, ...vocabularyData }));
