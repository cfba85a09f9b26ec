// `npm start`: build the Chrome extension, then open Chromium with it loaded in a persistent
// profile (.output/chromium-profile), so the queue and settings survive between runs.
// Chromium binary: $CHROME_PATH or $CHROMIUM_BIN, else /usr/bin/chromium.
// Extra arguments go to Chromium, e.g. `npm start -- https://redis.io/docs/`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const extensionDir = path.join(root, '.output', 'chrome-mv3');
const profileDir = path.join(root, '.output', 'chromium-profile');
const chromium = process.env.CHROME_PATH || process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const startUrls = process.argv.length > 2 ? process.argv.slice(2) : ['https://kafka.apache.org/documentation/'];

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (!existsSync(chromium)) {
  fail(`Chromium not found at ${chromium}. Install it (Debian: apt-get install chromium) or set CHROME_PATH to a Chromium/Chrome binary.`);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(
    'No display (neither DISPLAY nor WAYLAND_DISPLAY is set), so Chromium cannot open a window.\n' +
      `The extension is built in ${extensionDir}: load it in a browser on a machine with a display,\n` +
      'run under a virtual display (xvfb-run npm start), or use `npm test` for the headless checks.',
  );
}

console.log(`Opening ${chromium} with ${extensionDir} (profile: ${profileDir})`);
const browser = spawn(
  chromium,
  [
    `--user-data-dir=${profileDir}`,
    `--load-extension=${extensionDir}`,
    `--disable-extensions-except=${extensionDir}`,
    // Branded Chrome 137+ ignores --load-extension unless this feature is disabled; Chromium accepts it as is.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-first-run',
    '--no-default-browser-check',
    ...startUrls,
  ],
  { stdio: 'inherit' },
);
browser.on('exit', (code) => process.exit(code ?? 0));

function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}
