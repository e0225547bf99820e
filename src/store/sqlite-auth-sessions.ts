/** Signed-in browser sessions on SQLite, stored by the hash of their token. */
import type { AuthSessionRecord, AuthSessionStore } from '../spec/store.js';
import type { AuthSessionRow } from './account-rows.js';
import { toAuthSessionRecord } from './account-rows.js';
import type { SqliteContext } from './sqlite-context.js';

/** Creates the SQLite browser-session domain; statements are prepared once here. */
export function createSqliteAuthSessions(context: SqliteContext): AuthSessionStore {
  const { db } = context;
  const insertSession = db.prepare(
    `INSERT INTO auth_sessions (id, user_id, token_hash, csrf_token, created_at, expires_at)
     VALUES (@id, @userId, @tokenHash, @csrfToken, @createdAt, @expiresAt)`,
  );
  const selectByHash = db.prepare<[string], AuthSessionRow>(
    'SELECT id, user_id, csrf_token, created_at, expires_at FROM auth_sessions WHERE token_hash = ?',
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM auth_sessions WHERE id = ?');
  const deleteForUser = db.prepare<[string]>('DELETE FROM auth_sessions WHERE user_id = ?');
  const deleteExpired = db.prepare<[number]>('DELETE FROM auth_sessions WHERE expires_at <= ?');

  return {
    async create(input) {
      return context.write(() => {
        const record: AuthSessionRecord = {
          id: context.newId(),
          userId: input.userId,
          csrfToken: input.csrfToken,
          createdAt: context.now(),
          expiresAt: input.expiresAt,
        };
        insertSession.run({ ...record, tokenHash: input.tokenHash });
        return record;
      });
    },
    async findByTokenHash(tokenHash) {
      return context.read(() => {
        const row = selectByHash.get(tokenHash);
        return row === undefined ? null : toAuthSessionRecord(row);
      });
    },
    async delete(id) {
      // Deleting a session that is already gone is not an error: signing out twice is harmless.
      context.write(() => deleteOne.run(id));
    },
    async deleteForUser(userId) {
      context.write(() => deleteForUser.run(userId));
    },
    async purgeExpired(now) {
      return context.write(() => deleteExpired.run(now).changes);
    },
  };
}
