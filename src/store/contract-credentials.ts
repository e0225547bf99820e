/** Conformance tests for `Store.apiKeys`, `Store.authSessions` and `Store.settings`. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../spec/store.js';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError, nextMillisecond } from './contract-support.js';

async function twoUsers(store: Store) {
  const ann = await store.users.create({ name: 'ann', role: 'user', passwordHash: null });
  const bob = await store.users.create({ name: 'bob', role: 'user', passwordHash: null });
  return { ann, bob };
}

/** Registers the credential and settings tests against the store returned by `current`. */
export function describeCredentialContract(current: CurrentStore): void {
  describe('API keys', () => {
    const keyInput = (userId: string, secretHash: string) => ({
      userId,
      name: 'laptop',
      prefix: 'sk-star-abcd',
      secretHash,
      scopes: ['read' as const, 'chat' as const],
      expiresAt: null,
    });

    it('stores a key by its hash and finds it again', async () => {
      const store = current();
      const { ann } = await twoUsers(store);
      const created = await store.apiKeys.create({ ...keyInput(ann.id, 'hash-1'), expiresAt: 9_999 });
      expect(created).toMatchObject({
        userId: ann.id,
        name: 'laptop',
        prefix: 'sk-star-abcd',
        scopes: ['read', 'chat'],
        expiresAt: 9_999,
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(created).not.toHaveProperty('secretHash');
      expect(await store.apiKeys.findBySecretHash('hash-1')).toEqual(created);
      expect(await store.apiKeys.findBySecretHash('hash-2')).toBeNull();
    });

    it('refuses two keys with one hash', async () => {
      const store = current();
      const { ann, bob } = await twoUsers(store);
      await store.apiKeys.create(keyInput(ann.id, 'same'));
      await expectStarlingError(store.apiKeys.create(keyInput(bob.id, 'same')), 'store_conflict');
    });

    it("lists one user's keys, oldest first, revoked ones included", async () => {
      const store = current();
      const { ann, bob } = await twoUsers(store);
      const first = await store.apiKeys.create(keyInput(ann.id, 'a1'));
      await nextMillisecond();
      const second = await store.apiKeys.create(keyInput(ann.id, 'a2'));
      await store.apiKeys.create(keyInput(bob.id, 'b1'));
      await store.apiKeys.revoke(first.id);
      const listed = await store.apiKeys.list(ann.id);
      expect(listed.map((key) => key.id)).toEqual([first.id, second.id]);
      expect(listed[0]?.revokedAt).toEqual(expect.any(Number));
      expect(listed[1]?.revokedAt).toBeNull();
      expect(await store.apiKeys.list('nobody')).toEqual([]);
    });

    it('revokes once, keeping the first revocation time', async () => {
      const store = current();
      const { ann } = await twoUsers(store);
      const key = await store.apiKeys.create(keyInput(ann.id, 'h'));
      await store.apiKeys.revoke(key.id);
      const revokedAt = (await store.apiKeys.findBySecretHash('h'))?.revokedAt;
      expect(revokedAt).toEqual(expect.any(Number));
      await nextMillisecond();
      await store.apiKeys.revoke(key.id);
      expect((await store.apiKeys.findBySecretHash('h'))?.revokedAt).toBe(revokedAt);
      await expectStarlingError(store.apiKeys.revoke('missing'), 'api_key_not_found');
    });

    it('records the last use', async () => {
      const store = current();
      const { ann } = await twoUsers(store);
      const key = await store.apiKeys.create(keyInput(ann.id, 'h'));
      await store.apiKeys.touch(key.id, 12_345);
      expect((await store.apiKeys.findBySecretHash('h'))?.lastUsedAt).toBe(12_345);
    });
  });

  describe('auth sessions', () => {
    it('stores a session by its token hash', async () => {
      const store = current();
      const { ann } = await twoUsers(store);
      const session = await store.authSessions.create({
        userId: ann.id,
        tokenHash: 't1',
        csrfToken: 'csrf',
        expiresAt: 5_000,
      });
      expect(session).toMatchObject({ userId: ann.id, csrfToken: 'csrf', expiresAt: 5_000 });
      expect(session).not.toHaveProperty('tokenHash');
      expect(await store.authSessions.findByTokenHash('t1')).toEqual(session);
      expect(await store.authSessions.findByTokenHash('t2')).toBeNull();
      await store.authSessions.delete(session.id);
      await store.authSessions.delete(session.id);
      expect(await store.authSessions.findByTokenHash('t1')).toBeNull();
    });

    it('deletes every session of one user', async () => {
      const store = current();
      const { ann, bob } = await twoUsers(store);
      const base = { csrfToken: 'c', expiresAt: 5_000 };
      await store.authSessions.create({ ...base, userId: ann.id, tokenHash: 'a1' });
      await store.authSessions.create({ ...base, userId: ann.id, tokenHash: 'a2' });
      await store.authSessions.create({ ...base, userId: bob.id, tokenHash: 'b1' });
      await store.authSessions.deleteForUser(ann.id);
      expect(await store.authSessions.findByTokenHash('a1')).toBeNull();
      expect(await store.authSessions.findByTokenHash('a2')).toBeNull();
      expect(await store.authSessions.findByTokenHash('b1')).not.toBeNull();
    });

    it('purges expired sessions only', async () => {
      const store = current();
      const { ann } = await twoUsers(store);
      const base = { userId: ann.id, csrfToken: 'c' };
      await store.authSessions.create({ ...base, tokenHash: 'old', expiresAt: 1_000 });
      await store.authSessions.create({ ...base, tokenHash: 'edge', expiresAt: 2_000 });
      await store.authSessions.create({ ...base, tokenHash: 'new', expiresAt: 3_000 });
      expect(await store.authSessions.purgeExpired(2_000)).toBe(2);
      expect(await store.authSessions.findByTokenHash('new')).not.toBeNull();
      expect(await store.authSessions.purgeExpired(2_000)).toBe(0);
    });
  });

  describe('settings', () => {
    it('stores JSON values by key', async () => {
      const store = current();
      expect(await store.settings.get('signup_open')).toBeUndefined();
      await store.settings.set('signup_open', true);
      expect(await store.settings.get('signup_open')).toBe(true);
      await store.settings.set('signup_open', false);
      expect(await store.settings.get('signup_open')).toBe(false);
      await store.settings.set('limits', { users: 10, names: ['a'] });
      expect(await store.settings.get('limits')).toEqual({ users: 10, names: ['a'] });
      await store.settings.set('nothing', null);
      expect(await store.settings.get('nothing')).toBeNull();
      await store.settings.set('limits', undefined);
      expect(await store.settings.get('limits')).toBeUndefined();
    });
  });
}
