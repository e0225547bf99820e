import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectStarlingError, makeCard } from '../store/contract-support.js';
import type { AccountsFixture } from './test-support/fixture.js';
import { openAccountsFixture } from './test-support/fixture.js';

let fixture: AccountsFixture;

beforeEach(async () => {
  fixture = await openAccountsFixture();
});

afterEach(() => fixture.close());

describe('deleting users', () => {
  it('deletes a user with their data and ends their credentials', async () => {
    const { accounts, store } = fixture;
    await accounts.createUser({ name: 'root', password: 'correct horse', role: 'admin' });
    const ann = await accounts.createUser({ name: 'ann', password: 'battery staple' });
    const session = await accounts.createSession(ann.id);
    const { key } = await accounts.createApiKey(ann.id, { name: 'bot' });
    const character = await store.characters.create(ann.id, makeCard());
    await accounts.deleteUser(ann.id);
    expect(await store.users.get(ann.id)).toBeNull();
    expect(await store.characters.get(character.id)).toBeNull();
    expect(await accounts.resolveSession(session.token)).toBeNull();
    expect(await accounts.resolveApiKey(key)).toBeNull();
    await expectStarlingError(accounts.deleteUser(ann.id), 'user_not_found');
  });

  it('refuses the last active admin and the local user', async () => {
    const { accounts, store } = fixture;
    const local = await store.users.ensureLocal();
    const root = await accounts.createUser({ name: 'root', password: 'correct horse', role: 'admin' });
    const error = await expectStarlingError(accounts.deleteUser(root.id), 'last_admin');
    expect(error.message).toContain('root');
    await expectStarlingError(accounts.deleteUser(local.id), 'local_user_protected');
    const bob = await accounts.createUser({ name: 'bob', password: 'battery staple', role: 'admin' });
    await accounts.deleteUser(root.id);
    expect((await accounts.listUsers()).map((user) => user.id)).toEqual([local.id, bob.id]);
  });

  it('deletes one’s own account only with the right password', async () => {
    const { accounts, store } = fixture;
    await accounts.createUser({ name: 'root', password: 'correct horse', role: 'admin' });
    const ann = await accounts.createUser({ name: 'ann', password: 'battery staple' });
    await expectStarlingError(accounts.deleteOwnAccount(ann.id, 'wrong'), 'current_password_invalid');
    expect(await store.users.get(ann.id)).not.toBeNull();
    await accounts.deleteOwnAccount(ann.id, 'battery staple');
    expect(await store.users.get(ann.id)).toBeNull();
    const keyOnly = await accounts.createUser({ name: 'bot' });
    await expectStarlingError(accounts.deleteOwnAccount(keyOnly.id, 'anything'), 'current_password_invalid');
  });
});

describe('minors', () => {
  it('creates a minor and turns the flag on and off', async () => {
    const { accounts, store } = fixture;
    const kid = await accounts.createUser({ name: 'kid', minor: true });
    expect(kid.minor).toBe(true);
    expect(await accounts.setMinor(kid.id, false)).toMatchObject({ minor: false });
    expect(await store.users.get(kid.id)).toMatchObject({ minor: false });
    await expectStarlingError(accounts.setMinor('missing', true), 'user_not_found');
  });
});
