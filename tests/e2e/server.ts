/** A tiny static file server on 127.0.0.1 (random port) serving tests/fixtures, for e2e specs. */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURES_DIR = path.resolve('tests/fixtures');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

export type FixtureServer = {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** Absolute URL of a file under the served root, e.g. `url('docs/kafka.html')`. */
  url(relativePath: string): string;
  close(): Promise<void>;
};

export async function startFixtureServer(root = FIXTURES_DIR): Promise<FixtureServer> {
  const rootDir = path.resolve(root);
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    let file = path.resolve(rootDir, `.${pathname}`);
    // Refuse anything that resolves outside the root (`/../`), so specs can't read the repo.
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      response.writeHead(403).end('outside the fixtures directory');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (relativePath) => new URL(relativePath.replace(/^\/+/, ''), `${origin}/`).href,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
