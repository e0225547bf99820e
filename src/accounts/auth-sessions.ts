/** Browser sessions: a random token for an HttpOnly cookie, stored only as its SHA-256. */
import type { Store, User } from '../spec/store.js';
import { requireActiveUser } from './active-user.js';
import { hashSecret, isSecretShaped, randomSecret } from './secrets.js';

/** Creates the session half of the accounts service. */
export function createAuthSessions(store: Store, now: () => number, ttlMs: number) {
  async function find(token: string) {
    if (!isSecretShaped(token)) return null;
    return store.authSessions.findByTokenHash(hashSecret(token));
  }

  return {
    async create(userId: string): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
      await requireActiveUser(store, userId);
      // Sweeping here keeps the table small without a scheduler; the index makes it cheap.
      await store.authSessions.purgeExpired(now());
      const token = randomSecret();
      const csrfToken = randomSecret();
      const expiresAt = now() + ttlMs;
      await store.authSessions.create({ userId, tokenHash: hashSecret(token), csrfToken, expiresAt });
      return { token, csrfToken, expiresAt };
    },

    async resolve(token: string): Promise<{ user: User; csrfToken: string; sessionId: string } | null> {
      const session = await find(token);
      if (session === null) return null;
      if (session.expiresAt <= now()) {
        await store.authSessions.delete(session.id);
        return null;
      }
      const user = await store.users.get(session.userId);
      if (user === null || user.disabled) return null;
      return { user, csrfToken: session.csrfToken, sessionId: session.id };
    },

    async end(token: string): Promise<void> {
      const session = await find(token);
      if (session !== null) await store.authSessions.delete(session.id);
    },
  };
}
