/** One button that flips between light and dark. */
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { Icon } from './icon.js';

/** The theme button; its name says what it does, its icon what comes next. */
export function ThemeToggle() {
  const { t } = useI18n();
  const { theme, setTheme } = useApp();
  const dark =
    theme === 'dark' || (theme === 'system' && document.documentElement.dataset['theme'] === 'dark');
  return (
    <button
      type="button"
      className="button icon"
      aria-label={t('theme.toggle')}
      title={dark ? t('theme.light') : t('theme.dark')}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    >
      <Icon name={dark ? 'sun' : 'moon'} />
    </button>
  );
}
