/** User personas on SQLite; a partial unique index keeps at most one default per owner. */
import type { PersonaRecord, PersonaStore } from '../spec/persona-store.js';
import type { SqliteContext } from './sqlite-context.js';
import { notFound } from './store-errors.js';

interface PersonaRow {
  id: string;
  owner_id: string;
  name: string;
  description: string;
  is_default: number;
  created_at: number;
  updated_at: number;
}

function toRecord(row: PersonaRow): PersonaRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    description: row.description,
    isDefault: row.is_default === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creates the SQLite persona domain; statements are prepared once here. */
export function createSqlitePersonas(context: SqliteContext): PersonaStore {
  const { db } = context;
  const insert = db.prepare<PersonaRow>(
    `INSERT INTO personas (id, owner_id, name, description, is_default, created_at, updated_at)
     VALUES (@id, @owner_id, @name, @description, @is_default, @created_at, @updated_at)`,
  );
  const selectOne = db.prepare<[string], PersonaRow>('SELECT * FROM personas WHERE id = ?');
  const selectOwned = db.prepare<[string], PersonaRow>(
    'SELECT * FROM personas WHERE owner_id = ? ORDER BY is_default DESC, name COLLATE NOCASE, id',
  );
  const updateOne = db.prepare<[string, string, number, string]>(
    'UPDATE personas SET name = ?, description = ?, updated_at = ? WHERE id = ?',
  );
  const clearDefault = db.prepare<[string]>(
    'UPDATE personas SET is_default = 0 WHERE owner_id = ? AND is_default = 1',
  );
  const markDefault = db.prepare<[string, string]>(
    'UPDATE personas SET is_default = 1 WHERE id = ? AND owner_id = ?',
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM personas WHERE id = ?');

  function existing(id: string): PersonaRow {
    const row = selectOne.get(id);
    if (row === undefined) throw notFound('persona', id);
    return row;
  }

  return {
    async create(ownerId, draft) {
      const time = context.now();
      const row: PersonaRow = {
        id: context.newId(),
        owner_id: ownerId,
        name: draft.name,
        description: draft.description ?? '',
        is_default: draft.isDefault === true ? 1 : 0,
        created_at: time,
        updated_at: time,
      };
      return context.write(() => {
        if (row.is_default === 1) clearDefault.run(ownerId);
        insert.run(row);
        return toRecord(existing(row.id));
      });
    },
    async list(ownerId) {
      return context.read(() => selectOwned.all(ownerId).map(toRecord));
    },
    async get(id) {
      return context.read(() => {
        const row = selectOne.get(id);
        return row === undefined ? null : toRecord(row);
      });
    },
    async update(id, patch) {
      return context.write(() => {
        const row = existing(id);
        updateOne.run(patch.name ?? row.name, patch.description ?? row.description, context.now(), id);
        return toRecord(existing(id));
      });
    },
    async delete(id) {
      return context.write(() => deleteOne.run(id).changes > 0);
    },
    async setDefault(ownerId, personaId) {
      context.write(() => {
        if (personaId !== null && existing(personaId).owner_id !== ownerId)
          throw notFound('persona', personaId);
        clearDefault.run(ownerId);
        if (personaId !== null) markDefault.run(personaId, ownerId);
      });
    },
  };
}
