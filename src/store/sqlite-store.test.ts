import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStoreContract } from './contract.js';
import { expectStarlingError, makeCard, makeLorebook } from './contract-support.js';
import { migrations } from './migrations.js';
import { openSqliteStore, openStore } from './sqlite-store.js';

// Every test gets its own folder: the suite runs against real files, WAL side files included.
let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'starling-store-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Rows per table of the test database, read over a second connection (WAL: it sees every commit). */
async function tableCounts(): Promise<Record<string, number>> {
  const raw = new Database(join(folder, 'test.db'), { readonly: true });
  try {
    const tables = raw
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        raw.prepare<[], { count: number }>(`SELECT count(*) AS count FROM "${name}"`).get()?.count ?? 0,
      ]),
    );
  } finally {
    raw.close();
  }
}

describeStoreContract('sqlite file', async () => openSqliteStore({ path: join(folder, 'test.db') }), {
  tableCounts,
});

describe('SQLite driver', () => {
  const dbPath = () => join(folder, 'test.db');
  const latestVersion = Math.max(...migrations.map((migration) => migration.version));

  it('applies every migration once and again nothing on reopen', async () => {
    await openSqliteStore({ path: dbPath(), now: () => 1234 }).close();
    await openSqliteStore({ path: dbPath() }).close();
    const raw = new Database(dbPath(), { readonly: true });
    const applied = raw
      .prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
      .all();
    raw.close();
    expect(applied).toEqual(
      migrations.map((migration) => ({ version: migration.version, name: migration.name, applied_at: 1234 })),
    );
  });

  it('refuses a database migrated by newer code', async () => {
    await openSqliteStore({ path: dbPath() }).close();
    const raw = new Database(dbPath());
    raw
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(latestVersion + 1, 'from the future', 0);
    raw.close();
    const error = await expectStarlingError(
      Promise.resolve().then(() => openSqliteStore({ path: dbPath() })),
      'store_schema_too_new',
    );
    expect(error.message).toContain(String(latestVersion + 1));
  });

  it('runs in WAL mode with foreign keys on', async () => {
    const store = openSqliteStore({ path: dbPath() });
    await store.close();
    const raw = new Database(dbPath());
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('keeps data across reopen', async () => {
    const first = openSqliteStore({ path: dbPath() });
    const user = await first.users.ensureLocal();
    const character = await first.characters.create(user.id, makeCard({ name: '小红' }));
    await first.close();
    const second = openSqliteStore({ path: dbPath() });
    expect(await second.users.ensureLocal()).toEqual(user);
    expect(await second.characters.get(character.id)).toEqual(character);
    await second.close();
  });

  it('uses the injected clock and id generator', async () => {
    let next = 0;
    const store = openSqliteStore({
      path: ':memory:',
      now: () => 42,
      idGenerator: () => `id-${(next += 1)}`,
    });
    const character = await store.characters.create('owner', makeCard());
    expect(character).toMatchObject({ id: 'id-1', createdAt: 42, updatedAt: 42 });
    await store.close();
  });

  it('reports corrupt JSON rows as store_corrupt with table and id', async () => {
    const store = openSqliteStore({ path: dbPath() });
    const character = await store.characters.create('owner', makeCard());
    const book = await store.lorebooks.create('owner', makeLorebook());
    const { session } = await store.sessions.create({
      ownerId: 'owner',
      characterId: character.id,
      characterVersion: 1,
      roots: [{ id: 'root', parentId: null, role: 'assistant', content: 'Hi' }],
    });
    const raw = new Database(dbPath());
    raw.prepare("UPDATE character_versions SET card = '{not json' WHERE character_id = ?").run(character.id);
    raw.prepare('UPDATE lorebooks SET book = ? WHERE id = ?').run(JSON.stringify({ name: 3 }), book.id);
    raw.prepare("UPDATE messages SET meta = '[1]' WHERE id = 'root'").run();
    raw.close();

    const cardError = await expectStarlingError(store.characters.get(character.id), 'store_corrupt');
    expect(cardError.details).toEqual({ table: 'character_versions', id: `${character.id}@1` });
    const bookError = await expectStarlingError(store.lorebooks.get(book.id), 'store_corrupt');
    expect(bookError.details).toEqual({ table: 'lorebooks', id: book.id });
    const messageError = await expectStarlingError(store.messages.tree(session.id), 'store_corrupt');
    expect(messageError.details).toEqual({ table: 'messages', id: 'root' });
    await store.close();
  });

  it('opens <home>/starling.db, creating the folder', async () => {
    const home = join(folder, 'nested', 'home');
    const store = openStore(home);
    await store.users.ensureLocal();
    await store.close();
    expect(existsSync(join(home, 'starling.db'))).toBe(true);
  });

  it('turns calls after close into StarlingErrors', async () => {
    const store = openSqliteStore({ path: dbPath() });
    await store.close();
    await store.close();
    await expectStarlingError(store.users.ensureLocal(), 'store_error');
  });
});
