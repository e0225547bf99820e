/** Light/dark theme: a saved choice or the system's, applied as `data-theme` on <html>. */
export type ThemeChoice = 'light' | 'dark' | 'system';

const THEME_KEY = 'starling.theme';

/** The saved theme choice (default: follow the system). */
export function savedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    if (value === 'light' || value === 'dark') return value;
  } catch {
    // No storage: follow the system.
  }
  return 'system';
}

/** Applies and saves a choice. */
export function applyTheme(choice: ThemeChoice): void {
  const dark =
    choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Applied for this page only.
  }
}
