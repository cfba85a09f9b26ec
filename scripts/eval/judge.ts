// The judging of ../shared/eval/score.mjs, ported for fitting (the final figures are checked with score.mjs itself).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const normTitle = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201b`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?:;,]+$/, '')
    .trim();

type Entry = { title: string; summary: string; tags: string };

export function readSeeds(dir: string): Map<string, Entry> {
  const byTitle = new Map<string, Entry>();
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (text.includes('Tagged articles')) {
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (!/^\d+ likes · \d+ min read$/.test(line)) return;
        byTitle.set(normTitle(lines[i - 5] ?? ''), { title: lines[i - 5] ?? '', summary: lines[i - 3] ?? '', tags: lines[i - 1] ?? '' });
      });
    } else {
      const start = text.indexOf('## Principles');
      const end = text.indexOf('## Special Thanks');
      const body = text.slice(start, end > 0 ? end : undefined);
      const re = /## ([A-Z][a-z]+) |\[([^\]]+)\]\((https?:[^)\s]+)\)/g;
      for (let m; (m = re.exec(body)); ) {
        if (m[1]) continue;
        if (!byTitle.has(normTitle(m[2]!))) byTitle.set(normTitle(m[2]!), { title: m[2]!, summary: '', tags: '' });
      }
    }
  }
  return byTitle;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export function matches(term: string, entry: Entry): boolean {
  const t = term.toLowerCase().trim();
  const words = new RegExp(`(?<![\\p{L}\\p{N}])${esc(t)}(?:s|es)?(?![\\p{L}\\p{N}])`, 'iu');
  const prose = normTitle(`${entry.title} \u2022 ${entry.summary}`);
  if (words.test(prose)) return true;
  const squash = (s: string) => s.toLowerCase().replace(/[\s\-_]+/g, '');
  return entry.tags !== '' && squash(entry.tags).includes(squash(t));
}

export type Label = { file: string; offtopic: boolean; relevant_terms: string[] };

export function makeJudge(seedsDir: string) {
  const seeds = readSeeds(seedsDir);
  return (title: string, label: Label): boolean => {
    const entry = seeds.get(normTitle(title));
    if (!entry) return false;
    return label.relevant_terms.some((t) => matches(t, entry));
  };
}
