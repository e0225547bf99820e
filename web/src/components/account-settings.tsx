/** The account section: deleting one's own account, with the password and a confirmation. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { ConfirmDialog } from './confirm-dialog.js';

/** Delete-my-account: asks for the password, then for confirmation, then signs out. */
export function AccountSettings() {
  const { t } = useI18n();
  const { api, reportError, signOut } = useApp();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);

  function ask(event: FormEvent) {
    event.preventDefault();
    setConfirming(true);
  }

  async function remove() {
    setConfirming(false);
    try {
      await api.auth.deleteAccount(password);
      setPassword('');
      signOut();
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <section className="panel" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('settings.account')}</h2>
      <p className="muted small">{t('settings.deleteAccountHint')}</p>
      <form className="row wrap" onSubmit={ask}>
        <label className="field grow">
          <span>{t('settings.deleteAccountPassword')}</span>
          <input
            type="password"
            required
            autoComplete="current-password"
            maxLength={1024}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button type="submit" className="button danger">
          {t('settings.deleteAccount')}
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        message={t('settings.deleteAccountConfirm')}
        confirmLabel={t('settings.deleteAccount')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
