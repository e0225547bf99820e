/**
 * Deleting a user, on the native <dialog> (focus is trapped, Escape cancels): the admin types the
 * user's name to confirm, and a refusal from the server (oneself, the last admin, the local user) is
 * shown in the dialog, which stays open.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { UserAccount } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { isSessionLost, userErrorMessage } from '../lib/user-errors.js';

interface DeleteUserDialogProps {
  user: UserAccount;
  onDeleted: (user: UserAccount) => void;
  onClose: () => void;
}

/** Asks for the user's name, then deletes them and everything they own. */
export function DeleteUserDialog({ user, onDeleted, onClose }: DeleteUserDialogProps) {
  const { t } = useI18n();
  const { api, reportError } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const warningId = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function remove(event: FormEvent) {
    event.preventDefault();
    if (typed !== user.name) return;
    setBusy(true);
    setError(null);
    try {
      await api.admin.users.remove(user.id);
      onDeleted(user);
    } catch (failure) {
      if (isSessionLost(failure)) {
        onClose();
        reportError(failure);
      } else setError(userErrorMessage(failure, 'delete', user.name, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog delete-user-dialog"
      aria-labelledby={headingId}
      aria-describedby={warningId}
      onCancel={onClose}
    >
      <form onSubmit={(event) => void remove(event)} className="stack">
        <h2 id={headingId}>{t('users.deleteTitle', { name: user.name })}</h2>
        <p id={warningId}>{t('users.deleteWarning')}</p>
        <label className="field">
          <span>{t('users.deleteTypeName', { name: user.name })}</span>
          <input
            required
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="row end wrap">
          <button type="button" className="button ghost" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button danger" disabled={busy || typed !== user.name}>
            {t('users.delete')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
