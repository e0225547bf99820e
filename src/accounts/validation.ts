/** The rules for user names, passwords, API key names and scopes; each failure is a precise StarlingError. */
import { StarlingError } from '../spec/errors.js';
import type { ApiKeyScope } from '../spec/store.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const USER_NAME_MAX_LENGTH = 64;
export const API_KEY_NAME_MAX_LENGTH = 64;

/** Every scope a key may carry. */
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['read', 'write', 'chat', 'admin'];

// Letters and digits of any script (so Chinese, Japanese and Korean names work) plus `_`, `-`, `.`.
const userNamePattern = /^[\p{L}\p{M}\p{N}_.-]+$/u;

/** Returns the NFC form of a valid user name, or throws `user_name_invalid` saying why. */
export function checkUserName(name: string): string {
  const normalized = name.normalize('NFC');
  const length = [...normalized].length;
  if (length === 0 || length > USER_NAME_MAX_LENGTH) {
    throw new StarlingError(
      'user_name_invalid',
      `user names are 1 to ${USER_NAME_MAX_LENGTH} characters long, got ${length}`,
    );
  }
  if (!userNamePattern.test(normalized)) {
    throw new StarlingError(
      'user_name_invalid',
      'user names may contain only letters, digits and the characters _ - .',
    );
  }
  return normalized;
}

/** Checks the length rules of a new password, or throws `password_invalid` saying why. */
export function checkPassword(password: string): void {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new StarlingError('password_invalid', `passwords need at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new StarlingError(
      'password_invalid',
      `passwords may have at most ${PASSWORD_MAX_LENGTH} characters`,
    );
  }
}

/** Returns the trimmed name of a new API key, or throws `api_key_name_invalid`. */
export function checkApiKeyName(name: string): string {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  if (length === 0 || length > API_KEY_NAME_MAX_LENGTH || /\p{Cc}/u.test(trimmed)) {
    throw new StarlingError(
      'api_key_name_invalid',
      `API key names are 1 to ${API_KEY_NAME_MAX_LENGTH} printable characters`,
    );
  }
  return trimmed;
}

/** Returns the scopes without duplicates, in canonical order, or throws `api_key_scope_invalid`. */
export function checkScopes(scopes: readonly string[]): ApiKeyScope[] {
  const unknown = scopes.filter((scope) => !(API_KEY_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0 || scopes.length === 0) {
    throw new StarlingError(
      'api_key_scope_invalid',
      unknown.length > 0
        ? `unknown API key scope "${unknown[0]}"; scopes are ${API_KEY_SCOPES.join(', ')}`
        : 'an API key needs at least one scope',
    );
  }
  return API_KEY_SCOPES.filter((scope) => scopes.includes(scope));
}
