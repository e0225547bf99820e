// Migration 2 (accounts) on a database written by the first release: data stays, the local user
// becomes admin, characters start private.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCard } from './contract-support.js';
import { applyMigrations, migrations } from './migrations.js';
import { openSqliteStore } from './sqlite-store.js';

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'starling-migrate-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('accounts migration', () => {
  it('upgrades a version-1 database in place', async () => {
    const path = join(folder, 'old.db');
    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    applyMigrations(raw, () => 1, migrations.slice(0, 1));
    // Rows as the first release wrote them: the local user and one character.
    raw.prepare("INSERT INTO users (id, name, is_local, created_at) VALUES ('u1', 'local', 1, 5)").run();
    raw
      .prepare(
        `INSERT INTO characters (id, owner_id, version, name, name_key, tags, tag_keys, search_text, created_at, updated_at)
         VALUES ('c1', 'u1', 1, 'Kept', 'kept', '[]', '[]', 'kept', 7, 7)`,
      )
      .run();
    raw
      .prepare('INSERT INTO character_versions (character_id, version, card, created_at) VALUES (?, 1, ?, 7)')
      .run('c1', JSON.stringify(makeCard({ name: 'Kept' })));
    raw.close();

    const store = openSqliteStore({ path });
    const local = await store.users.ensureLocal();
    expect(local).toEqual({
      id: 'u1',
      name: 'local',
      role: 'admin',
      disabled: false,
      minor: false,
      local: true,
      createdAt: 5,
    });
    expect(await store.users.findByName('LOCAL')).toEqual(local);
    expect(await store.characters.resolve('u1', 'kept')).toMatchObject({ id: 'c1', shared: false });
    await expectNewUserWorks(store);
    await store.close();
  });
});

async function expectNewUserWorks(store: ReturnType<typeof openSqliteStore>): Promise<void> {
  const ann = await store.users.create({ name: 'ann', role: 'user', passwordHash: 'h' });
  const key = await store.apiKeys.create({
    userId: ann.id,
    name: 'k',
    prefix: 'sk-star-abcd',
    secretHash: 'x',
    scopes: ['read'],
    expiresAt: null,
  });
  expect(await store.apiKeys.findBySecretHash('x')).toEqual(key);
  expect(await store.users.count()).toBe(2);
}
