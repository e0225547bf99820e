/** First run and sign-in: one form that either creates an account (the first is the admin) or signs in. */
import { useState, type FormEvent } from 'react';
import type { UserAccount } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Api } from '../lib/api.js';
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

/** The signed-out page. */
export function SignInPage({ api, error, onDismissError, onSignedIn }: SignInPageProps) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const result =
        mode === 'sign-up' ? await api.auth.signUp(name, password) : await api.auth.signIn(name, password);
      onSignedIn(result.user, result.csrfToken);
    } catch (caught) {
      setFailure(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  const title = mode === 'sign-up' ? t('auth.signUp') : t('auth.signIn');
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <div className="auth-brand">
          <Logo />
          <h1>{t('auth.welcome')}</h1>
          <p className="muted">{t('app.tagline')}</p>
        </div>
        {error && <ErrorBanner message={error} onDismiss={onDismissError} />}
        <form className="stack" onSubmit={(event) => void submit(event)} aria-label={title}>
          <h2 className="auth-title">{title}</h2>
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
              autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
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
            {busy ? t('auth.working') : title}
          </button>
          {mode === 'sign-up' && <p className="muted small">{t('auth.firstRunHint')}</p>}
          <button
            type="button"
            className="button link"
            onClick={() => setMode(mode === 'sign-up' ? 'sign-in' : 'sign-up')}
          >
            {mode === 'sign-up' ? t('auth.haveAccount') : t('auth.needAccount')}
          </button>
        </form>
        <div className="auth-footer">
          <LanguageSelect />
        </div>
      </div>
    </main>
  );
}
