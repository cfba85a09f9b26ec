/**
 * CPU profiles of the extension's service worker. Playwright gives no CDP session for workers, so
 * this uses a second CDP client on the same browser and talks to the worker target through
 * `Target.sendMessageToTarget`.
 */
import { connectSecondClient, targetCaller } from './second-client';
import { hotFunctions, type CpuProfile, type HotFunction } from './trace';


export type WorkerProfile = {
  /** Stop profiling; the worker's functions with the most self time. */
  stop(top?: number): Promise<HotFunction[]>;
};

/** Start profiling the service worker of extension `extensionId` in the browser using `userDataDir`. */
export async function profileServiceWorker(userDataDir: string, extensionId: string): Promise<WorkerProfile> {
  const browser = await connectSecondClient(userDataDir);
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error(`No service worker target for extension ${extensionId}`);
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const call = targetCaller(session, sessionId);
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
