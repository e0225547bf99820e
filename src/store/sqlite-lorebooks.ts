/** Lorebooks on SQLite: standalone books, their links to characters, and the global flag. */
import { StarlingError } from '../spec/errors.js';
import type { Lorebook } from '../spec/lorebook.js';
import type { LorebookRecord, LorebookStore } from '../spec/store.js';
import type { LorebookRow } from './rows.js';
import { toLorebookRecord } from './rows.js';
import { foldCase } from './search-text.js';
import type { SqliteContext } from './sqlite-context.js';
import { notFound } from './store-errors.js';

const lorebookColumns = 'l.id, l.owner_id, l.book, l.is_global, l.created_at, l.updated_at';

/** Creates the SQLite lorebook domain; statements are prepared once here. */
export function createSqliteLorebooks(context: SqliteContext): LorebookStore {
  const { db } = context;
  const insertBook = db.prepare(
    `INSERT INTO lorebooks (id, owner_id, name, name_key, book, is_global, created_at, updated_at)
     VALUES (@id, @ownerId, @name, @nameKey, @book, @isGlobal, @now, @now)`,
  );
  const updateBook = db.prepare<{ id: string; name: string; nameKey: string; book: string; now: number }>(
    'UPDATE lorebooks SET name = @name, name_key = @nameKey, book = @book, updated_at = @now WHERE id = @id',
  );
  const updateGlobal = db.prepare<[number, number, string]>(
    'UPDATE lorebooks SET is_global = ?, updated_at = ? WHERE id = ?',
  );
  const selectBook = db.prepare<[string], LorebookRow>(
    `SELECT ${lorebookColumns} FROM lorebooks l WHERE l.id = ?`,
  );
  const selectOwned = db.prepare<[string, string], LorebookRow>(
    `SELECT ${lorebookColumns} FROM lorebooks l WHERE l.id = ? AND l.owner_id = ?`,
  );
  const selectByName = db.prepare<[string, string], LorebookRow>(
    `SELECT ${lorebookColumns} FROM lorebooks l WHERE l.owner_id = ? AND l.name_key = ?
     ORDER BY l.updated_at DESC, l.id DESC LIMIT 1`,
  );
  const selectList = db.prepare<[string], LorebookRow>(
    `SELECT ${lorebookColumns} FROM lorebooks l WHERE l.owner_id = ? ORDER BY l.created_at, l.id`,
  );
  const selectLinks = db.prepare<[string], { character_id: string }>(
    'SELECT character_id FROM lorebook_links WHERE lorebook_id = ? ORDER BY created_at, rowid',
  );
  const selectCharacterOwner = db.prepare<[string], { owner_id: string }>(
    'SELECT owner_id FROM characters WHERE id = ?',
  );
  const insertLink = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO lorebook_links (lorebook_id, character_id, created_at) VALUES (?, ?, ?)',
  );
  const deleteLink = db.prepare<[string, string]>(
    'DELETE FROM lorebook_links WHERE lorebook_id = ? AND character_id = ?',
  );
  // Attached books in attach order, then the owner's global books not already attached.
  const selectForCharacter = db.prepare<{ characterId: string; ownerId: string }, LorebookRow>(
    `SELECT ${lorebookColumns}, 0 AS rank, k.created_at AS sort_time FROM lorebooks l
       JOIN lorebook_links k ON k.lorebook_id = l.id AND k.character_id = @characterId
     UNION ALL
     SELECT ${lorebookColumns}, 1 AS rank, l.created_at AS sort_time FROM lorebooks l
       WHERE l.owner_id = @ownerId AND l.is_global = 1
         AND NOT EXISTS (SELECT 1 FROM lorebook_links k WHERE k.lorebook_id = l.id AND k.character_id = @characterId)
     ORDER BY rank, sort_time, id`,
  );
  const deleteBook = db.prepare<[string]>('DELETE FROM lorebooks WHERE id = ?');

  function withLinks(row: LorebookRow): LorebookRecord {
    return toLorebookRecord(
      row,
      selectLinks.all(row.id).map((link) => link.character_id),
    );
  }

  function existing(id: string): LorebookRow {
    const row = selectBook.get(id);
    if (row === undefined) throw notFound('lorebook', id);
    return row;
  }

  function characterOwner(characterId: string): string {
    const character = selectCharacterOwner.get(characterId);
    if (character === undefined) throw notFound('character', characterId);
    return character.owner_id;
  }

  function contents(book: Lorebook) {
    return { name: book.name, nameKey: foldCase(book.name), book: JSON.stringify(book) };
  }

  return {
    async create(ownerId, book, options = {}) {
      return context.write(() => {
        const id = context.newId();
        insertBook.run({
          id,
          ownerId,
          isGlobal: options.global === true ? 1 : 0,
          now: context.now(),
          ...contents(book),
        });
        return withLinks(existing(id));
      });
    },
    async update(id, book) {
      return context.write(() => {
        existing(id);
        updateBook.run({ id, now: context.now(), ...contents(book) });
        return withLinks(existing(id));
      });
    },
    async get(id) {
      return context.read(() => {
        const row = selectBook.get(id);
        return row === undefined ? null : withLinks(row);
      });
    },
    async resolve(ownerId, idOrName) {
      return context.read(() => {
        const row = selectOwned.get(idOrName, ownerId) ?? selectByName.get(ownerId, foldCase(idOrName));
        return row === undefined ? null : withLinks(row);
      });
    },
    async list(ownerId) {
      return context.read(() => selectList.all(ownerId).map(withLinks));
    },
    async attach(lorebookId, characterId) {
      context.write(() => {
        const book = existing(lorebookId);
        // Users see only their own data; linking across owners would leak a book into another's chats.
        if (characterOwner(characterId) !== book.owner_id) {
          throw new StarlingError(
            'owner_mismatch',
            `lorebook ${lorebookId} and character ${characterId} belong to different owners`,
            { details: { lorebookId, characterId } },
          );
        }
        insertLink.run(lorebookId, characterId, context.now());
      });
    },
    async detach(lorebookId, characterId) {
      context.write(() => {
        existing(lorebookId);
        deleteLink.run(lorebookId, characterId);
      });
    },
    async setGlobal(lorebookId, global) {
      context.write(() => {
        existing(lorebookId);
        updateGlobal.run(global ? 1 : 0, context.now(), lorebookId);
      });
    },
    async forCharacter(characterId) {
      return context.read(() => {
        const ownerId = characterOwner(characterId);
        return selectForCharacter.all({ characterId, ownerId }).map(withLinks);
      });
    },
    async delete(id) {
      return context.write(() => deleteBook.run(id).changes > 0);
    },
  };
}
