// Migration 6 on a version-5 database: users gain `minor`, and audit rows gain `source`, taken from
// the `llm_guard: ` reason prefix that marked guard decisions before (the prefix leaves the reason).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, migrations } from './migrations.js';
import { openSqliteStore } from './sqlite-store.js';

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'starling-migrate-6-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('minors and audit source migration', () => {
  it('moves the guard prefix into the source column and keeps every row', async () => {
    const path = join(folder, 'old.db');
    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    applyMigrations(
      raw,
      () => 1,
      migrations.filter((migration) => migration.version <= 5),
    );
    raw
      .prepare(
        "INSERT INTO users (id, name, name_key, is_local, created_at) VALUES ('u1', 'ann', 'ann', NULL, 5)",
      )
      .run();
    const insert = raw.prepare(
      `INSERT INTO audit_log (id, at, owner_id, direction, action, policy, categories, scores, reason,
         original_text, revisions) VALUES (?, ?, 'u1', ?, 'flag', 'standard', '[]', '{}', ?, 'text', '[]')`,
    );
    insert.run('a1', 1, 'input', 'llm_guard: fiction, no real-world uplift');
    insert.run('a2', 2, 'output', 'flag under standard: violence 0.70; model only');
    insert.run('a3', 3, 'import', 'lorebook entry "x" contains instructions aimed at the model');
    raw.close();

    const store = openSqliteStore({ path });
    const rows = await store.audit.list();
    expect(rows.map((row) => [row.id, row.source, row.reason])).toEqual([
      ['a3', 'injection_scan', 'lorebook entry "x" contains instructions aimed at the model'],
      ['a2', 'classifier', 'flag under standard: violence 0.70; model only'],
      ['a1', 'llm_guard', 'fiction, no real-world uplift'],
    ]);
    expect(await store.audit.list({ source: 'llm_guard' })).toHaveLength(1);
    expect(await store.users.get('u1')).toMatchObject({ minor: false, local: false });
    await store.close();
  });

  it('relabels import findings written with the default source (migration 8)', async () => {
    const path = join(folder, 'v7.db');
    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    applyMigrations(
      raw,
      () => 1,
      migrations.filter((migration) => migration.version <= 7),
    );
    raw
      .prepare(
        "INSERT INTO users (id, name, name_key, is_local, created_at) VALUES ('u1', 'ann', 'ann', NULL, 5)",
      )
      .run();
    const insert = raw.prepare(
      `INSERT INTO audit_log (id, at, owner_id, direction, action, source, policy, categories, scores, reason,
         original_text, revisions) VALUES (?, ?, 'u1', ?, 'flag', 'classifier', 'untrusted', '[]', '{}', 'r', 't', '[]')`,
    );
    insert.run('b1', 1, 'import');
    insert.run('b2', 2, 'input');
    raw.close();

    const store = openSqliteStore({ path });
    const rows = await store.audit.list();
    expect(rows.map((row) => [row.id, row.source])).toEqual([
      ['b2', 'classifier'],
      ['b1', 'injection_scan'],
    ]);
    await store.close();
  });
});
