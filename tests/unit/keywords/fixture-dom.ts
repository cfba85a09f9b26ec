/** Parse HTML (a fixture file or a string) into a DOM Document, as the suggest CLI does. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

export function documentOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function fixtureDocument(name: string): Document {
  const path = fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
  return documentOf(readFileSync(path, 'utf8'));
}
