// Operators manage accounts from the CLI: users with passwords from stdin, API keys shown once,
// imports on behalf of a user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { createTempHome, EXAMPLE_CARD } from './support/temp-home.js';

interface UserJson {
  id: string;
  name: string;
  role: string;
  disabled: boolean;
  minor: boolean;
}

interface KeyJson {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  key?: string;
  revokedAt?: number | null;
}

describe('starling users and keys', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    env = { STARLING_HOME: temp.home, STARLING_MODEL: '' };
  });

  afterAll(() => cleanup());

  it('adds users, with a password from stdin, and lists them', async () => {
    const added = await runCli(['users', 'add', 'Ann', '--admin', '--password-stdin', '--json'], env, {
      input: 'correct horse battery\n',
    });
    expect(added.code, added.stderr).toBe(0);
    const ann = JSON.parse(added.stdout) as UserJson;
    expect(ann).toMatchObject({ name: 'Ann', role: 'admin', disabled: false });
    expect(added.stdout).not.toContain('correct horse');

    const bot = await runCli(['users', 'add', 'bot'], env);
    expect(bot.code, bot.stderr).toBe(0);
    expect(bot.stdout).toMatch(/without a password/);

    const taken = await runCli(['users', 'add', 'ANN'], env);
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim()).toMatch(/^error: user_exists: /);

    const short = await runCli(['users', 'add', 'cat', '--password-stdin'], env, { input: 'short\n' });
    expect(short.stderr.trim()).toMatch(/^error: password_invalid: /);

    const list = await runCli(['users', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const users = JSON.parse(list.stdout) as UserJson[];
    expect(users.map((user) => [user.name, user.role])).toEqual([
      ['local', 'admin'],
      ['Ann', 'admin'],
      ['bot', 'user'],
    ]);
  });

  it('disables and enables a user', async () => {
    expect((await runCli(['users', 'disable', 'bot'], env)).code).toBe(0);
    const listed = JSON.parse((await runCli(['users', 'list', '--json'], env)).stdout) as UserJson[];
    expect(listed.find((user) => user.name === 'bot')?.disabled).toBe(true);
    expect((await runCli(['users', 'enable', 'bot'], env)).code).toBe(0);
    const missing = await runCli(['users', 'disable', 'nobody'], env);
    expect(missing.stderr.trim()).toMatch(/^error: user_not_found: /);
  });

  it('prints a key once at creation, lists it without the secret, and revokes it', async () => {
    const created = await runCli(
      ['keys', 'create', '--user', 'bot', '--name', 'ci', '--scopes', 'read,chat', '--json'],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const key = JSON.parse(created.stdout) as KeyJson & { key: string };
    expect(key.key).toMatch(/^sk-star-[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ name: 'ci', prefix: key.key.slice(0, 12), scopes: ['read', 'chat'] });

    const list = await runCli(['keys', 'list', '--user', 'bot', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).not.toContain(key.key);
    const keys = JSON.parse(list.stdout) as KeyJson[];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ id: key.id, prefix: key.prefix, revokedAt: null });
    expect(keys[0]).not.toHaveProperty('key');

    const elsewhere = await runCli(['keys', 'revoke', key.id, '--user', 'Ann'], env);
    expect(elsewhere.stderr.trim()).toMatch(/^error: api_key_not_found: /);
    const revoked = await runCli(['keys', 'revoke', key.id, '--user', 'bot'], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    const after = JSON.parse(
      (await runCli(['keys', 'list', '--user', 'bot', '--json'], env)).stdout,
    ) as KeyJson[];
    expect(after[0]?.revokedAt).toEqual(expect.any(Number));

    const forbidden = await runCli(['keys', 'create', '--user', 'bot', '--scopes', 'admin'], env);
    expect(forbidden.stderr.trim()).toMatch(/^error: api_key_scope_forbidden: /);
    const unknown = await runCli(['keys', 'create', '--user', 'bot', '--scopes', 'root'], env);
    expect(unknown.stderr.trim()).toMatch(/^error: api_key_scope_invalid: /);
  });

  it('imports as a named user, apart from the local user', async () => {
    const missing = await runCli(['import', EXAMPLE_CARD, '--user', 'nobody'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^error: user_not_found: /);

    const imported = await runCli(['import', EXAMPLE_CARD, '--user', 'ann', '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect((JSON.parse(imported.stdout) as { name: string }[]).map((item) => item.name)).toEqual(['Lin']);
    // The local user does not see Ann's private character.
    const local = await runCli(['characters', 'list', '--json'], env);
    expect(local.code, local.stderr).toBe(0);
    expect(JSON.parse(local.stdout)).toEqual([]);
  });
  it('marks minors and deletes users, never the last admin or the local user', async () => {
    const added = await runCli(['users', 'add', 'kid', '--minor', '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    const kid = JSON.parse(added.stdout) as UserJson;
    expect(kid.minor).toBe(true);
    expect((await runCli(['users', 'minor', 'kid', 'off'], env)).code).toBe(0);
    const listed = JSON.parse((await runCli(['users', 'list', '--json'], env)).stdout) as UserJson[];
    expect(listed.find((user) => user.name === 'kid')?.minor).toBe(false);
    const badState = await runCli(['users', 'minor', 'kid', 'maybe'], env);
    expect(badState.stderr.trim()).toMatch(/^error: usage: /);

    // No terminal to confirm on: --yes is required.
    const unconfirmed = await runCli(['users', 'delete', 'kid'], env);
    expect(unconfirmed.stderr.trim()).toMatch(/^error: usage: .*--yes/);
    const local = await runCli(['users', 'delete', 'local', '--yes'], env);
    expect(local.stderr.trim()).toMatch(/^error: local_user_protected: /);
    const lastAdmin = await runCli(['users', 'delete', 'ann', '--yes'], env);
    expect(lastAdmin.stderr.trim()).toMatch(/^error: last_admin: /);

    const byId = await runCli(['users', 'delete', kid.id, '--yes'], env);
    expect(byId.code, byId.stderr).toBe(0);
    const byName = await runCli(['users', 'delete', 'BOT', '--yes'], env);
    expect(byName.code, byName.stderr).toBe(0);
    const after = JSON.parse((await runCli(['users', 'list', '--json'], env)).stdout) as UserJson[];
    expect(after.map((user) => user.name)).toEqual(['local', 'Ann']);
    const missing = await runCli(['users', 'delete', 'kid', '--yes'], env);
    expect(missing.stderr.trim()).toMatch(/^error: user_not_found: /);
  });
});
