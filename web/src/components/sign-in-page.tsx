/**
 * The signed-out page. It first asks the server (anonymously) whether the instance still needs its
 * admin: then it shows only "create the admin account"; otherwise it is a sign-in form, with a
 * sign-up link only while sign-up is open. When that question fails (an older server, say) it falls
 * back to sign-in with a sign-up link and the first-run hint, so nobody is locked out.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuthStatus, UserAccount } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { StarlingApiError, type Api } from '../lib/api.js';
import { errorMessage } from '../lib/errors.js';
import { ErrorBanner } from './error-banner.js';
import { LanguageSelect } from './language-select.js';
import { Logo } from './logo.js';

interface SignInPageProps {
  api: Api;
  error: string | null;
  onDismissError: () => void;
  onSignedIn: (user: UserAccount, csrfToken: string) => void;
}

type Mode = 'setup' | 'sign-in' | 'sign-up';
/** null while asking; `unknown` when the server could not say. */
type Status = AuthStatus | 'unknown' | null;

/** The signed-out page. */
export function SignInPage({ api, error, onDismissError, onSignedIn }: SignInPageProps) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>(null);
  const [mode, setMode] = useState<Mode>('sign-in');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const ask = useCallback(
    async (isActive: () => boolean = () => true) => {
      const next: Status = await api.auth.status().catch(() => 'unknown' as const);
      if (!isActive()) return;
      setStatus(next);
      setMode(next !== 'unknown' && next.needsSetup ? 'setup' : 'sign-in');
    },
    [api],
  );

  useEffect(() => {
    let active = true;
    void ask(() => active);
    return () => {
      active = false;
    };
  }, [ask]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const result =
        mode === 'sign-in' ? await api.auth.signIn(name, password) : await api.auth.signUp(name, password);
      onSignedIn(result.user, result.csrfToken);
    } catch (caught) {
      setFailure(errorMessage(caught, t));
      // Someone else finished the setup (or closed sign-up) meanwhile: show what is possible now.
      if (caught instanceof StarlingApiError && caught.code === 'signup_closed') void ask();
    } finally {
      setBusy(false);
    }
  }

  const signupOpen = status === 'unknown' || (status !== null && status.signupOpen);
  const title =
    mode === 'setup' ? t('auth.setupTitle') : mode === 'sign-up' ? t('auth.signUp') : t('auth.signIn');
  const submitLabel = mode === 'setup' ? t('auth.setupSubmit') : title;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <div className="auth-brand">
          <Logo />
          <h1>{t('auth.welcome')}</h1>
          <p className="muted">{t('app.tagline')}</p>
        </div>
        {error && <ErrorBanner message={error} onDismiss={onDismissError} />}
        {status === null ? (
          <p className="muted center" role="status">
            {t('common.loading')}
          </p>
        ) : (
          <form className="stack" onSubmit={(event) => void submit(event)} aria-label={title}>
            <h2 className="auth-title">{title}</h2>
            {mode === 'setup' && <p className="auth-note">{t('auth.setupHint')}</p>}
            <label className="field">
              <span>{t('auth.name')}</span>
              <input
                name="name"
                autoComplete="username"
                required
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('auth.password')}</span>
              <input
                name="password"
                type="password"
                autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </label>
            {failure && (
              <p className="form-error" role="alert">
                {failure}
              </p>
            )}
            <button type="submit" className="button primary wide" disabled={busy}>
              {busy ? t('auth.working') : submitLabel}
            </button>
            {mode === 'sign-up' && status === 'unknown' && (
              <p className="muted small">{t('auth.firstRunHint')}</p>
            )}
            {mode !== 'setup' && signupOpen && (
              <button
                type="button"
                className="button link"
                onClick={() => setMode(mode === 'sign-up' ? 'sign-in' : 'sign-up')}
              >
                {mode === 'sign-up' ? t('auth.haveAccount') : t('auth.needAccount')}
              </button>
            )}
            {mode === 'sign-in' && !signupOpen && <p className="muted small center">{t('auth.askAdmin')}</p>}
          </form>
        )}
        <div className="auth-footer">
          <LanguageSelect />
        </div>
      </div>
    </main>
  );
}
