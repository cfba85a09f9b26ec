/**
 * Applies the theme setting to an extension page: `data-theme` on the root element
 * ("light" / "dark"; absent for "system", where prefers-color-scheme decides) and the
 * matching `color-scheme`, so form controls and scrollbars follow too.
 */
import { themeSetting, type Theme } from './settings';

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') {
    delete root.dataset.theme;
    root.style.colorScheme = 'light dark';
  } else {
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }
}

/** Apply the stored theme now and whenever it changes (from any page). Returns an unwatch. */
export function followThemeSetting(root: HTMLElement = document.documentElement): () => void {
  themeSetting.getValue().then((theme) => applyTheme(theme, root));
  return themeSetting.watch((theme) => applyTheme(theme, root));
}
