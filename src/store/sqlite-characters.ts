/** Characters on SQLite: a row per character plus one immutable row per saved version. */
import type { AssetFiles, CharacterCard } from '../spec/character.js';
import type { CharacterRecord, CharacterStore } from '../spec/store.js';
import type { CharacterRow, CharacterSummaryRow } from './rows.js';
import { toCharacterRecord, toCharacterSummary } from './rows.js';
import { characterSearchText, containsPattern, foldCase } from './search-text.js';
import type { SqliteContext } from './sqlite-context.js';
import { notFound } from './store-errors.js';

// The current card, or a chosen version of it, joined to the character row.
const selectCharacter = `SELECT c.id, c.owner_id, c.shared, v.version, v.card, c.created_at,
  CASE WHEN v.version = c.version THEN c.updated_at ELSE v.created_at END AS updated_at
  FROM characters c JOIN character_versions v ON v.character_id = c.id`;

/** Creates the SQLite character domain; statements are prepared once here. */
export function createSqliteCharacters(context: SqliteContext): CharacterStore {
  const { db } = context;
  const insertCharacter = db.prepare(
    `INSERT INTO characters (id, owner_id, version, name, name_key, tags, tag_keys, search_text, created_at, updated_at)
     VALUES (@id, @ownerId, @version, @name, @nameKey, @tags, @tagKeys, @searchText, @now, @now)`,
  );
  const updateCharacter = db.prepare(
    `UPDATE characters SET version = @version, name = @name, name_key = @nameKey, tags = @tags,
     tag_keys = @tagKeys, search_text = @searchText, updated_at = @now WHERE id = @id`,
  );
  const insertVersion = db.prepare<[string, number, string, number]>(
    'INSERT INTO character_versions (character_id, version, card, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertAsset = db.prepare<[string, string, Buffer]>(
    'INSERT INTO character_assets (character_id, key, bytes) VALUES (?, ?, ?)',
  );
  const selectAssets = db.prepare<[string], { key: string; bytes: Buffer }>(
    'SELECT key, bytes FROM character_assets WHERE character_id = ? ORDER BY key',
  );
  const selectCurrent = db.prepare<[string], CharacterRow>(
    `${selectCharacter} AND v.version = c.version WHERE c.id = ?`,
  );
  const selectVersion = db.prepare<[string, number], CharacterRow>(
    `${selectCharacter} WHERE c.id = ? AND v.version = ?`,
  );
  const selectVersions = db.prepare<[string], { version: number; createdAt: number }>(
    'SELECT version, created_at AS createdAt FROM character_versions WHERE character_id = ? ORDER BY version',
  );
  const selectExists = db.prepare<[string], { version: number }>(
    'SELECT version FROM characters WHERE id = ?',
  );
  const selectReadable = db.prepare<{ id: string; ownerId: string; shared: number }, CharacterRow>(
    `${selectCharacter} AND v.version = c.version
     WHERE c.id = @id AND (c.owner_id = @ownerId OR (@shared = 1 AND c.shared = 1))`,
  );
  // Same order as `list`, so `resolve` picks the first of that name the user sees listed; the
  // owner's own characters come before others' shared ones.
  const selectByName = db.prepare<{ ownerId: string; nameKey: string; shared: number }, CharacterRow>(
    `${selectCharacter} AND v.version = c.version
     WHERE c.name_key = @nameKey AND (c.owner_id = @ownerId OR (@shared = 1 AND c.shared = 1))
     ORDER BY c.owner_id = @ownerId DESC, c.updated_at DESC, c.id DESC LIMIT 1`,
  );
  const updateShared = db.prepare<[number, string]>('UPDATE characters SET shared = ? WHERE id = ?');
  const selectList = db.prepare<
    {
      ownerId: string;
      shared: number;
      pattern: string | null;
      tag: string | null;
      limit: number;
      offset: number;
    },
    CharacterSummaryRow
  >(
    `SELECT id, owner_id, shared, name, version, tags, updated_at FROM characters
     WHERE (owner_id = @ownerId OR (@shared = 1 AND shared = 1))
       AND (@pattern IS NULL OR search_text LIKE @pattern ESCAPE '\\')
       AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(tag_keys) WHERE value = @tag))
     ORDER BY updated_at DESC, id DESC LIMIT @limit OFFSET @offset`,
  );
  const deleteCharacter = db.prepare<[string]>('DELETE FROM characters WHERE id = ?');

  function denormalised(card: CharacterCard) {
    return {
      name: card.name,
      nameKey: foldCase(card.name),
      tags: JSON.stringify(card.tags),
      tagKeys: JSON.stringify(card.tags.map(foldCase)),
      searchText: characterSearchText(card),
    };
  }

  function current(id: string): CharacterRecord {
    const row = selectCurrent.get(id);
    if (row === undefined) throw notFound('character', id);
    return toCharacterRecord(row);
  }

  return {
    async create(ownerId, card, assets = new Map()) {
      return context.write(() => {
        const id = context.newId();
        const now = context.now();
        insertCharacter.run({ id, ownerId, version: 1, now, ...denormalised(card) });
        insertVersion.run(id, 1, JSON.stringify(card), now);
        for (const [key, bytes] of assets) {
          // The driver binds Buffers, not plain Uint8Arrays; this wraps without copying.
          insertAsset.run(id, key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        }
        return current(id);
      });
    },
    async update(id, card) {
      return context.write(() => {
        const existing = selectExists.get(id);
        if (existing === undefined) throw notFound('character', id);
        const version = existing.version + 1;
        const now = context.now();
        insertVersion.run(id, version, JSON.stringify(card), now);
        updateCharacter.run({ id, version, now, ...denormalised(card) });
        return current(id);
      });
    },
    async getAssets(id) {
      return context.read(() => {
        if (selectExists.get(id) === undefined) throw notFound('character', id);
        const files: AssetFiles = new Map();
        for (const row of selectAssets.all(id)) files.set(row.key, new Uint8Array(row.bytes));
        return files;
      });
    },
    async get(id) {
      return context.read(() => {
        const row = selectCurrent.get(id);
        return row === undefined ? null : toCharacterRecord(row);
      });
    },
    async getVersion(id, version) {
      return context.read(() => {
        const row = selectVersion.get(id, version);
        return row === undefined ? null : toCharacterRecord(row);
      });
    },
    async listVersions(id) {
      return context.read(() => {
        if (selectExists.get(id) === undefined) throw notFound('character', id);
        return selectVersions.all(id);
      });
    },
    async resolve(ownerId, idOrName, options = {}) {
      return context.read(() => {
        const shared = options.includeShared === true ? 1 : 0;
        const row =
          selectReadable.get({ id: idOrName, ownerId, shared }) ??
          selectByName.get({ ownerId, nameKey: foldCase(idOrName), shared });
        return row === undefined ? null : toCharacterRecord(row);
      });
    },
    async setShared(id, shared) {
      // Sharing changes who may read the character, not the character: updatedAt stays.
      context.write(() => {
        if (updateShared.run(shared ? 1 : 0, id).changes === 0) throw notFound('character', id);
      });
    },
    async list(query) {
      return context.read(() => {
        const search = query.search?.trim() ?? '';
        const rows = selectList.all({
          ownerId: query.ownerId,
          shared: query.includeShared === true ? 1 : 0,
          pattern: search === '' ? null : containsPattern(search),
          tag: query.tag === undefined ? null : foldCase(query.tag),
          limit: query.limit ?? -1,
          offset: query.offset ?? 0,
        });
        return rows.map(toCharacterSummary);
      });
    },
    async delete(id) {
      // Versions, assets, sessions (and their messages) and lorebook links go by ON DELETE CASCADE.
      return context.write(() => deleteCharacter.run(id).changes > 0);
    },
  };
}
