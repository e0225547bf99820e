/**
 * The message-tree writes that sessions and messages share: inserting drafts, checking that a
 * message belongs to a session, and moving the head. Callers run these inside their transaction.
 */
import { StarlingError } from '../spec/errors.js';
import type { MessageDraft, MessageRecord } from '../spec/store.js';
import type { SessionRow } from './rows.js';
import type { SqliteContext } from './sqlite-context.js';
import { notFound } from './store-errors.js';

export interface MessageWriter {
  /** The session row, or `session_not_found`. */
  requireSession(sessionId: string): SessionRow;
  /** Throws `message_not_found` unless the message exists in that session. */
  requireInSession(sessionId: string, messageId: string): void;
  /** Inserts drafts in order; parents must be in the session or earlier drafts of this call. */
  insertDrafts(sessionId: string, drafts: MessageDraft[]): MessageRecord[];
  /** Records activity on the session, moving its head when `headId` is given (null clears it). */
  touchSession(sessionId: string, headId?: string | null): void;
  /** Keeps a message's turn memory (same id) in step with an edit; forgotten ones stay forgotten. */
  updateTurnMemory(messageId: string, content: string): void;
  /** Deletes the memories derived from a session: its own, and any citing its messages. */
  deleteSessionMemories(sessionId: string): void;
  /** Deletes the memories (of the session's owner and character) citing any of these messages. */
  deleteMemoriesCiting(sessionId: string, messageIds: readonly string[]): void;
}

/** Prepares the shared message-tree statements once for a store. */
export function createMessageWriter(context: SqliteContext): MessageWriter {
  const { db } = context;
  const selectSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const selectInSession = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM messages WHERE session_id = ? AND id = ?',
  );
  const selectLatestTime = db.prepare<[string], { latest: number | null }>(
    'SELECT max(created_at) AS latest FROM messages WHERE session_id = ?',
  );
  const insertMessage = db.prepare<[string, string, string | null, string, string, string, string, number]>(
    `INSERT INTO messages (id, session_id, parent_id, role, content, status, meta, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateActivity = db.prepare<[number, string]>('UPDATE sessions SET updated_at = ? WHERE id = ?');
  const updateHead = db.prepare<[string | null, number, string]>(
    'UPDATE sessions SET head_id = ?, updated_at = ? WHERE id = ?',
  );

  // Scoped to the session's owner and character so the JSON scan covers one memory space only.
  const deleteDerived = db.prepare<{ sessionId: string }>(
    `DELETE FROM memories WHERE id IN (SELECT m.id FROM memories m JOIN sessions s ON s.id = @sessionId
       WHERE m.owner_id = s.owner_id AND m.character_id = s.character_id AND (m.session_id = @sessionId
         OR EXISTS (SELECT 1 FROM json_each(m.cited_message_ids) j JOIN messages x ON x.id = j.value
                    WHERE x.session_id = @sessionId)))`,
  );
  const deleteCiting = db.prepare<{ sessionId: string; ids: string }>(
    `DELETE FROM memories WHERE id IN (SELECT m.id FROM memories m JOIN sessions s ON s.id = @sessionId
       WHERE m.owner_id = s.owner_id AND m.character_id = s.character_id
         AND (m.id IN (SELECT value FROM json_each(@ids))
           OR EXISTS (SELECT 1 FROM json_each(m.cited_message_ids) j
                      WHERE j.value IN (SELECT value FROM json_each(@ids)))))`,
  );

  const updateTurn = db.prepare<{ id: string; text: string; textKey: string; now: number }>(
    `UPDATE memories SET text = @text, text_key = @textKey, updated_at = @now
     WHERE id = @id AND kind = 'turn' AND deleted_at IS NULL`,
  );

  function requireSession(sessionId: string): SessionRow {
    const row = selectSession.get(sessionId);
    if (row === undefined) throw notFound('session', sessionId);
    return row;
  }

  return {
    requireSession,
    requireInSession(sessionId, messageId) {
      if (selectInSession.get(sessionId, messageId) === undefined) {
        throw notFound('message', messageId, `in session ${sessionId}`);
      }
    },
    insertDrafts(sessionId, drafts) {
      const insertedIds = new Set<string>();
      // Strictly increasing times keep "oldest first" equal to insertion order, across calls too.
      let latest = selectLatestTime.get(sessionId)?.latest ?? Number.NEGATIVE_INFINITY;
      return drafts.map((draft, index) => {
        const { parentId } = draft;
        if (parentId !== null && !insertedIds.has(parentId)) {
          if (selectInSession.get(sessionId, parentId) === undefined) {
            throw new StarlingError(
              'message_parent_not_found',
              `draft ${index}: parent message ${parentId} is not in session ${sessionId} nor an earlier draft`,
              { details: { sessionId, parentId, draftIndex: index } },
            );
          }
        }
        const record: MessageRecord = {
          id: draft.id ?? context.newId(),
          sessionId,
          parentId,
          role: draft.role,
          content: draft.content,
          status: draft.status ?? 'complete',
          createdAt: draft.createdAt ?? Math.max(context.now(), latest + 1),
          meta: draft.meta ?? {},
        };
        latest = Math.max(latest, record.createdAt);
        insertMessage.run(
          record.id,
          sessionId,
          parentId,
          record.role,
          record.content,
          record.status,
          JSON.stringify(record.meta),
          record.createdAt,
        );
        insertedIds.add(record.id);
        return record;
      });
    },
    touchSession(sessionId, headId) {
      if (headId === undefined) updateActivity.run(context.now(), sessionId);
      else updateHead.run(headId, context.now(), sessionId);
    },
    updateTurnMemory(messageId, content) {
      updateTurn.run({ id: messageId, text: content, textKey: content.toLowerCase(), now: context.now() });
    },
    deleteSessionMemories(sessionId) {
      deleteDerived.run({ sessionId });
    },
    deleteMemoriesCiting(sessionId, messageIds) {
      if (messageIds.length > 0) deleteCiting.run({ sessionId, ids: JSON.stringify(messageIds) });
    },
  };
}
