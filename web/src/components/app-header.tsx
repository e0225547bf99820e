/** The top bar: brand, main navigation, language, theme and sign-out. */
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import type { Route } from '../lib/routes.js';
import { Icon } from './icon.js';
import { LanguageSelect } from './language-select.js';
import { Logo } from './logo.js';
import { ThemeToggle } from './theme-toggle.js';

/** The header; `route` marks the current section. */
export function AppHeader({ route }: { route: Route }) {
  const { t } = useI18n();
  const { navigate, signOut, user } = useApp();
  const onCharacters = route.name !== 'settings';
  return (
    <header className="app-header">
      <a
        className="brand"
        href="/"
        onClick={(event) => {
          event.preventDefault();
          navigate({ name: 'gallery' });
        }}
      >
        <Logo />
        <span>{t('app.name')}</span>
      </a>
      <nav aria-label={t('nav.main')} className="main-nav">
        <a
          href="/"
          aria-current={onCharacters ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            navigate({ name: 'gallery' });
          }}
        >
          {t('nav.characters')}
        </a>
        <a
          href="/settings"
          aria-current={onCharacters ? undefined : 'page'}
          onClick={(event) => {
            event.preventDefault();
            navigate({ name: 'settings' });
          }}
        >
          {t('nav.settings')}
        </a>
      </nav>
      <div className="header-tools">
        <LanguageSelect compact />
        <ThemeToggle />
        <button type="button" className="button ghost small sign-out" onClick={signOut} title={user.name}>
          <span className="sign-out-icon">
            <Icon name="signOut" />
          </span>
          <span className="sign-out-label">{t('nav.signOut')}</span>
        </button>
      </div>
    </header>
  );
}
