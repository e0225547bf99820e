import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectStarlingError } from '../store/contract-support.js';
import { hashPassword, verifyPasswordHash } from './password-hash.js';
import type { AccountsFixture } from './test-support/fixture.js';
import { openAccountsFixture } from './test-support/fixture.js';

let fixture: AccountsFixture;
beforeEach(async () => {
  fixture = await openAccountsFixture();
});
afterEach(() => fixture.close());

describe('API keys', () => {
  it('shows the key once, stores a hash, and resolves it', async () => {
    const { accounts, clock, store } = fixture;
    const ann = await accounts.createUser({ name: 'ann' });
    const { key, record } = await accounts.createApiKey(ann.id, { name: 'laptop' });
    expect(key).toMatch(/^sk-star-[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({
      userId: ann.id,
      name: 'laptop',
      prefix: key.slice(0, 12),
      scopes: ['read', 'write', 'chat'],
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(await accounts.listApiKeys(ann.id))).not.toContain(key.slice(12));
    expect(await store.apiKeys.findBySecretHash(key)).toBeNull();

    clock.now += 1000;
    const resolved = await accounts.resolveApiKey(key);
    expect(resolved?.user).toEqual(ann);
    expect(resolved?.key).toMatchObject({ id: record.id, lastUsedAt: clock.now });
    expect((await accounts.listApiKeys(ann.id))[0]?.lastUsedAt).toBe(clock.now);
  });

  it('stores the scopes asked for and checks them', async () => {
    const { accounts } = fixture;
    const ann = await accounts.createUser({ name: 'ann' });
    const boss = await accounts.createUser({ name: 'boss', role: 'admin' });
    const chatOnly = await accounts.createApiKey(ann.id, { name: 'bot', scopes: ['chat', 'chat'] });
    expect(chatOnly.record.scopes).toEqual(['chat']);
    expect((await accounts.resolveApiKey(chatOnly.key))?.key.scopes).toEqual(['chat']);
    await expectStarlingError(
      accounts.createApiKey(ann.id, { name: 'x', scopes: ['admin'] }),
      'api_key_scope_forbidden',
    );
    await expectStarlingError(
      accounts.createApiKey(ann.id, { name: 'x', scopes: [] }),
      'api_key_scope_invalid',
    );
    const admin = await accounts.createApiKey(boss.id, { name: 'ops', scopes: ['admin', 'read'] });
    expect(admin.record.scopes).toEqual(['read', 'admin']);
    // Demoted: the key keeps working, without its admin scope.
    await fixture.store.users.setRole(boss.id, 'user');
    expect((await accounts.resolveApiKey(admin.key))?.key.scopes).toEqual(['read']);
    await expectStarlingError(accounts.createApiKey(ann.id, { name: ' ' }), 'api_key_name_invalid');
  });

  it('refuses malformed, unknown, revoked and expired keys', async () => {
    const { accounts, clock } = fixture;
    const ann = await accounts.createUser({ name: 'ann' });
    const { key, record } = await accounts.createApiKey(ann.id, { name: 'k' });
    expect(await accounts.resolveApiKey('')).toBeNull();
    expect(await accounts.resolveApiKey('sk-star-short')).toBeNull();
    expect(await accounts.resolveApiKey(`sk-star-${'A'.repeat(43)}`)).toBeNull();
    await accounts.revokeApiKey(ann.id, record.id);
    expect(await accounts.resolveApiKey(key)).toBeNull();
    expect((await accounts.listApiKeys(ann.id))[0]?.revokedAt).toBe(clock.now);

    const expiring = await accounts.createApiKey(ann.id, { name: 'temp', expiresAt: clock.now + 5000 });
    expect(expiring.record.expiresAt).toBe(clock.now + 5000);
    expect(await accounts.resolveApiKey(expiring.key)).not.toBeNull();
    clock.now += 5000;
    expect(await accounts.resolveApiKey(expiring.key)).toBeNull();
    await expectStarlingError(
      accounts.createApiKey(ann.id, { name: 'past', expiresAt: clock.now }),
      'api_key_expiry_invalid',
    );
  });

  it("revokes only the user's own keys", async () => {
    const { accounts } = fixture;
    const ann = await accounts.createUser({ name: 'ann' });
    const bob = await accounts.createUser({ name: 'bob' });
    const { key, record } = await accounts.createApiKey(ann.id, { name: 'k' });
    await expectStarlingError(accounts.revokeApiKey(bob.id, record.id), 'api_key_not_found');
    await expectStarlingError(accounts.revokeApiKey(ann.id, 'missing'), 'api_key_not_found');
    expect(await accounts.resolveApiKey(key)).not.toBeNull();
    expect(await accounts.listApiKeys(bob.id)).toEqual([]);
  });

  it('stops working while the user is disabled', async () => {
    const { accounts } = fixture;
    const ann = await accounts.createUser({ name: 'ann' });
    const { key } = await accounts.createApiKey(ann.id, { name: 'k' });
    await accounts.setDisabled(ann.id, true);
    expect(await accounts.resolveApiKey(key)).toBeNull();
    await expectStarlingError(accounts.createApiKey(ann.id, { name: 'k2' }), 'user_disabled');
    await accounts.setDisabled(ann.id, false);
    expect(await accounts.resolveApiKey(key)).not.toBeNull();
  });
});

describe('password hashes', () => {
  it('round-trips with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse', 1024);
    const second = await hashPassword('correct horse', 1024);
    expect(first).toMatch(/^scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(second).not.toBe(first);
    expect(await verifyPasswordHash('correct horse', first)).toBe(true);
    expect(await verifyPasswordHash('correct horse', second)).toBe(true);
    expect(await verifyPasswordHash('correct horsf', first)).toBe(false);
    expect(await verifyPasswordHash('correct horse', 'plain text')).toBe(false);
    expect(await verifyPasswordHash('correct horse', first.replace('ln=10', 'ln=30'))).toBe(false);
  });

  it('uses N = 2^15 by default and refuses a cost that is not a power of two', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash.startsWith('scrypt$ln=15,r=8,p=1$')).toBe(true);
    expect(await verifyPasswordHash('correct horse', hash)).toBe(true);
    await expect(hashPassword('x', 1000)).rejects.toMatchObject({ code: 'scrypt_cost_invalid' });
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait', 1024);
    expect(await verifyPasswordHash('cafe\u0301 au lait', hash)).toBe(true);
  });
});
