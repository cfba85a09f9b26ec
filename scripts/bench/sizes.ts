/** Gzip sizes of the built extension's JavaScript, following each entry's imports through the chunks. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

export type ScriptSize = {
  /** Everything the entry can load: its static imports and the lazily imported chunks (KB, gzip -9). */
  gzipKb: number;
  /** Only what loads before the entry runs: the entry and its static imports (KB, gzip -9). */
  initialGzipKb: number;
  /** Each file's share, largest first. */
  gzipKbByFile: Record<string, number>;
};

/** Sizes for the popup (its HTML's module script), the content script and the background. */
export function builtScriptSizes(extensionDir: string): { popup: ScriptSize; content: ScriptSize; background: ScriptSize } {
  const popupHtml = readFileSync(path.join(extensionDir, 'popup.html'), 'utf8');
  const popupEntries = [...popupHtml.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((match) => match[1]!.replace(/^\//, ''));
  if (popupEntries.length === 0) throw new Error(`No <script src> in ${extensionDir}/popup.html`);
  return {
    popup: scriptSize(extensionDir, popupEntries),
    content: scriptSize(extensionDir, ['content-scripts/docs.js']),
    background: scriptSize(extensionDir, ['background.js']),
  };
}

function scriptSize(extensionDir: string, entries: string[]): ScriptSize {
  const initial = reachable(extensionDir, entries, false);
  const all = reachable(extensionDir, entries, true);
  const gzipBytes = new Map([...all].map((file) => [file, gzipSync(readFileSync(path.join(extensionDir, file)), { level: 9 }).length]));
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const total = (files: Set<string>) => kb([...files].reduce((sum, file) => sum + gzipBytes.get(file)!, 0));
  const byFile = [...gzipBytes].sort((a, b) => b[1] - a[1]).map(([file, bytes]) => [file, kb(bytes)]);
  return { gzipKb: total(all), initialGzipKb: total(initial), gzipKbByFile: Object.fromEntries(byFile) };
}

/** The entry files plus every .js file they import, transitively (paths relative to the extension root). */
function reachable(extensionDir: string, entries: string[], followDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(extensionDir, file), 'utf8');
    const patterns = followDynamic ? [STATIC_IMPORT, DYNAMIC_IMPORT] : [STATIC_IMPORT];
    for (const pattern of patterns) {
      for (const match of code.matchAll(pattern)) {
        const target = match[1]!.startsWith('/') ? match[1]!.slice(1) : path.posix.join(path.posix.dirname(file), match[1]!);
        visit(path.posix.normalize(target));
      }
    }
  };
  entries.forEach(visit);
  return seen;
}
