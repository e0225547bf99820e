/** API keys: `sk-star-<random>`, shown once, stored only as SHA-256 with a short visible prefix. */
import { StarlingError } from '../spec/errors.js';
import type { ApiKeyRecord, ApiKeyScope, Store, User } from '../spec/store.js';
import { requireActiveUser } from './active-user.js';
import { API_KEY_VISIBLE_LENGTH, hashSecret, isApiKeyShaped, newApiKey } from './secrets.js';
import { checkApiKeyName, checkScopes } from './validation.js';

/** Scopes a key gets when none are asked for: everything but `admin`. */
export const DEFAULT_API_KEY_SCOPES: readonly ApiKeyScope[] = ['read', 'write', 'chat'];

/** Creates the API-key half of the accounts service. */
export function createApiKeys(store: Store, now: () => number) {
  return {
    async create(
      userId: string,
      input: { name: string; scopes?: ApiKeyScope[]; expiresAt?: number | null },
    ): Promise<{ key: string; record: ApiKeyRecord }> {
      const user = await requireActiveUser(store, userId);
      const name = checkApiKeyName(input.name);
      const scopes = checkScopes(input.scopes ?? DEFAULT_API_KEY_SCOPES);
      if (scopes.includes('admin') && user.role !== 'admin') {
        throw new StarlingError(
          'api_key_scope_forbidden',
          `user "${user.name}" is not an admin; no admin scope`,
        );
      }
      const expiresAt = input.expiresAt ?? null;
      if (expiresAt !== null && (!Number.isFinite(expiresAt) || expiresAt <= now())) {
        throw new StarlingError('api_key_expiry_invalid', 'an API key must expire in the future');
      }
      const key = newApiKey();
      const record = await store.apiKeys.create({
        userId,
        name,
        prefix: key.slice(0, API_KEY_VISIBLE_LENGTH),
        secretHash: hashSecret(key),
        scopes,
        expiresAt,
      });
      return { key, record };
    },

    async resolve(key: string): Promise<{ user: User; key: ApiKeyRecord } | null> {
      if (!isApiKeyShaped(key)) return null;
      const record = await store.apiKeys.findBySecretHash(hashSecret(key));
      const at = now();
      if (record === null || record.revokedAt !== null) return null;
      if (record.expiresAt !== null && record.expiresAt <= at) return null;
      const user = await store.users.get(record.userId);
      if (user === null || user.disabled) return null;
      await store.apiKeys.touch(record.id, at);
      // A key made while its user was admin loses the admin scope once they are not.
      const scopes =
        user.role === 'admin' ? record.scopes : record.scopes.filter((scope) => scope !== 'admin');
      return { user, key: { ...record, scopes, lastUsedAt: at } };
    },

    async revoke(userId: string, keyId: string): Promise<void> {
      const owned = (await store.apiKeys.list(userId)).some((record) => record.id === keyId);
      if (!owned) {
        throw new StarlingError('api_key_not_found', `API key ${keyId} not found for this user`, {
          details: { id: keyId },
        });
      }
      await store.apiKeys.revoke(keyId);
    },
  };
}
