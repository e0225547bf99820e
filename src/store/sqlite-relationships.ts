/** Relationship state on SQLite: one row per (owner, character). */
import type { RelationshipState, RelationshipStore } from '../spec/memory-store.js';
import type { SqliteContext } from './sqlite-context.js';

interface RelationshipRow {
  owner_id: string;
  character_id: string;
  affinity: number;
  trust: number;
  mood: string;
  updated_at: number;
}

function toState(row: RelationshipRow): RelationshipState {
  return {
    ownerId: row.owner_id,
    characterId: row.character_id,
    affinity: row.affinity,
    trust: row.trust,
    mood: row.mood,
    updatedAt: row.updated_at,
  };
}

/** Creates the SQLite relationship domain. */
export function createSqliteRelationships(context: SqliteContext): RelationshipStore {
  const { db } = context;
  const selectOne = db.prepare<[string, string], RelationshipRow>(
    'SELECT * FROM relationship_state WHERE owner_id = ? AND character_id = ?',
  );
  const upsert = db.prepare<RelationshipState>(
    `INSERT INTO relationship_state (owner_id, character_id, affinity, trust, mood, updated_at)
     VALUES (@ownerId, @characterId, @affinity, @trust, @mood, @updatedAt)
     ON CONFLICT (owner_id, character_id) DO UPDATE SET affinity = excluded.affinity,
       trust = excluded.trust, mood = excluded.mood, updated_at = excluded.updated_at`,
  );
  return {
    async get(ownerId, characterId) {
      return context.read(() => {
        const row = selectOne.get(ownerId, characterId);
        return row === undefined ? null : toState(row);
      });
    },
    async upsert(state) {
      return context.write(() => {
        upsert.run(state);
        return toState(selectOne.get(state.ownerId, state.characterId) as RelationshipRow);
      });
    },
  };
}
