/**
 * The HTTP proxy Firefox must send every request through (see firefox.ts prefs). It serves the
 * documentation hosts from the fixture server (Firefox's equivalent of Chromium's
 * --host-resolver-rules: `network.dns.localDomains` would map a name to 127.0.0.1 but not to the
 * fixture server's random port) and records everything else, refusing it: https and WebSockets
 * arrive as CONNECT and are never tunnelled.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixtureServer } from '../e2e/server';

export type ProxiedRequest = { method: string; url: string };

export type RecordingProxy = {
  port: number;
  /** Every request that reached the proxy, in order. */
  requests: ProxiedRequest[];
  close(): Promise<void>;
};

export async function startRecordingProxy(fixtureServer: FixtureServer, servedHosts: readonly string[]): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const fixturePort = Number(new URL(fixtureServer.origin).port);
  const server = createServer((incoming, response) => {
    // A proxied request carries an absolute URL.
    const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`);
    requests.push({ method: incoming.method ?? 'GET', url: url.href });
    if (!servedHosts.includes(url.hostname)) {
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
