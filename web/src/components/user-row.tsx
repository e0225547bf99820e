/**
 * One user on the Users page: role, status, minor and created date, with the actions that change
 * them. A refusal (the last admin, oneself) is shown in a line under the row, in the row's words.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { UserAccount } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { isSessionLost, userErrorMessage, type UserAction } from '../lib/user-errors.js';

type Role = UserAccount['role'];
const roles: Role[] = ['user', 'admin'];

interface UserRowProps {
  user: UserAccount;
  /** The created date, formatted for the reader. */
  created: string;
  /** The element that explains what "minor" means. */
  minorHintId: string;
  onChanged: (user: UserAccount) => void;
  onDelete: (user: UserAccount) => void;
}

/** A table row (and, when needed, a second row with the password form or a message). */
export function UserRow({ user, created, minorHintId, onChanged, onDelete }: UserRowProps) {
  const { t } = useI18n();
  const { api, reportError, user: me } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const self = user.id === me.id;
  const name = user.name;

  useEffect(() => {
    if (resetting) passwordRef.current?.focus();
  }, [resetting]);

  async function run<T>(action: UserAction, request: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      return await request();
    } catch (failure) {
      if (isSessionLost(failure)) reportError(failure);
      else setError(userErrorMessage(failure, action, name, t));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function changeRole(role: Role) {
    const changed = await run('role', () => api.admin.users.setRole(user.id, role));
    if (!changed) return;
    // An admin who made themselves a user can no longer see this page: start over as who they are now.
    if (self && changed.role !== 'admin') window.location.assign('/');
    else onChanged(changed);
  }

  async function toggleDisabled() {
    const action = user.disabled ? 'enable' : 'disable';
    const changed = await run(action, () => api.admin.users.setDisabled(user.id, !user.disabled));
    if (changed) onChanged(changed);
  }

  async function toggleMinor(minor: boolean) {
    const changed = await run('minor', () => api.admin.users.setMinor(user.id, minor));
    if (changed) onChanged(changed);
  }

  async function resetPassword(event: FormEvent) {
    event.preventDefault();
    const done = await run('password', () => api.admin.users.resetPassword(user.id, password));
    if (!done) return;
    setPassword('');
    setResetting(false);
    setNotice(t('users.passwordReset', { name }));
  }

  return (
    <>
      <tr className="user-row" data-user={name} data-minor={user.minor} data-disabled={user.disabled}>
        <td className="user-name-cell">
          <span className="user-name">{name}</span>
          {self && <span className="badge subtle">{t('users.you')}</span>}
          {user.local && <span className="badge subtle">{t('users.local')}</span>}
          {user.minor && <span className="badge">{t('users.minor')}</span>}
        </td>
        <td data-label={t('users.role')}>
          <select
            aria-label={t('users.roleOf', { name })}
            value={user.role}
            disabled={busy}
            onChange={(event) => void changeRole(event.target.value as Role)}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`users.role.${role}`)}
              </option>
            ))}
          </select>
        </td>
        <td data-label={t('users.status')}>
          <span className={user.disabled ? 'badge danger' : 'badge subtle'}>
            {user.disabled ? t('users.disabled') : t('users.active')}
          </span>
        </td>
        <td data-label={t('users.minor')}>
          <input
            type="checkbox"
            className="user-minor"
            aria-label={t('users.minorOf', { name })}
            aria-describedby={minorHintId}
            checked={user.minor}
            disabled={busy}
            onChange={(event) => void toggleMinor(event.target.checked)}
          />
        </td>
        <td data-label={t('users.created')}>{created}</td>
        <td className="user-actions">
          <div className="row wrap">
            <button
              type="button"
              className="button ghost small"
              aria-label={t(user.disabled ? 'users.enableOf' : 'users.disableOf', { name })}
              disabled={busy}
              onClick={() => void toggleDisabled()}
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </button>
            {/* One's own password is changed in account settings, with the current one. */}
            {!self && (
              <button
                type="button"
                className="button ghost small"
                aria-label={t('users.resetPasswordOf', { name })}
                aria-expanded={resetting}
                disabled={busy}
                onClick={() => setResetting(!resetting)}
              >
                {t('users.resetPassword')}
              </button>
            )}
            <button
              type="button"
              className="button ghost small danger-text"
              aria-label={t('users.deleteOf', { name })}
              disabled={busy}
              onClick={() => onDelete(user)}
            >
              {t('users.delete')}
            </button>
          </div>
        </td>
      </tr>
      {(resetting || error || notice) && (
        <tr className="user-row-extra">
          <td colSpan={6}>
            {resetting && (
              <form className="row wrap" onSubmit={(event) => void resetPassword(event)}>
                <label className="field grow">
                  <span>{t('users.newPasswordFor', { name })}</span>
                  <input
                    ref={passwordRef}
                    type="password"
                    required
                    minLength={8}
                    maxLength={256}
                    autoComplete="new-password"
                    value={password}
                    onChange={(event) => setPassword(event.target.value)}
                  />
                </label>
                <button type="submit" className="button primary small" disabled={busy}>
                  {t('users.setPassword')}
                </button>
                <button type="button" className="button ghost small" onClick={() => setResetting(false)}>
                  {t('dialog.cancel')}
                </button>
              </form>
            )}
            {error && (
              <p role="alert" className="form-error">
                {error}
              </p>
            )}
            {notice && <p role="status">{notice}</p>}
          </td>
        </tr>
      )}
    </>
  );
}
