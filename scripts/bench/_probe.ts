import { ExtensionHarness } from '@/tests/e2e/fixtures';
import { startFixtureServer } from '@/tests/e2e/server';

const server = await startFixtureServer('/work/shared/eval/dev');
const port = new URL(server.origin).port;
const h = await ExtensionHarness.create(undefined, { extraArgs: [`--host-resolver-rules=MAP etcd.io 127.0.0.1`] });
const sw = h.serviceWorker;
await sw.evaluate(() => {
  (globalThis as any).__samples = [];
  chrome.runtime.onMessage.addListener((m: any) => { if (m?.type === 'page-keywords') (globalThis as any).__samples.push(m.page.extractMs); });
});
const page = await h.context.newPage();
const t0 = Date.now();
await page.goto(`http://etcd.io:${port}/kafka-design.html`);
console.log('loaded', page.url(), Date.now() - t0);
await page.waitForTimeout(1500);
console.log('samples', await sw.evaluate(() => (globalThis as any).__samples));
const tabs = await sw.evaluate(async () => (await chrome.tabs.query({})).map((t) => [t.id, t.url]));
console.log(tabs);
const popup = await h.context.newPage();
await popup.addInitScript(() => { (window as any).__init = performance.now(); });
const tabId = (tabs as any[]).find((t) => String(t[1]).includes('kafka-design'))[0];
await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
await popup.waitForSelector('li[data-row]', { timeout: 10000 });
console.log('init', await popup.evaluate(() => (window as any).__init), await popup.locator('li[data-row]').count());
const ping = await popup.evaluate(async () => { const t = performance.now(); try { await chrome.runtime.sendMessage({ type: 'ping' }); } catch (e) { return 'err ' + e; } return performance.now() - t; });
console.log('ping', ping);
// reload test
const started = h.context.waitForEvent('serviceworker');
await sw.evaluate(() => { setTimeout(() => chrome.runtime.reload(), 10); }).catch((e) => console.log('eval err', String(e)));
const sw2 = await started;
console.log('new sw', sw2.url(), sw2 === sw);
console.log('pages', h.context.pages().map((p) => p.url()));
await h.dispose();
await server.close();
