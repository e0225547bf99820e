/** Memories on SQLite: turns, summaries and facts per (owner, character), forgotten as tombstones. */
import { StarlingError } from '../spec/errors.js';
import type { MemoryDraft, MemoryListQuery, MemoryRecord, MemoryStore } from '../spec/memory-store.js';
import { readJson } from './rows.js';
import type { SqliteContext } from './sqlite-context.js';
import { z } from 'zod';

export interface MemoryRow {
  id: string;
  owner_id: string;
  character_id: string;
  session_id: string | null;
  kind: MemoryRecord['kind'];
  text: string;
  speaker: string;
  subject: string;
  importance: number;
  confidence: number;
  timestamp: number;
  cited_message_ids: string;
  superseded_by: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

const citedShape = z.array(z.string());

/** Maps a `memories` row to its record (also used by the embeddings domain). */
export function toMemoryRecord(row: MemoryRow): MemoryRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    characterId: row.character_id,
    sessionId: row.session_id,
    kind: row.kind,
    text: row.text,
    speaker: row.speaker,
    subject: row.subject,
    importance: row.importance,
    confidence: row.confidence,
    timestamp: row.timestamp,
    citedMessageIds: readJson('memories', row.id, row.cited_message_ids, citedShape),
    supersededBy: row.superseded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function unit(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(1, Math.max(0, value));
}

function memoryNotFound(id: string): StarlingError {
  return new StarlingError('memory_not_found', `no memory with id ${id}`, {
    details: { kind: 'memory', id },
  });
}

const LIST_SQL = `SELECT * FROM memories WHERE owner_id = @ownerId
  AND (@characterId IS NULL OR character_id = @characterId)
  AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
  AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))
  AND (@includeDeleted = 1 OR deleted_at IS NULL)
  AND (@includeSuperseded = 1 OR superseded_by IS NULL)
  AND (@updatedSince IS NULL OR updated_at > @updatedSince)
  AND (@search IS NULL OR instr(text_key, @search) > 0)
  ORDER BY timestamp, id LIMIT @limit OFFSET @offset`;

/** Creates the SQLite memory domain; statements are prepared once here. */
export function createSqliteMemories(context: SqliteContext): MemoryStore {
  const { db } = context;
  const insert = db.prepare(
    `INSERT OR IGNORE INTO memories (id, owner_id, character_id, session_id, kind, text, text_key, speaker,
       subject, importance, confidence, timestamp, cited_message_ids, superseded_by, created_at, updated_at, deleted_at)
     VALUES (@id, @ownerId, @characterId, @sessionId, @kind, @text, @textKey, @speaker, @subject, @importance,
       @confidence, @timestamp, @cited, NULL, @now, @now, NULL)`,
  );
  const selectOne = db.prepare<[string], MemoryRow>('SELECT * FROM memories WHERE id = ?');
  const selectList = db.prepare<Record<string, unknown>, MemoryRow>(LIST_SQL);
  const updateOne = db.prepare(
    `UPDATE memories SET text = @text, text_key = @textKey, subject = @subject, importance = @importance,
       confidence = @confidence, updated_at = @now WHERE id = @id`,
  );
  const markSuperseded = db.prepare<[string, number, string]>(
    'UPDATE memories SET superseded_by = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL AND superseded_by IS NULL',
  );
  // The versions a memory replaced, oldest links included: forgetting a memory forgets them too, so
  // deleting the chat a forgotten version cites cannot bring an older version's text back.
  const selectAncestors = db.prepare<{ id: string }, { id: string }>(
    `WITH RECURSIVE chain(id) AS (SELECT id FROM memories WHERE superseded_by = @id
       UNION SELECT m.id FROM memories m JOIN chain c ON m.superseded_by = c.id)
     SELECT id FROM chain`,
  );
  const countMessages = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM messages WHERE id IN (SELECT value FROM json_each(?))',
  );
  const forget = db.prepare<{ at: number; id: string }>(
    `UPDATE memories SET text = '', text_key = '', deleted_at = @at, updated_at = @at
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const selectForSession = db.prepare<{ sessionId: string }, MemoryRow>(
    `SELECT m.* FROM memories m JOIN sessions s ON s.id = @sessionId
     WHERE m.owner_id = s.owner_id AND m.character_id = s.character_id AND (m.session_id = @sessionId
       OR EXISTS (SELECT 1 FROM json_each(m.cited_message_ids) j JOIN messages x ON x.id = j.value
                  WHERE x.session_id = @sessionId))
     ORDER BY m.timestamp, m.id`,
  );

  function insertDraft(draft: MemoryDraft): MemoryRecord | null {
    const id = draft.id ?? context.newId();
    // A summary stands for stored messages: one written after they were deleted (its chat went away
    // while the model was writing it) would outlive them, so it is refused.
    const cited = [...new Set(draft.citedMessageIds ?? [])];
    if (draft.kind === 'summary' && (countMessages.get(JSON.stringify(cited))?.n ?? 0) !== cited.length) {
      throw new StarlingError('store_conflict', `summary ${id} cites messages that no longer exist`);
    }
    const changes = insert.run({
      id,
      ownerId: draft.ownerId,
      characterId: draft.characterId,
      sessionId: draft.sessionId ?? null,
      kind: draft.kind,
      text: draft.text,
      textKey: draft.text.toLowerCase(),
      speaker: draft.speaker ?? '',
      subject: draft.subject ?? '',
      importance: unit(draft.importance, 0),
      confidence: unit(draft.confidence, 1),
      timestamp: draft.timestamp,
      cited: JSON.stringify(draft.citedMessageIds ?? []),
      now: context.now(),
    }).changes;
    if (changes === 0) return null;
    const row = selectOne.get(id);
    return row === undefined ? null : toMemoryRecord(row);
  }

  // The two per-turn reads (catching up, checking hits) get statements that use an index; the
  // generic one's optional filters make SQLite scan the owner's rows.
  const selectByIds = db.prepare<[string], MemoryRow>(
    'SELECT * FROM memories WHERE id IN (SELECT value FROM json_each(?)) ORDER BY timestamp, id',
  );
  const selectChanged = db.prepare<[string, string, number], MemoryRow>(
    `SELECT * FROM memories WHERE owner_id = ? AND character_id = ? AND updated_at > ?
     ORDER BY timestamp, id`,
  );

  function fastPath(query: MemoryListQuery): MemoryRow[] | null {
    if (query.search?.trim() || query.limit !== undefined || query.offset !== undefined) return null;
    if (query.ids !== undefined) return selectByIds.all(JSON.stringify(query.ids));
    if (query.updatedSince !== undefined && query.characterId !== undefined)
      return selectChanged.all(query.ownerId, query.characterId, query.updatedSince);
    return null;
  }

  function list(query: MemoryListQuery): MemoryRecord[] {
    const rows = fastPath(query);
    if (rows !== null) {
      return rows
        .filter(
          (row) =>
            row.owner_id === query.ownerId &&
            (query.characterId === undefined || row.character_id === query.characterId) &&
            (query.kinds === undefined || query.kinds.includes(row.kind)) &&
            (query.includeDeleted === true || row.deleted_at === null) &&
            (query.includeSuperseded !== false || row.superseded_by === null) &&
            (query.updatedSince === undefined || row.updated_at > query.updatedSince),
        )
        .map(toMemoryRecord);
    }
    return selectList
      .all({
        ownerId: query.ownerId,
        characterId: query.characterId ?? null,
        kinds: query.kinds ? JSON.stringify(query.kinds) : null,
        ids: query.ids ? JSON.stringify(query.ids) : null,
        includeDeleted: query.includeDeleted === true ? 1 : 0,
        includeSuperseded: query.includeSuperseded === false ? 0 : 1,
        updatedSince: query.updatedSince ?? null,
        search: query.search?.trim() ? query.search.trim().toLowerCase() : null,
        limit: query.limit ?? -1,
        offset: query.offset ?? 0,
      })
      .map(toMemoryRecord);
  }

  return {
    async add(drafts) {
      return context.write(() =>
        drafts.map(insertDraft).filter((record): record is MemoryRecord => record !== null),
      );
    },
    async supersede(oldIds, draft) {
      return context.write(() => {
        const added = insertDraft(draft);
        if (added === null) throw new StarlingError('store_conflict', `memory ${draft.id ?? ''} exists`);
        // Each old memory must still be current: one forgotten or replaced meanwhile (while a job
        // waited on the model) fails the whole write, so the job retries from what is there now.
        for (const oldId of oldIds) {
          if (markSuperseded.run(added.id, context.now(), oldId).changes !== 1) {
            throw new StarlingError('store_conflict', `memory ${oldId} is no longer current`);
          }
        }
        return added;
      });
    },
    async get(id) {
      return context.read(() => {
        const row = selectOne.get(id);
        return row === undefined ? null : toMemoryRecord(row);
      });
    },
    async list(query) {
      return context.read(() => list(query));
    },
    async update(id, patch) {
      return context.write(() => {
        const row = selectOne.get(id);
        if (row === undefined || row.deleted_at !== null) throw memoryNotFound(id);
        const text = patch.text ?? row.text;
        updateOne.run({
          id,
          text,
          textKey: text.toLowerCase(),
          subject: patch.subject ?? row.subject,
          importance: unit(patch.importance, row.importance),
          confidence: unit(patch.confidence, row.confidence),
          now: Math.max(context.now(), row.updated_at + 1),
        });
        return toMemoryRecord(selectOne.get(id) as MemoryRow);
      });
    },
    async softDelete(ids) {
      return context.write(() => {
        const at = context.now();
        let count = 0;
        for (const id of ids) {
          const changes = forget.run({ at, id }).changes;
          count += changes;
          if (changes === 0) continue;
          for (const ancestor of selectAncestors.all({ id })) forget.run({ at, id: ancestor.id });
        }
        return count;
      });
    },
    async forSession(sessionId) {
      return context.read(() => selectForSession.all({ sessionId }).map(toMemoryRecord));
    },
    async export(ownerId, characterId) {
      return context.read(() => list({ ownerId, characterId, includeSuperseded: true }));
    },
  };
}
