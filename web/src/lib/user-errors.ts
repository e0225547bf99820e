/**
 * The Users page's refusals in the reader's language: the server's codes that an admin meets there
 * (the last admin, the local user, oneself, a taken name) get a sentence of their own; anything else
 * is the server's message, as everywhere else.
 */
import type { Translate } from '../i18n/i18n.js';
import { StarlingApiError } from './api.js';
import { errorMessage } from './errors.js';

/** What the admin was doing when the server refused. */
export type UserAction = 'create' | 'role' | 'disable' | 'enable' | 'minor' | 'password' | 'delete';

/** Whether the failure means the session is gone, so the app should send the admin to sign-in. */
export function isSessionLost(error: unknown): boolean {
  return error instanceof StarlingApiError && (error.code === 'unauthorized' || error.code === 'csrf_failed');
}

/** A readable sentence for a failed action on the user called `name`. */
export function userErrorMessage(error: unknown, action: UserAction, name: string, t: Translate): string {
  if (error instanceof StarlingApiError) {
    if (error.code === 'last_admin') return t('users.error.lastAdmin', { name });
    if (error.code === 'local_user_protected') return t('users.error.localUser', { name });
    if (error.code === 'user_exists') return t('users.error.exists', { name });
    if (error.code === 'invalid_target' && action === 'delete') return t('users.error.deleteSelf');
    if (error.code === 'invalid_target' && action === 'disable') return t('users.error.disableSelf');
  }
  return errorMessage(error, t);
}
