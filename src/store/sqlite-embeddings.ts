/**
 * Memory vectors on SQLite: little-endian float32 BLOBs, one row per (memory, embedder). Rows go with
 * their memory (FK cascade) and a trigger drops them when the memory's text changes or it is
 * forgotten or superseded (migration 7).
 */
import { StarlingError } from '../spec/errors.js';
import type {
  MemoryEmbedding,
  MemoryEmbeddingDraft,
  MemoryEmbeddingStore,
} from '../spec/memory-embedding-store.js';
import type { SqliteContext } from './sqlite-context.js';
import { toMemoryRecord, type MemoryRow } from './sqlite-memories.js';

interface EmbeddingRow {
  memory_id: string;
  embedder_id: string;
  owner_id: string;
  character_id: string;
  dims: number;
  vector: Buffer;
  created_at: number;
}

/** Copies the BLOB: a Buffer's offset need not be 4-byte aligned for a Float32Array view. */
function toEmbedding(row: EmbeddingRow): MemoryEmbedding {
  const bytes = new Uint8Array(row.vector.byteLength);
  bytes.set(row.vector);
  return {
    memoryId: row.memory_id,
    embedderId: row.embedder_id,
    dims: row.dims,
    vector: new Float32Array(bytes.buffer),
    createdAt: row.created_at,
  };
}

function checkDraft(draft: MemoryEmbeddingDraft): void {
  const { vector } = draft;
  if (vector.length === 0 || !vector.every((value) => Number.isFinite(value))) {
    throw new StarlingError(
      'embedding_invalid',
      `the vector for memory ${draft.memoryId} is empty or holds a non-finite number`,
      { details: { memoryId: draft.memoryId, embedderId: draft.embedderId, dims: vector.length } },
    );
  }
}

const LIVE = 'm.deleted_at IS NULL AND m.superseded_by IS NULL';

/** Creates the SQLite embeddings domain. */
export function createSqliteEmbeddings(context: SqliteContext): MemoryEmbeddingStore {
  const { db } = context;
  // Only a live memory still at the version that was embedded gets the vector.
  const insert = db.prepare(
    `INSERT OR REPLACE INTO memory_embeddings
       (memory_id, embedder_id, owner_id, character_id, dims, vector, created_at)
     SELECT m.id, @embedderId, m.owner_id, m.character_id, @dims, @vector, @now FROM memories m
     WHERE m.id = @memoryId AND m.updated_at = @memoryUpdatedAt AND ${LIVE} AND m.text != ''`,
  );
  // One range of the space index, joined to the memories by key to keep live ones only.
  const selectSpace = db.prepare<[string, string, string, number], EmbeddingRow>(
    `SELECT e.* FROM memory_embeddings e JOIN memories m ON m.id = e.memory_id
     WHERE e.owner_id = ? AND e.character_id = ? AND e.embedder_id = ? AND e.created_at > ? AND ${LIVE}
     ORDER BY e.created_at, e.memory_id`,
  );
  const selectMissing = db.prepare<[string, string, string, number], MemoryRow>(
    `SELECT m.* FROM memories m WHERE m.owner_id = ? AND m.character_id = ? AND ${LIVE} AND m.text != ''
       AND NOT EXISTS (SELECT 1 FROM memory_embeddings e WHERE e.memory_id = m.id AND e.embedder_id = ?)
     ORDER BY m.timestamp, m.id LIMIT ?`,
  );
  const deleteAll = db.prepare<[string]>('DELETE FROM memory_embeddings WHERE embedder_id = ?');

  return {
    async put(drafts) {
      drafts.forEach(checkDraft);
      return context.write(() => {
        const now = context.now();
        return drafts.reduce(
          (stored, draft) =>
            stored +
            insert.run({
              memoryId: draft.memoryId,
              embedderId: draft.embedderId,
              dims: draft.vector.length,
              vector: Buffer.from(draft.vector.buffer, draft.vector.byteOffset, draft.vector.byteLength),
              memoryUpdatedAt: draft.memoryUpdatedAt,
              now,
            }).changes,
          0,
        );
      });
    },
    async list({ ownerId, characterId, embedderId, storedSince }) {
      return context.read(() =>
        selectSpace
          .all(ownerId, characterId, embedderId, storedSince ?? Number.MIN_SAFE_INTEGER)
          .map(toEmbedding),
      );
    },
    async missing({ ownerId, characterId, embedderId, limit }) {
      return context.read(() =>
        selectMissing.all(ownerId, characterId, embedderId, Math.max(0, limit)).map(toMemoryRecord),
      );
    },
    async deleteEmbedder(embedderId) {
      return context.write(() => deleteAll.run(embedderId).changes);
    },
  };
}
