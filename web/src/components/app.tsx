/**
 * The app shell: language and theme, who is signed in (asked of /api/me on load), the route from the
 * address bar (History API; the server answers every page path with index.html) and the error banner.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UserAccount } from '../../../src/client/index.js';
import { I18nContext, type I18n } from '../i18n/i18n-context.js';
import { initialLanguage, saveLanguage, translator, type Language } from '../i18n/i18n.js';
import { createApi, rememberCsrfToken, StarlingApiError } from '../lib/api.js';
import { AppContext, type AppServices } from '../lib/app-context.js';
import { errorMessage } from '../lib/errors.js';
import { parseRoute, routePath, type Route } from '../lib/routes.js';
import { applyTheme, savedTheme, type ThemeChoice } from '../lib/theme.js';
import { AppHeader } from './app-header.js';
import { ErrorBanner } from './error-banner.js';
import { Page } from './page.js';
import { SignInPage } from './sign-in-page.js';

type Account = { state: 'loading' } | { state: 'anonymous' } | { state: 'signed-in'; user: UserAccount };

/** The whole application. */
export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [theme, setThemeState] = useState<ThemeChoice>(savedTheme);
  const [account, setAccount] = useState<Account>({ state: 'loading' });
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname));
  const [error, setError] = useState<string | null>(null);
  const api = useMemo(createApi, []);

  const i18n = useMemo<I18n>(
    () => ({
      language,
      t: translator(language),
      setLanguage: (next) => {
        saveLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.name');
  }, [language, t]);

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    let active = true;
    api.auth
      .me()
      .then((me) => {
        // The server hands a cookie session its CSRF token here; without one, writes would fail
        // with csrf_failed and send the page back to sign-in, so that is what happens now.
        rememberCsrfToken(me.csrfToken ?? null);
        if (active) setAccount(me.csrfToken ? { state: 'signed-in', user: me.user } : { state: 'anonymous' });
      })
      .catch(() => {
        if (active) setAccount({ state: 'anonymous' });
      });
    return () => {
      active = false;
    };
  }, [api]);

  const reportError = useCallback(
    (failure: unknown) => {
      setError(errorMessage(failure, t));
      // A lost session (or CSRF token) means signing in again; the page goes back to the form.
      if (
        failure instanceof StarlingApiError &&
        (failure.code === 'unauthorized' || failure.code === 'csrf_failed')
      ) {
        rememberCsrfToken(null);
        setAccount({ state: 'anonymous' });
      }
    },
    [t],
  );

  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const path = routePath(next);
    if (options.replace) window.history.replaceState(null, '', path);
    else if (path !== window.location.pathname) window.history.pushState(null, '', path);
    setRoute(next);
    setError(null);
    window.scrollTo(0, 0);
  }, []);

  const signOut = useCallback(() => {
    api.auth
      .signOut()
      .catch(() => undefined)
      .finally(() => {
        rememberCsrfToken(null);
        setAccount({ state: 'anonymous' });
      });
  }, [api]);

  const services = useMemo<AppServices | null>(
    () =>
      account.state === 'signed-in'
        ? { api, user: account.user, navigate, reportError, signOut, theme, setTheme: setThemeState }
        : null,
    [account, api, navigate, reportError, signOut, theme],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      {account.state === 'loading' && (
        <p className="page-loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {account.state === 'anonymous' && (
        <SignInPage
          api={api}
          error={error}
          onDismissError={() => setError(null)}
          onSignedIn={(user, csrfToken) => {
            rememberCsrfToken(csrfToken);
            setError(null);
            setAccount({ state: 'signed-in', user });
          }}
        />
      )}
      {services && (
        <AppContext.Provider value={services}>
          <AppHeader route={route} />
          <main id="main" className="app-main" tabIndex={-1}>
            {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
            <Page route={route} />
          </main>
        </AppContext.Provider>
      )}
    </I18nContext.Provider>
  );
}
