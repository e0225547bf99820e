/** Conformance tests for `Store.users` beyond the local user: accounts, roles, passwords, disabling. */
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError, nextMillisecond } from './contract-support.js';

/** Registers the user-account tests against the store returned by `current`. */
export function describeUserContract(current: CurrentStore): void {
  describe('user accounts', () => {
    it('makes the local user admin when it is the first user', async () => {
      const store = current();
      const local = await store.users.ensureLocal();
      expect(local).toMatchObject({ role: 'admin', disabled: false });
      expect(await store.users.passwordHash(local.id)).toBeNull();
      expect(await store.users.count()).toBe(1);
    });

    it('makes the local user a plain user when accounts exist already', async () => {
      const store = current();
      await store.users.create({ name: 'ann', role: 'admin', passwordHash: 'h' });
      expect(await store.users.ensureLocal()).toMatchObject({ role: 'user' });
      expect(await store.users.count()).toBe(2);
    });

    it('creates users and finds them by name, case-insensitively', async () => {
      const store = current();
      const ann = await store.users.create({ name: 'Ann', role: 'user', passwordHash: 'scrypt$x' });
      expect(ann).toMatchObject({ name: 'Ann', role: 'user', disabled: false });
      expect(await store.users.get(ann.id)).toEqual(ann);
      expect(await store.users.findByName('ann')).toEqual(ann);
      expect(await store.users.findByName('ANN')).toEqual(ann);
      expect(await store.users.findByName('bob')).toBeNull();
      const chinese = await store.users.create({ name: '小红', role: 'user', passwordHash: null });
      expect(await store.users.findByName('小红')).toEqual(chinese);
      const greek = await store.users.create({ name: 'Σοφία', role: 'user', passwordHash: null });
      expect(await store.users.findByName('σοφία')).toEqual(greek);
    });

    it('refuses a taken name in any case with user_exists', async () => {
      const store = current();
      await store.users.create({ name: 'Ann', role: 'user', passwordHash: null });
      const error = await expectStarlingError(
        store.users.create({ name: 'aNN', role: 'admin', passwordHash: null }),
        'user_exists',
      );
      expect(error.details).toEqual({ name: 'aNN' });
      await expectStarlingError(
        store.users
          .create({ name: 'ΣΟΦΊΑ', role: 'user', passwordHash: null })
          .then(() => store.users.create({ name: 'σοφία', role: 'user', passwordHash: null })),
        'user_exists',
      );
      expect(await store.users.count()).toBe(2);
    });

    it('keeps the local user apart from an account named "local"', async () => {
      const store = current();
      const account = await store.users.create({ name: 'Local', role: 'admin', passwordHash: 'h' });
      const local = await store.users.ensureLocal();
      expect(local.id).not.toBe(account.id);
      expect(await store.users.ensureLocal()).toEqual(local);
      expect(await store.users.findByName('local')).toEqual(account);
    });

    it('stores and replaces password hashes', async () => {
      const store = current();
      const ann = await store.users.create({ name: 'ann', role: 'user', passwordHash: null });
      expect(await store.users.passwordHash(ann.id)).toBeNull();
      await store.users.setPasswordHash(ann.id, 'scrypt$one');
      expect(await store.users.passwordHash(ann.id)).toBe('scrypt$one');
      await store.users.setPasswordHash(ann.id, 'scrypt$two');
      expect(await store.users.passwordHash(ann.id)).toBe('scrypt$two');
      expect(await store.users.passwordHash('missing')).toBeNull();
      await expectStarlingError(store.users.setPasswordHash('missing', 'h'), 'user_not_found');
    });

    it('disables, enables and changes roles', async () => {
      const store = current();
      const ann = await store.users.create({ name: 'ann', role: 'user', passwordHash: null });
      await store.users.setDisabled(ann.id, true);
      expect(await store.users.get(ann.id)).toMatchObject({ disabled: true });
      await store.users.setDisabled(ann.id, false);
      expect(await store.users.get(ann.id)).toMatchObject({ disabled: false });
      await store.users.setRole(ann.id, 'admin');
      expect(await store.users.findByName('ann')).toMatchObject({ role: 'admin' });
      await expectStarlingError(store.users.setDisabled('missing', true), 'user_not_found');
      await expectStarlingError(store.users.setRole('missing', 'user'), 'user_not_found');
    });

    it('lists users oldest first and counts them', async () => {
      const store = current();
      expect(await store.users.list()).toEqual([]);
      expect(await store.users.count()).toBe(0);
      const names = ['zed', 'amy', 'bob'];
      for (const name of names) {
        await store.users.create({ name, role: 'user', passwordHash: null });
        await nextMillisecond();
      }
      expect((await store.users.list()).map((user) => user.name)).toEqual(names);
      expect(await store.users.count()).toBe(3);
    });
  });
}
