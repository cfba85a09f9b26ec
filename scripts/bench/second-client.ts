/**
 * A second CDP client on the benchmark's browser. Playwright's own connection (a persistent context)
 * exposes neither the toolbar popup's page nor CDP sessions for workers; a client connected through
 * the remote-debugging port sees both.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';

/** Chromium picks a free port and writes it to DevToolsActivePort in the profile. */
export const REMOTE_DEBUGGING_ARG = '--remote-debugging-port=0';

/** Connect to the browser running on `userDataDir`; `close()` on the result only disconnects. */
export async function connectSecondClient(userDataDir: string): Promise<Browser> {
  const port = (await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0]!.trim();
  return chromium.connectOverCDP(`http://127.0.0.1:${port}`);
}

/** Send a CDP command to an attached target (non-flat session), the way Playwright can't for workers and popups. */
type TargetCall = (method: string, params?: object) => Promise<unknown>;

export function targetCaller(session: CDPSession, sessionId: string): TargetCall {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  });
  return (method, params = {}) => {
    const id = nextId++;
    const answered = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: unknown) => {
      pending.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
      pending.delete(id);
    });
    return answered;
  };
}
