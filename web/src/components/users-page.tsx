/**
 * Admins only: everyone who can use this Starling (GET /api/admin/users), with a form to add a user
 * and, per user, role, disable/enable, minor, password reset and delete. Failures are shown beside
 * what failed; the server enforces every rule (the page is only hidden from non-admins).
 */
import { useCallback, useEffect, useState } from 'react';
import type { UserAccount } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { errorMessage } from '../lib/errors.js';
import { isSessionLost } from '../lib/user-errors.js';
import { CreateUserForm } from './create-user-form.js';
import { DeleteUserDialog } from './delete-user-dialog.js';
import { UserRow } from './user-row.js';

const MINOR_HINT_ID = 'users-minor-hint';

/** The users page. */
export function UsersPage() {
  const { t, language } = useI18n();
  const { api, reportError } = useApp();
  const [users, setUsers] = useState<UserAccount[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<UserAccount | null>(null);

  const load = useCallback(() => {
    api.admin.users
      .list()
      .then((list) => {
        setUsers(list);
        setLoadError(null);
      })
      .catch((error: unknown) => {
        if (isSessionLost(error)) reportError(error);
        else setLoadError(errorMessage(error, t));
      });
  }, [api, reportError, t]);
  useEffect(load, [load]);

  const replace = useCallback((changed: UserAccount) => {
    setUsers((list) => list?.map((user) => (user.id === changed.id ? changed : user)) ?? null);
  }, []);

  const created = useCallback(
    (user: UserAccount) => {
      setUsers((list) => [...(list ?? []), user]);
      setNotice(t('users.createdNotice', { name: user.name }));
    },
    [t],
  );

  function deleted(user: UserAccount) {
    setDeleting(null);
    setUsers((list) => list?.filter((other) => other.id !== user.id) ?? null);
    setNotice(t('users.deleted', { name: user.name }));
  }

  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' });
  return (
    <div className="page users-page">
      <h1>{t('users.title')}</h1>
      <p className="muted">{t('users.hint')}</p>
      <CreateUserForm onCreated={created} />
      <section className="panel" aria-labelledby="users-list-heading">
        <h2 id="users-list-heading">{t('users.list')}</h2>
        <p className="muted small" id={MINOR_HINT_ID}>
          {t('users.minorHint')}
        </p>
        <p role="status" className="users-notice">
          {notice}
        </p>
        {loadError && (
          <p role="alert" className="form-error">
            {loadError}
          </p>
        )}
        {users === null && !loadError && <p className="muted">{t('common.loading')}</p>}
        {users !== null && (
          <table className="users-table">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.minor')}</th>
                <th scope="col">{t('users.created')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  created={format.format(user.createdAt)}
                  minorHintId={MINOR_HINT_ID}
                  onChanged={replace}
                  onDelete={setDeleting}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {deleting && <DeleteUserDialog user={deleting} onDeleted={deleted} onClose={() => setDeleting(null)} />}
    </div>
  );
}
