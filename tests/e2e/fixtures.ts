/**
 * Playwright fixtures that run the built extension (.output/chrome-mv3) in real Chromium.
 *
 * Each test gets its own profile and its own copy of the build, so a spec may edit the copy
 * (e.g. a new catalogue) and `restart()` on the same profile: Chromium derives an unpacked
 * extension's id from its directory, so keeping the directory keeps the id and its IndexedDB.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from './server';
import { DOCS_HOST } from '../journeys/journeys';

// DOCENT_EXTENSION_DIR: test a build kept elsewhere (e.g. a private copy while others rebuild .output).
export const BUILT_EXTENSION_DIR = path.resolve(process.env.DOCENT_EXTENSION_DIR || '.output/chrome-mv3');
export const CHROMIUM_BINARY = process.env.CHROMIUM_BIN || process.env.CHROME_PATH || '/usr/bin/chromium';

export type ExtensionSession = {
  context: BrowserContext;
  /** Host of the service worker's chrome-extension:// URL. */
  extensionId: string;
  serviceWorker: Worker;
};

/** One profile + one extension copy, relaunchable. Read `context` etc. again after `restart()`. */
export class ExtensionHarness {
  private session: ExtensionSession | undefined;

  private constructor(
    /** The test's scratch directory, removed after the test. */
    readonly workDir: string,
    readonly userDataDir: string,
    /** The loaded copy of the build; edit its files, then `restart()` to load them. */
    readonly extensionDir: string,
    /** Extra Chromium flags for every launch, e.g. `--host-resolver-rules=…`. */
    private readonly extraArgs: readonly string[] = [],
  ) {}

  static async create(builtDir = BUILT_EXTENSION_DIR, options: { extraArgs?: string[] } = {}): Promise<ExtensionHarness> {
    if (!existsSync(path.join(builtDir, 'manifest.json'))) {
      throw new Error(`No built extension in ${builtDir}: run \`npm run build\` first.`);
    }
    if (!existsSync(CHROMIUM_BINARY)) {
      throw new Error(`Chromium not found at ${CHROMIUM_BINARY}: install it or set CHROMIUM_BIN / CHROME_PATH.`);
    }
    const workDir = await mkdtemp(path.join(tmpdir(), 'docent-e2e-'));
    const harness = new ExtensionHarness(
      workDir,
      path.join(workDir, 'profile'),
      path.join(workDir, 'extension'),
      options.extraArgs,
    );
    await cp(builtDir, harness.extensionDir, { recursive: true });
    await harness.launch();
    await harness.waitForWelcomeTab();
    return harness;
  }

  get context(): BrowserContext {
    return this.current().context;
  }
  get extensionId(): string {
    return this.current().extensionId;
  }
  get serviceWorker(): Worker {
    return this.current().serviceWorker;
  }

  /** Open an extension page, e.g. `openPage('popup.html')`. */
  async openPage(pagePath: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/${pagePath.replace(/^\/+/, '')}`);
    return page;
  }

  /**
   * Close the browser and start it again on the same profile, like a browser restart.
   * `extensionFrom`: a directory whose content replaces the loaded copy first (an extension update).
   */
  async restart(options: { extensionFrom?: string } = {}): Promise<void> {
    await this.close();
    if (options.extensionFrom) {
      await rm(this.extensionDir, { recursive: true, force: true });
      await cp(options.extensionFrom, this.extensionDir, { recursive: true });
    }
    await this.launch();
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session?.context.close();
  }

  async dispose(): Promise<void> {
    await this.close();
    await rm(this.workDir, { recursive: true, force: true });
  }

  /**
   * A fresh profile is a first install, and the extension opens its welcome tab a moment after it
   * starts: wait for it, so a test that waits for the next new tab is never handed that one.
   * (Stand-ins for older releases have no welcome page.)
   */
  private async waitForWelcomeTab(): Promise<void> {
    if (!existsSync(path.join(this.extensionDir, 'welcome.html'))) return;
    const url = `chrome-extension://${this.extensionId}/welcome.html`;
    const deadline = Date.now() + 15_000;
    while (!this.context.pages().some((page) => page.url() === url)) {
      if (Date.now() > deadline) throw new Error(`The first launch opened no welcome tab (${url})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async launch(): Promise<void> {
    const context = await chromium.launchPersistentContext(this.userDataDir, {
      executablePath: CHROMIUM_BINARY,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--disable-extensions-except=${this.extensionDir}`,
        `--load-extension=${this.extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        ...this.extraArgs,
      ],
    });
    const serviceWorker = await extensionServiceWorker(context);
    this.session = { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host };
  }

  private current(): ExtensionSession {
    if (!this.session) throw new Error('The browser is closed: call restart() first.');
    return this.session;
  }
}

async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  // Listen before looking, so a worker that starts in between is not missed.
  const started = context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 });
  const running = context.serviceWorkers().find(isExtensionWorker);
  if (running) {
    started.catch(() => undefined); // settles (times out or closes) unobserved
    return running;
  }
  return started.catch((error: unknown) => {
    throw new Error(`The extension's service worker did not start (is the build in .output/chrome-mv3 complete?): ${String(error)}`);
  });
}

type TestFixtures = {
  extension: ExtensionHarness;
  /** The first launch's context (also behind the built-in `page`); after `restart()` use `extension.context`. */
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
};
type WorkerFixtures = { fixtureServer: FixtureServer };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  extension: async ({}, use) => {
    const harness = await ExtensionHarness.create();
    await use(harness);
    await harness.dispose();
  },
  context: async ({ extension }, use) => use(extension.context),
  extensionId: async ({ extension }, use) => use(extension.extensionId),
  serviceWorker: async ({ extension }, use) => use(extension.serviceWorker),
  fixtureServer: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

// The extension API as the service worker and extension pages see it (evaluate() callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

// The documentation host both suites serve the fixtures under (see tests/journeys/journeys.ts);
// here the fixture server answers for it through --host-resolver-rules.
export { DOCS_HOST };

/** Launch the built extension (or a copy of it in `builtDir`) with `hosts` resolving to the fixture server, on plain http. */
export function launchWithDocsHosts(
  fixtureServer: FixtureServer,
  hosts: readonly string[] = [DOCS_HOST],
  builtDir = BUILT_EXTENSION_DIR,
): Promise<ExtensionHarness> {
  const port = new URL(fixtureServer.origin).port;
  return ExtensionHarness.create(builtDir, {
    extraArgs: [
      `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`,
      // Plain-http fixtures: don't try https first.
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    ],
  });
}

/** A fixture page's URL under the documentation host, e.g. `docsUrl('kafka-design.html')`. */
export function docsUrl(fixtureFile: string): string {
  return new URL(fixtureFile.replace(/^\/+/, ''), `http://${DOCS_HOST}/`).href;
}

/** The id of the tab showing exactly `url` (as the extension sees it). */
export async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  const id = await serviceWorker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

/** `test` plus `docsBrowser`: the extension in a browser where `docsUrl(…)` pages are served from tests/fixtures. */
export const docsTest = test.extend<{ docsBrowser: ExtensionHarness }>({
  docsBrowser: async ({ fixtureServer }, use) => {
    const harness = await launchWithDocsHosts(fixtureServer);
    await use(harness);
    await harness.dispose();
  },
});
