/**
 * The HTTP proxy a browser under test sends every request through (Chromium: privacy.spec.ts's
 * flags; Firefox: tests/e2e-firefox/firefox.ts's prefs). It records every request, serves the
 * documentation hosts from the fixture server (in Firefox the equivalent of Chromium's
 * --host-resolver-rules: `network.dns.localDomains` would map a name to 127.0.0.1 but not to the
 * fixture server's random port), answers the URLs a test marks as its own with an empty 204, and
 * refuses everything else: https and WebSockets arrive as CONNECT or an upgrade and are never tunnelled.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixtureServer } from './server';

export type ProxiedRequest = { method: string; url: string };

export type RecordingProxy = {
  port: number;
  /** Every request that reached the proxy, in order. */
  requests: ProxiedRequest[];
  close(): Promise<void>;
};

export type ProxyOptions = {
  /** Hosts answered from the fixture server. */
  servedHosts: readonly string[];
  /** URLs the proxy answers itself with an empty 204 (a test's deliberate requests). */
  answersItself?: (url: URL) => boolean;
};

export async function startRecordingProxy(fixtureServer: FixtureServer, options: ProxyOptions): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const fixturePort = Number(new URL(fixtureServer.origin).port);
  const server = createServer((incoming, response) => {
    // A proxied request carries an absolute URL; one sent straight to this port (not proxied) a path.
    const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`);
    requests.push({ method: incoming.method ?? 'GET', url: url.href });
    if (options.answersItself?.(url)) {
      response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    if (!options.servedHosts.includes(url.hostname)) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the test proxy');
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: fixturePort, method: incoming.method, path: url.pathname + url.search, headers: incoming.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    incoming.pipe(upstream);
  });
  server.on('connect', (incoming, socket) => {
    requests.push({ method: 'CONNECT', url: `https://${incoming.url}` });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('upgrade', (incoming, socket) => {
    requests.push({ method: 'UPGRADE', url: incoming.url ?? '' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
