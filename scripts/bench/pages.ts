/**
 * The pages the extraction benchmark reads: the real documentation pages of the dev set, and a
 * generated ~1 MB documentation page for the longest-task check.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The dev set next to the repository, when this checkout has it. */
const SHARED_DEV_PAGES = path.resolve('../shared/eval/dev');
/** Committed copies of the dev pages whose licence allows redistribution (see tests/fixtures/README.md). */
const COMMITTED_DEV_PAGES = path.resolve('tests/fixtures');

export const LARGE_PAGE_FILE = 'generated-1mb-docs.html';

export type DevPages = { dir: string; files: string[]; origin: 'shared dev set' | 'committed copies' };

/** `../shared/eval/dev` when present, else the committed copies in tests/fixtures. */
export async function devPages(): Promise<DevPages> {
  const fromShared = existsSync(SHARED_DEV_PAGES);
  const dir = fromShared ? SHARED_DEV_PAGES : COMMITTED_DEV_PAGES;
  const files = (await readdir(dir)).filter((name) => name.endsWith('.html')).sort();
  if (files.length === 0) throw new Error(`No .html documentation pages in ${dir}`);
  return { dir, files, origin: fromShared ? 'shared dev set' : 'committed copies' };
}

/** Copy the dev pages and the generated large page into `serveDir`. */
export async function preparePages(serveDir: string, pages: DevPages, largePageBytes = 1_000_000): Promise<void> {
  await mkdir(serveDir, { recursive: true });
  await Promise.all(pages.files.map((file) => copyFile(path.join(pages.dir, file), path.join(serveDir, file))));
  await writeFile(path.join(serveDir, LARGE_PAGE_FILE), largeDocumentationPage(largePageBytes));
}

const TOPICS = [
  'replication', 'partitioning', 'consumer groups', 'log compaction', 'leader election', 'rate limiting',
  'eviction policies', 'service discovery', 'load balancing', 'quorum writes', 'snapshotting', 'backpressure',
  'idempotent producers', 'exactly-once delivery', 'schema registry', 'tiered storage', 'consistent hashing',
];
const SENTENCES = [
  (topic: string) => `The broker applies ${topic} per partition, so a slow follower never blocks the leader's writes.`,
  (topic: string) => `When ${topic} is enabled, clients retry with exponential backoff and the cluster keeps serving reads.`,
  (topic: string) => `Operators tune ${topic} with the settings below; defaults suit most workloads up to a few thousand requests per second.`,
  (topic: string) => `Each node records ${topic} decisions in its write-ahead log before acknowledging, which bounds recovery time.`,
  (topic: string) => `Monitoring ${topic} means watching queue depth, p99 latency and the replication lag exposed as metrics.`,
];

/**
 * A realistic, deterministic documentation page of about `targetBytes`: site header and a long nav,
 * then sections of headings, paragraphs, code blocks and lists, one big reference table, a footer.
 */
export function largeDocumentationPage(targetBytes: number): string {
  if (!Number.isInteger(targetBytes) || targetBytes < 10_000) throw new Error(`largeDocumentationPage: targetBytes must be a whole number ≥ 10000, got ${targetBytes}`);
  const nav = TOPICS.flatMap((topic, i) => [1, 2, 3, 4].map((part) => `<li><a href="/docs/${i}/${part}">${topic} part ${part}</a></li>`)).join('');
  const tableRows = Array.from({ length: 1500 }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    return `<tr><td><code>${topic.replace(/ /g, '.')}.setting.${i}</code></td><td>${i % 3 === 0 ? 'int' : 'string'}</td><td>${i * 7}</td><td>Controls ${topic} for component ${i % 40}.</td></tr>`;
  }).join('\n');
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Streaming platform reference — generated benchmark page</title></head><body>
<header><a href="/">Streaming Docs</a><nav aria-label="Site"><a href="/docs">Docs</a> <a href="/blog">Blog</a> <a href="/community">Community</a></nav></header>
<aside><nav aria-label="Documentation"><ul>${nav}</ul></nav></aside>
<main><article><h1>Streaming platform reference</h1>
<h2>Configuration reference</h2><table><thead><tr><th>Name</th><th>Type</th><th>Default</th><th>Description</th></tr></thead><tbody>
${tableRows}
</tbody></table>`;
  const tail = `</article></main><footer><p>Documentation licensed under CC-BY-4.0. Generated for Docent's benchmark.</p></footer></body></html>`;
  const sections: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < targetBytes; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const paragraphs = [0, 1, 2]
      .map((p) => `<p>${[0, 1, 2, 3].map((s) => SENTENCES[(i + p + s) % SENTENCES.length]!(topic)).join(' ')}</p>`)
      .join('\n');
    const section = `<section><h2 id="s${i}">${topic} (${i})</h2>
${paragraphs}
<h3>Example</h3><pre><code>config.set("${topic.replace(/ /g, '.')}.enabled", true);
client.send(topic, key, value).get(); // waits for ${topic}</code></pre>
<ul><li>Applies ${topic} to every partition.</li><li>See also: ${TOPICS[(i + 5) % TOPICS.length]}.</li></ul></section>`;
    sections.push(section);
    size += section.length + 1;
  }
  return `${head}\n${sections.join('\n')}\n${tail}`;
}
