/**
 * Real Firefox ESR with the built extension (.output/firefox-mv2), driven by puppeteer-core over
 * WebDriver BiDi (Playwright's Firefox needs its own downloaded build).
 *
 * - The add-on is installed as a permanent add-on from an XPI (ESR honours
 *   `xpinstall.signatures.required=false`), so a restart on the same profile keeps it, as it
 *   would for a user; a temporary add-on would be gone after the restart.
 * - `extensions.webextensions.uuids` fixes its `moz-extension://UUID/` origin.
 * - Every request of the whole browser goes through `proxyPort` (a manual proxy with no
 *   exceptions, loopback included): that is how documentation hosts reach the fixture server,
 *   and how the zero-network journey sees everything that leaves the browser.
 * - BiDi refuses to navigate a tab to `moz-extension://`, and ESR 140's BiDi has no chrome scope.
 *   about:addons is a privileged page BiDi can open and script: from it, the browser window's
 *   `gBrowser.addTab` opens extension pages, and `SidebarController` opens the real sidebar.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

export const FIREFOX_BINARY = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
export const BUILT_FIREFOX_EXTENSION_DIR = path.resolve(process.env.DOCENT_FIREFOX_EXTENSION_DIR || '.output/firefox-mv2');
export const ADDON_ID = 'docent@docent.dev';
/** Any fixed UUID: it makes the extension's origin known before install. */
export const EXTENSION_UUID = '6b0f7c2e-1d3a-4c5b-9e8f-0a1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}/`;
/** Firefox names a sidebar_action's panel after the add-on id. */
const SIDEBAR_ID = `${ADDON_ID.replace(/[^a-z0-9_-]/gi, '_')}-sidebar-action`;

/** Zips the build into an XPI (the format Firefox installs permanently). */
async function packXpi(extensionDir: string, xpiPath: string): Promise<void> {
  const xpi = new JSZip();
  for (const entry of await readdir(extensionDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    xpi.file(path.relative(extensionDir, file).split(path.sep).join('/'), await readFile(file));
  }
  await writeFile(xpiPath, await xpi.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export class FirefoxHarness {
  private browserInstance: Browser | undefined;
  private addonsPage: Page | undefined;
  private probePage: Page | undefined;

  private constructor(
    readonly workDir: string,
    readonly profileDir: string,
    readonly downloadsDir: string,
    private readonly xpiPath: string,
    private readonly proxyPort: number,
  ) {}

  static async create(options: { proxyPort: number; builtDir?: string }): Promise<FirefoxHarness> {
    const builtDir = options.builtDir ?? BUILT_FIREFOX_EXTENSION_DIR;
    if (!existsSync(path.join(builtDir, 'manifest.json'))) {
      throw new Error(`No built extension in ${builtDir}: run \`npm run build:firefox\` first.`);
    }
    if (!existsSync(FIREFOX_BINARY)) throw new Error(`Firefox not found at ${FIREFOX_BINARY}: install firefox-esr or set FIREFOX_BIN.`);
    const workDir = await mkdtemp(path.join(tmpdir(), 'docent-e2e-firefox-'));
    const harness = new FirefoxHarness(
      workDir,
      path.join(workDir, 'profile'),
      path.join(workDir, 'downloads'),
      path.join(workDir, 'docent.xpi'),
      options.proxyPort,
    );
    await mkdir(harness.profileDir);
    await mkdir(harness.downloadsDir);
    await packXpi(builtDir, harness.xpiPath);
    await harness.launch();
    await harness.installPermanently();
    return harness;
  }

  get browser(): Browser {
    if (!this.browserInstance) throw new Error('Firefox is closed: call restart() first.');
    return this.browserInstance;
  }

  /** A raw WebDriver BiDi command on puppeteer's connection (for what puppeteer does not wrap, or wraps for newer Firefox). */
  private bidi(method: string, params: object): Promise<unknown> {
    return (this.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection.send(method, params);
  }

  private prefs(): Record<string, unknown> {
    const port = this.proxyPort;
    return {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'xpinstall.signatures.required': false,
      // Everything through the recording proxy, loopback and https included.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Plain-http fixtures: don't try https first.
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      // Firefox's own probes that puppeteer's profile leaves on.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // Exports (an <a download> link) land in downloadsDir without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': this.downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.panel.shown': true,
      'browser.download.alwaysOpenPanel': false,
    };
  }

  private async launch(): Promise<void> {
    this.browserInstance = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BINARY,
      headless: true,
      userDataDir: this.profileDir,
      extraPrefsFirefox: this.prefs(),
    });
  }

  /** Installs the XPI as a permanent add-on (BiDi's `moz:permanent`), the way a user's install survives restarts. */
  async installPermanently(): Promise<void> {
    await this.bidi('webExtension.install', {
      extensionData: { type: 'archivePath', path: this.xpiPath },
      'moz:permanent': true,
    });
  }

  /** A privileged page (about:addons) whose window reaches the browser's chrome. */
  private async privileged(): Promise<Page> {
    if (this.addonsPage && !this.addonsPage.isClosed()) return this.addonsPage;
    const page = await this.browser.newPage();
    // about:addons never reports the load BiDi waits for: navigate without waiting, then poll.
    await this.bidi('browsingContext.navigate', { context: frameId(page), url: 'about:addons', wait: 'none' });
    await waitFor(async () => (await page.evaluate(() => typeof (window as { gViewController?: unknown }).gViewController).catch(() => '')) === 'object', 'about:addons to load');
    this.addonsPage = page;
    return page;
  }

  /** Opens an extension page (e.g. `popup.html?tabId=3`) in a new tab, as a user's click would. */
  async openExtensionPage(pagePath: string, viewport?: { width: number; height: number }): Promise<Page> {
    const url = EXTENSION_ORIGIN + pagePath.replace(/^\/+/, '');
    const before = new Set(await this.browser.pages());
    const opener = await this.privileged();
    await opener.evaluate((target) => {
      const chromeWindow = (window as unknown as { browsingContext: { topChromeWindow: ChromeWindow } }).browsingContext.topChromeWindow;
      const tab = chromeWindow.gBrowser.addTab(target, { triggeringPrincipal: chromeWindow.Services.scriptSecurityManager.getSystemPrincipal() });
      chromeWindow.gBrowser.selectedTab = tab;
    }, url);
    const page = await waitFor(async () => {
      for (const candidate of await this.browser.pages()) {
        if (before.has(candidate)) continue;
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href === url) return candidate;
      }
      return undefined;
    }, `${url} to open`);
    if (viewport) await this.setViewport(page, viewport);
    // (Not page.waitForFunction: puppeteer builds it with Function(), which the extension's CSP refuses.)
    await waitFor(() => page.evaluate(() => document.readyState === 'complete'), `${url} to load`);
    return page;
  }

  /** Resizes a tab's viewport (BiDi's own command: puppeteer's setViewport also sets an orientation ESR 140 lacks). */
  async setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
    await this.bidi('browsingContext.setViewport', { context: frameId(page), viewport });
  }

  /**
   * An extension page kept open to ask the extension's APIs (tabs, badge, storage, IndexedDB) and
   * its background page (MV2: `browser.extension.getBackgroundPage()`), as the Chromium suite asks
   * its service worker.
   */
  async probe(): Promise<Page> {
    if (this.probePage && !this.probePage.isClosed()) return this.probePage;
    this.probePage = await this.openExtensionPage('options.html');
    return this.probePage;
  }

  /** Opens a web page in a new tab and waits for it to load. */
  async openWebPage(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** The extension's id for the tab showing exactly `url`. */
  async tabIdOf(url: string): Promise<number> {
    const probe = await this.probe();
    const id = await probe.evaluate(async (wanted) => (await browser.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? null, url);
    if (id === null) throw new Error(`No tab shows ${url}`);
    return id;
  }

  /** Opens the real Firefox sidebar with Docent's panel, as the toolbar's sidebar button would. */
  async openSidebar(): Promise<void> {
    const opener = await this.privileged();
    await opener.evaluate(async (sidebarId) => {
      const chromeWindow = (window as unknown as { browsingContext: { topChromeWindow: ChromeWindow } }).browsingContext.topChromeWindow;
      await chromeWindow.SidebarController.show(sidebarId);
    }, SIDEBAR_ID);
  }

  /** Makes the primary pointer a finger (coarse, no hover), as on a phone: Firefox's look-and-feel prefs, applied live. */
  async emulateTouchScreen(): Promise<void> {
    const opener = await this.privileged();
    await opener.evaluate(() => {
      const chromeWindow = (window as unknown as { browsingContext: { topChromeWindow: ChromeWindow } }).browsingContext.topChromeWindow;
      // Bits: 1 coarse, 2 fine, 4 hover.
      chromeWindow.Services.prefs.setIntPref('ui.primaryPointerCapabilities', 1);
      chromeWindow.Services.prefs.setIntPref('ui.allPointerCapabilities', 1);
    });
  }

  /** Files Firefox has finished downloading (partial downloads end in .part). */
  async downloadedFiles(): Promise<string[]> {
    return (await readdir(this.downloadsDir)).filter((name) => !name.endsWith('.part'));
  }

  async readDownload(name: string): Promise<string> {
    return readFile(path.join(this.downloadsDir, name), 'utf8');
  }

  /** Close Firefox and start it again on the same profile, like a browser restart. */
  async restart(): Promise<void> {
    await this.close();
    await this.launch();
  }

  async close(): Promise<void> {
    const browser = this.browserInstance;
    this.browserInstance = undefined;
    this.addonsPage = undefined;
    this.probePage = undefined;
    await browser?.close();
  }

  async dispose(): Promise<void> {
    await this.close();
    await rm(this.workDir, { recursive: true, force: true });
  }
}

/** The BiDi browsing-context id behind a puppeteer Page. */
function frameId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Polls `probe` until it returns something truthy (or throws after `timeout`). */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false | ''>, what: string, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as T;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// What the privileged about:addons window reaches (only the parts used here).
type ChromeWindow = {
  gBrowser: { addTab(url: string, options: { triggeringPrincipal: unknown }): unknown; selectedTab: unknown };
  Services: { scriptSecurityManager: { getSystemPrincipal(): unknown }; prefs: { setIntPref(name: string, value: number): void } };
  SidebarController: { show(id: string): Promise<void> };
};

// The extension API inside extension pages (evaluate() callbacks run there).
declare const browser: typeof import('webextension-polyfill');
