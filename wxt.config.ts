import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Docent',
    description: 'Architecture reads for the documentation page you are on: related case studies, search and a reading queue, all on-device.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'tabs'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'docent@docent.dev', strict_min_version: '115.0' } } }
      : {}),
  }),
});
