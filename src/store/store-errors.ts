/**
 * The error codes the store throws, in one place so every driver reports the same ones:
 *
 * - `character_not_found`, `character_version_not_found`, `lorebook_not_found`, `session_not_found`,
 *   `message_not_found`: an id given to a method that needs it to exist is unknown. `details` holds
 *   `{ kind, id }`. (`get`-style methods return null instead; `delete` returns false.)
 * - `user_not_found`, `api_key_not_found`: the same, for `users.setDisabled`/`setRole`/`setPasswordHash`
 *   and `apiKeys.revoke`; `persona_not_found` for `personas.update`/`setDefault`.
 * - `user_exists`: `users.create` with a name another user has (case-insensitive); `details: { name }`.
 * - `message_parent_not_found`: an appended draft names a parent that is neither in the session nor
 *   an earlier draft of the same call.
 * - `owner_mismatch`: a lorebook and a character of different owners were to be linked.
 * - `store_conflict`: a write broke a uniqueness rule (e.g. a caller-chosen message id already used).
 * - `store_corrupt`: a stored row cannot be read back (bad JSON or shape); `details` holds `{ table, id }`.
 * - `store_schema_too_new`: the database was migrated by a newer Starling than this one.
 * - `store_error`: any other driver failure, with the driver's error as `cause`.
 */
import { StarlingError } from '../spec/errors.js';

export type RecordKind =
  'character' | 'character_version' | 'lorebook' | 'session' | 'message' | 'user' | 'api_key' | 'persona';

/** The error for an id that must exist but does not. */
export function notFound(kind: RecordKind, id: string, where?: string): StarlingError {
  const suffix = where === undefined ? '' : ` ${where}`;
  return new StarlingError(`${kind}_not_found`, `${kind.replace('_', ' ')} ${id} not found${suffix}`, {
    details: { kind, id },
  });
}

/** The error for a stored row that cannot be turned back into a record. */
export function corruptRow(table: string, id: string, problem: string, cause?: unknown): StarlingError {
  return new StarlingError('store_corrupt', `${table} row ${id} is corrupt: ${problem}`, {
    cause,
    details: { table, id },
  });
}

/** Turns a driver failure into a StarlingError, keeping Starling's own errors as they are. */
export function toStoreError(error: unknown): StarlingError {
  if (StarlingError.isInstance(error)) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return new StarlingError('store_conflict', `store write conflicts with an existing row: ${message}`, {
      cause: error,
    });
  }
  return new StarlingError('store_error', `store operation failed: ${message}`, { cause: error });
}

/** The error for a user name that is already taken. */
export function userExists(name: string): StarlingError {
  return new StarlingError('user_exists', `a user named "${name}" already exists`, { details: { name } });
}
