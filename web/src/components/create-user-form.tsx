/** The Users page's "add a user" form: name, password, role and minor (POST /api/admin/users). */
import { useId, useState, type FormEvent } from 'react';
import type { UserAccount } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { isSessionLost, userErrorMessage } from '../lib/user-errors.js';

type Role = UserAccount['role'];

/** Creates a user and hands the new account to `onCreated`; a refusal is shown under the form. */
export function CreateUserForm({ onCreated }: { onCreated: (user: UserAccount) => void }) {
  const { t } = useI18n();
  const { api, reportError } = useApp();
  const headingId = useId();
  const passwordId = useId();
  const ruleId = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [minor, setMinor] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await api.admin.users.create({ name: name.trim(), password, role, minor });
      setName('');
      setPassword('');
      setRole('user');
      setMinor(false);
      onCreated(user);
    } catch (failure) {
      if (isSessionLost(failure)) reportError(failure);
      else setError(userErrorMessage(failure, 'create', name.trim(), t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('users.create')}</h2>
      <form className="create-user-form" onSubmit={(event) => void submit(event)}>
        <div className="create-user-fields">
          <label className="field">
            <span>{t('users.newName')}</span>
            <input
              required
              maxLength={64}
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <div className="field">
            <label className="field-label" htmlFor={passwordId}>
              {t('users.newPassword')}
            </label>
            <input
              id={passwordId}
              type="password"
              required
              minLength={8}
              maxLength={256}
              autoComplete="new-password"
              aria-describedby={ruleId}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <small className="muted" id={ruleId}>
              {t('users.passwordRule')}
            </small>
          </div>
          <label className="field">
            <span>{t('users.newRole')}</span>
            <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
              <option value="user">{t('users.role.user')}</option>
              <option value="admin">{t('users.role.admin')}</option>
            </select>
          </label>
        </div>
        <div className="row wrap create-user-submit">
          <label className="check">
            <input type="checkbox" checked={minor} onChange={(event) => setMinor(event.target.checked)} />
            <span>{t('users.newMinor')}</span>
          </label>
          <button type="submit" className="button primary" disabled={busy}>
            {t('users.createSubmit')}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
