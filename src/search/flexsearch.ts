/**
 * FlexSearch's compact build, typed with the package's own declarations.
 *
 * The package's default entry is the full bundle, whose worker message handler builds code with
 * `Function()`: extension pages forbid that under their CSP and store reviewers flag it. The compact
 * build keeps what we use (Document, custom encoders, forward tokenizing, export/import) without it.
 * Its path is not in the package's `exports` map, hence the relative import.
 */
import type * as FlexSearch from 'flexsearch';
// @ts-expect-error the compact build ships no declarations of its own; the cast below supplies them.
import * as compactBuild from '../../node_modules/flexsearch/dist/flexsearch.compact.module.min.js';

export const Document = (compactBuild as { Document: typeof FlexSearch.Document }).Document;
export type { DocumentData } from 'flexsearch';
