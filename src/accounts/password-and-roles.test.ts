import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectStarlingError } from '../store/contract-support.js';
import type { AccountsFixture } from './test-support/fixture.js';
import { openAccountsFixture } from './test-support/fixture.js';

let fixture: AccountsFixture;

beforeEach(async () => {
  fixture = await openAccountsFixture();
});

afterEach(() => fixture.close());

describe('changing and resetting passwords', () => {
  it('changes a password only with the current one and ends every browser session', async () => {
    const { accounts } = fixture;
    const ann = await accounts.createUser({ name: 'ann', password: 'correct horse' });
    const session = await accounts.createSession(ann.id);
    const change = (currentPassword: string, newPassword: string) =>
      accounts.changePassword(ann.id, { currentPassword, newPassword });
    await expectStarlingError(change('wrong horse', 'battery staple'), 'current_password_invalid');
    await expectStarlingError(change('x'.repeat(5000), 'battery staple'), 'current_password_invalid');
    await expectStarlingError(change('correct horse', 'short'), 'password_invalid');
    expect(await accounts.resolveSession(session.token)).not.toBeNull();

    await change('correct horse', 'battery staple');
    expect(await accounts.resolveSession(session.token)).toBeNull();
    await expectStarlingError(accounts.verifyPassword('ann', 'correct horse'), 'invalid_credentials');
    expect((await accounts.verifyPassword('ann', 'battery staple')).id).toBe(ann.id);
  });

  it('refuses a password change for key-only, disabled and unknown users', async () => {
    const { accounts } = fixture;
    const bot = await accounts.createUser({ name: 'bot' });
    const input = { currentPassword: '', newPassword: 'battery staple' };
    await expectStarlingError(accounts.changePassword(bot.id, input), 'current_password_invalid');
    const ann = await accounts.createUser({ name: 'ann', password: 'correct horse' });
    await accounts.setDisabled(ann.id, true);
    await expectStarlingError(
      accounts.changePassword(ann.id, { currentPassword: 'correct horse', newPassword: 'battery staple' }),
      'user_disabled',
    );
    await expectStarlingError(accounts.changePassword('missing', input), 'user_not_found');
  });

  it('resets a password without the old one, also giving a key-only user one', async () => {
    const { accounts } = fixture;
    const ann = await accounts.createUser({ name: 'ann', password: 'correct horse' });
    const session = await accounts.createSession(ann.id);
    await accounts.resetPassword(ann.id, 'battery staple');
    expect(await accounts.resolveSession(session.token)).toBeNull();
    expect((await accounts.verifyPassword('ann', 'battery staple')).id).toBe(ann.id);
    const bot = await accounts.createUser({ name: 'bot' });
    await accounts.resetPassword(bot.id, 'a new password');
    expect((await accounts.verifyPassword('bot', 'a new password')).id).toBe(bot.id);
    await expectStarlingError(accounts.resetPassword(bot.id, 'short'), 'password_invalid');
    await expectStarlingError(accounts.resetPassword('missing', 'battery staple'), 'user_not_found');
  });
});

describe('the last active admin', () => {
  it('cannot be disabled or demoted until another admin is active', async () => {
    const { accounts } = fixture;
    const root = await accounts.createUser({ name: 'root', password: 'correct horse', role: 'admin' });
    const bob = await accounts.createUser({ name: 'bob', password: 'battery staple' });
    const last = await expectStarlingError(accounts.setDisabled(root.id, true), 'last_admin');
    expect(last.message).toMatch(/root/);
    await expectStarlingError(accounts.setRole(root.id, 'user'), 'last_admin');
    expect((await accounts.listUsers()).find((user) => user.id === root.id)).toMatchObject({
      role: 'admin',
      disabled: false,
    });

    // A disabled admin does not count.
    expect(await accounts.setRole(bob.id, 'admin')).toMatchObject({ id: bob.id, role: 'admin' });
    await accounts.setDisabled(bob.id, true);
    await expectStarlingError(accounts.setRole(root.id, 'user'), 'last_admin');
    await accounts.setDisabled(bob.id, false);

    expect(await accounts.setRole(root.id, 'user')).toMatchObject({ role: 'user' });
    await expectStarlingError(accounts.setDisabled(bob.id, true), 'last_admin');
    await accounts.setDisabled(root.id, true);
    await accounts.setRole(root.id, 'user');
    // An admin who cannot sign in (no password, like the local user) neither counts nor is kept.
    const local = await accounts.createUser({ name: 'local-admin', role: 'admin' });
    await expectStarlingError(accounts.setRole(bob.id, 'user'), 'last_admin');
    await accounts.setDisabled(local.id, true);
    await expectStarlingError(accounts.setRole('missing', 'admin'), 'user_not_found');
    await expectStarlingError(accounts.setDisabled('missing', true), 'user_not_found');
  });
});
