/** The top bar: brand, main navigation (Audit and Users for admins only), language, theme and sign-out. */
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
  const onCharacters = route.name !== 'settings' && route.name !== 'audit' && route.name !== 'users';
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
          aria-current={route.name === 'settings' ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            navigate({ name: 'settings' });
          }}
        >
          {t('nav.settings')}
        </a>
        {user.role === 'admin' && (
          <>
            <a
              href="/audit"
              aria-current={route.name === 'audit' ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate({ name: 'audit' });
              }}
            >
              {t('nav.audit')}
            </a>
            <a
              href="/users"
              aria-current={route.name === 'users' ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate({ name: 'users' });
              }}
            >
              {t('nav.users')}
            </a>
          </>
        )}
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
