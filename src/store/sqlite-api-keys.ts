/** API keys on SQLite, stored by the hash of their secret. */
import type { ApiKeyRecord, ApiKeyStore } from '../spec/store.js';
import type { ApiKeyRow } from './account-rows.js';
import { toApiKeyRecord } from './account-rows.js';
import type { SqliteContext } from './sqlite-context.js';
import { notFound } from './store-errors.js';

const keyColumns = 'id, user_id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at';

/** Creates the SQLite API-key domain; statements are prepared once here. */
export function createSqliteApiKeys(context: SqliteContext): ApiKeyStore {
  const { db } = context;
  const insertKey = db.prepare(
    `INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, scopes, created_at, expires_at)
     VALUES (@id, @userId, @name, @prefix, @secretHash, @scopes, @createdAt, @expiresAt)`,
  );
  const selectByHash = db.prepare<[string], ApiKeyRow>(
    `SELECT ${keyColumns} FROM api_keys WHERE secret_hash = ?`,
  );
  const selectForUser = db.prepare<[string], ApiKeyRow>(
    `SELECT ${keyColumns} FROM api_keys WHERE user_id = ? ORDER BY created_at, id`,
  );
  // Revoking twice keeps the first time: that is when the key stopped working.
  const revokeKey = db.prepare<[number, string]>(
    'UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?',
  );
  const touchKey = db.prepare<[number, string]>('UPDATE api_keys SET last_used_at = ? WHERE id = ?');

  return {
    async create(input) {
      return context.write(() => {
        const record: ApiKeyRecord = {
          id: context.newId(),
          userId: input.userId,
          name: input.name,
          prefix: input.prefix,
          scopes: [...input.scopes],
          createdAt: context.now(),
          expiresAt: input.expiresAt,
          lastUsedAt: null,
          revokedAt: null,
        };
        insertKey.run({
          id: record.id,
          userId: record.userId,
          name: record.name,
          prefix: record.prefix,
          secretHash: input.secretHash,
          scopes: JSON.stringify(record.scopes),
          createdAt: record.createdAt,
          expiresAt: record.expiresAt,
        });
        return record;
      });
    },
    async findBySecretHash(secretHash) {
      return context.read(() => {
        const row = selectByHash.get(secretHash);
        return row === undefined ? null : toApiKeyRecord(row);
      });
    },
    async list(userId) {
      return context.read(() => selectForUser.all(userId).map(toApiKeyRecord));
    },
    async revoke(id) {
      context.write(() => {
        if (revokeKey.run(context.now(), id).changes === 0) throw notFound('api_key', id);
      });
    },
    async touch(id, at) {
      // Best effort bookkeeping: a key deleted meanwhile has nothing left to mark.
      context.write(() => touchKey.run(at, id));
    },
  };
}
