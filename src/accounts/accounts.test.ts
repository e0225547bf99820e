import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectStarlingError } from '../store/contract-support.js';
import type { AccountsFixture } from './test-support/fixture.js';
import { openAccountsFixture } from './test-support/fixture.js';

let fixture: AccountsFixture;
beforeEach(async () => {
  fixture = await openAccountsFixture();
});
afterEach(() => fixture.close());

describe('sign-up', () => {
  it('makes the first account admin and closes sign-up after it', async () => {
    const { accounts } = fixture;
    expect(await accounts.isSignupOpen()).toBe(false);
    const first = await accounts.signUp({ name: 'Ann', password: 'correct horse' });
    expect(first).toMatchObject({ name: 'Ann', role: 'admin', disabled: false });
    await expectStarlingError(accounts.signUp({ name: 'bob', password: 'battery staple' }), 'signup_closed');
    await accounts.setSignupOpen(true);
    expect(await accounts.isSignupOpen()).toBe(true);
    const second = await accounts.signUp({ name: 'bob', password: 'battery staple' });
    expect(second.role).toBe('user');
    await accounts.setSignupOpen(false);
    await expectStarlingError(accounts.signUp({ name: 'cat', password: 'battery staple' }), 'signup_closed');
    expect((await accounts.listUsers()).map((user) => user.name)).toEqual(['Ann', 'bob']);
  });

  it('still makes the first password account admin on an install with a local user', async () => {
    const { accounts, store } = fixture;
    await store.users.ensureLocal();
    expect((await accounts.signUp({ name: 'ann', password: 'correct horse' })).role).toBe('admin');
    await expectStarlingError(accounts.signUp({ name: 'bob', password: 'correct horse' }), 'signup_closed');
  });

  it('checks names and passwords, and refuses taken names in any case', async () => {
    const { accounts } = fixture;
    const short = await expectStarlingError(
      accounts.signUp({ name: 'ann', password: 'short' }),
      'password_invalid',
    );
    expect(short.message).toMatch(/at least 8/);
    const long = await expectStarlingError(
      accounts.signUp({ name: 'ann', password: 'x'.repeat(257) }),
      'password_invalid',
    );
    expect(long.message).toMatch(/at most 256/);
    for (const name of ['', 'a b', 'x'.repeat(65), 'ann!', 'a/b']) {
      await expectStarlingError(accounts.createUser({ name }), 'user_name_invalid');
    }
    for (const name of ['小红', 'ann_1', 'a.b-c', 'Zoë', '김민준']) {
      expect((await accounts.createUser({ name })).name).toBe(name);
    }
    await expectStarlingError(accounts.createUser({ name: 'ANN_1' }), 'user_exists');
  });
});

describe('passwords', () => {
  it('verifies the right password and gives one error for wrong password and unknown name', async () => {
    const { accounts } = fixture;
    const ann = await accounts.createUser({ name: 'ann', password: 'correct horse', role: 'admin' });
    expect(await accounts.verifyPassword('ann', 'correct horse')).toEqual(ann);
    expect(await accounts.verifyPassword('ANN', 'correct horse')).toEqual(ann);
    const wrong = await expectStarlingError(
      accounts.verifyPassword('ann', 'wrong horse'),
      'invalid_credentials',
    );
    const unknown = await expectStarlingError(
      accounts.verifyPassword('nobody', 'correct horse'),
      'invalid_credentials',
    );
    expect(unknown.message).toBe(wrong.message);
    await expectStarlingError(accounts.verifyPassword('ann', 'x'.repeat(5000)), 'invalid_credentials');
  });

  it('never signs in a user without a password', async () => {
    const { accounts } = fixture;
    const bot = await accounts.createUser({ name: 'bot' });
    expect(await fixture.store.users.passwordHash(bot.id)).toBeNull();
    await expectStarlingError(accounts.verifyPassword('bot', ''), 'invalid_credentials');
    await expectStarlingError(accounts.verifyPassword('bot', 'anything at all'), 'invalid_credentials');
  });

  it('refuses a disabled user only once the password is right', async () => {
    const { accounts } = fixture;
    const ann = await accounts.createUser({ name: 'ann', password: 'correct horse' });
    await accounts.setDisabled(ann.id, true);
    await expectStarlingError(accounts.verifyPassword('ann', 'wrong horse'), 'invalid_credentials');
    await expectStarlingError(accounts.verifyPassword('ann', 'correct horse'), 'user_disabled');
    await accounts.setDisabled(ann.id, false);
    expect((await accounts.verifyPassword('ann', 'correct horse')).disabled).toBe(false);
  });
});

describe('browser sessions', () => {
  it('resolves a session by its token and stores only a hash', async () => {
    const { accounts, store } = fixture;
    const ann = await accounts.createUser({ name: 'ann', password: 'correct horse' });
    const session = await accounts.createSession(ann.id);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrfToken).not.toBe(session.token);
    expect(session.expiresAt).toBe(fixture.clock.now + 30 * 24 * 60 * 60 * 1000);
    expect(await store.authSessions.findByTokenHash(session.token)).toBeNull();
    const resolved = await accounts.resolveSession(session.token);
    expect(resolved).toMatchObject({ user: ann, csrfToken: session.csrfToken });
    expect(await accounts.resolveSession('not a token')).toBeNull();
    expect(await accounts.resolveSession(session.csrfToken)).toBeNull();
    await accounts.endSession(session.token);
    expect(await accounts.resolveSession(session.token)).toBeNull();
    await accounts.endSession(session.token);
  });

  it('expires sessions after their lifetime', async () => {
    await fixture.close();
    fixture = await openAccountsFixture({ sessionTtlMs: 60_000 });
    const { accounts, clock } = fixture;
    const ann = await accounts.createUser({ name: 'ann' });
    const session = await accounts.createSession(ann.id);
    clock.now += 59_999;
    expect(await accounts.resolveSession(session.token)).not.toBeNull();
    clock.now += 1;
    expect(await accounts.resolveSession(session.token)).toBeNull();
  });

  it('ends the sessions of a disabled user and refuses new ones', async () => {
    const { accounts } = fixture;
    const ann = await accounts.createUser({ name: 'ann' });
    const session = await accounts.createSession(ann.id);
    await accounts.setDisabled(ann.id, true);
    expect(await accounts.resolveSession(session.token)).toBeNull();
    await expectStarlingError(accounts.createSession(ann.id), 'user_disabled');
    await accounts.setDisabled(ann.id, false);
    expect(await accounts.resolveSession(session.token)).toBeNull();
    await expectStarlingError(accounts.createSession('missing'), 'user_not_found');
    await expectStarlingError(accounts.setDisabled('missing', true), 'user_not_found');
  });
});
