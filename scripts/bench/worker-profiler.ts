/**
 * CPU profiles of the extension's service worker. Playwright gives no CDP session for workers, so
 * this connects a second CDP client to the same browser (the benchmark launches it with
 * `--remote-debugging-port=0`) and talks to the worker target through `Target.sendMessageToTarget`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { hotFunctions, type HotFunction } from './trace';

export const REMOTE_DEBUGGING_ARG = '--remote-debugging-port=0';

type CpuProfile = Parameters<typeof hotFunctions>[0];

export type WorkerProfile = {
  /** Stop profiling; the worker's functions with the most self time. */
  stop(top?: number): Promise<HotFunction[]>;
};

/** Start profiling the service worker of extension `extensionId` in the browser using `userDataDir`. */
export async function profileServiceWorker(userDataDir: string, extensionId: string): Promise<WorkerProfile> {
  const port = (await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0]!.trim();
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error(`No service worker target for extension ${extensionId}`);
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const call = workerCaller(session, sessionId);
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 200 });
  await call('Profiler.start');
  return {
    async stop(top = 12) {
      try {
        const { profile } = (await call('Profiler.stop')) as { profile: CpuProfile };
        return hotFunctions(profile, top);
      } finally {
        await session.detach().catch(() => undefined);
        // Only drops this second connection: the browser belongs to the benchmark's own launch.
        await browser.close().catch(() => undefined);
      }
    },
  };
}

function workerCaller(session: CDPSession, sessionId: string) {
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
  return (method: string, params: object = {}): Promise<unknown> => {
    const id = nextId++;
    const answered = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return answered;
  };
}
