/** Keyboard shortcuts as the browser has them bound, and where to change them. */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { t, type MessageKey } from '@/src/platform/i18n';

const CHROME_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

/** Browsers report no description for their reserved commands, so name them here. */
const RESERVED_COMMANDS: Record<string, MessageKey> = {
  _execute_action: 'command_open_popup',
  _execute_browser_action: 'command_open_popup',
  _execute_sidebar_action: 'command_open_side_panel',
};

function commandLabel(command: Browser.commands.Command): string {
  const reserved = command.name ? RESERVED_COMMANDS[command.name] : undefined;
  return reserved ? t(reserved) : command.description || command.name || '';
}

/** `children`: what the page says about the shortcuts before the list (the welcome page's introduction). */
export function ShortcutsSection({ children }: { children?: ComponentChildren }) {
  const [commands, setCommands] = useState<Browser.commands.Command[]>([]);
  useEffect(() => {
    browser.commands.getAll().then(setCommands);
  }, []);

  return (
    <section class="options-section" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('options_shortcuts_title')}</h2>
      {children}
      <ul class="options-list" data-list="shortcuts">
        {commands.map((command) => (
          <li key={command.name}>
            <span>{commandLabel(command)}</span>
            {command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="options-hint">{t('options_shortcut_unset')}</span>}
          </li>
        ))}
      </ul>
      {import.meta.env.FIREFOX ? (
        <p class="options-hint">{t('options_shortcuts_firefox')}</p>
      ) : (
        <button type="button" class="button" onClick={() => void browser.tabs.create({ url: CHROME_SHORTCUTS_PAGE })}>
          {t('options_shortcuts_change')}
        </button>
      )}
    </section>
  );
}
