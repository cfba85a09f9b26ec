import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEFAULT_DOC_SITE_PATTERNS } from './src/sites/doc-sites';
import { ALL_SITES_PATTERN } from './src/sites/site-policy';

/**
 * The popup, side panel, options page and background run only the extension's own scripts and
 * styles, and connect only to the extension's own files: nothing they render (catalogue, imported
 * or synced text) can load a script, and nothing can send a request anywhere, by construction.
 * scripts/check-bundles.ts fails the build check if the built manifests carry anything looser.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion, command }) => {
    const firefox = browser === 'firefox';
    const mv2 = manifestVersion === 2;
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: [
        'storage', // settings (wxt storage) and the sync of the queue
        'unlimitedStorage', // the catalogue and its index in IndexedDB must not be evicted
        'activeTab', // the popup reads the page it is opened on, on any site, only when opened
        'scripting', // on-demand extraction in the popup; runtime content script for granted sites
        'tabs', // the badge, queued icon and side panel follow the active tab's URL on every site
        'contextMenus', // "reads about …", "Save link/page to Docent queue"
      ],
      // Read automatically only on documentation sites; the docs content script runs there.
      host_permissions: [...DEFAULT_DOC_SITE_PATTERNS],
      // Any other site only when the user grants it in options (MV2 lists origins with permissions).
      ...(mv2 ? { optional_permissions: [ALL_SITES_PATTERN] } : { optional_host_permissions: [ALL_SITES_PATTERN] }),
      action: { default_title: '__MSG_extName__' },
      // Builds only: the dev server (`wxt`) serves scripts from localhost and adds itself to WXT's default.
      // WXT writes it as the MV2 string form for Firefox.
      ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
      omnibox: { keyword: 'dc' },
      commands: {
        [mv2 ? '_execute_browser_action' : '_execute_action']: {
          suggested_key: { default: 'Alt+Shift+D' },
          description: '__MSG_command_open_popup__',
        },
        'save-page': {
          suggested_key: { default: 'Alt+Shift+S' },
          description: '__MSG_command_save_page__',
        },
        // Firefox opens its sidebar itself through the reserved command; Chrome needs sidePanel.open().
        [firefox ? '_execute_sidebar_action' : 'open-side-panel']: {
          suggested_key: { default: 'Alt+Shift+E' },
          description: '__MSG_command_open_side_panel__',
        },
      },
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'docent@docent.dev',
                strict_min_version: '140.0',
                // 140: the first release that reads data_collection_permissions (ESR 140).
                // Docent sends nothing anywhere: the catalogue, queue and page keywords stay on-device.
                data_collection_permissions: { required: ['none'] },
              },
              // Firefox for Android reads data_collection_permissions from 142.
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
  zip: {
    // Sources zip (for store review): everything needed to rebuild, none of the scratch output.
    excludeSources: [
      // Mirrors .gitignore: build output, test and bench scratch, reports, logs.
      '.output/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      'tests/.scratch/**',
      'bench/.scratch/**',
      '**/*.log',
      '*.zip',
    ],
  },
});
