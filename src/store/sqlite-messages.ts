/** Messages on SQLite: a tree per session (branches, swipes) with the session head as the active leaf. */
import type { MessageStore } from '../spec/store.js';
import type { MessageRow } from './rows.js';
import { toMessageRecord } from './rows.js';
import type { SqliteContext } from './sqlite-context.js';
import type { MessageWriter } from './sqlite-message-writer.js';
import { notFound } from './store-errors.js';

// rowid breaks ties between equal times in insertion order.
const oldestFirst = 'ORDER BY created_at, rowid';

const subtreeIds = `WITH RECURSIVE subtree (id) AS (
    SELECT id FROM messages WHERE id = ?
    UNION ALL
    SELECT m.id FROM messages m JOIN subtree s ON m.parent_id = s.id
  )`;

/** Creates the SQLite message domain; statements are prepared once here. */
export function createSqliteMessages(context: SqliteContext, writer: MessageWriter): MessageStore {
  const { db } = context;
  const selectMessage = db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?');
  const selectTree = db.prepare<[string], MessageRow>(
    `SELECT * FROM messages WHERE session_id = ? ${oldestFirst}`,
  );
  const selectRoots = db.prepare<[string], MessageRow>(
    `SELECT * FROM messages WHERE session_id = ? AND parent_id IS NULL ${oldestFirst}`,
  );
  const selectChildren = db.prepare<[string], MessageRow>(
    `SELECT * FROM messages WHERE parent_id = ? ${oldestFirst}`,
  );
  const selectPath = db.prepare<[string], MessageRow>(
    `WITH RECURSIVE ancestry (id, depth) AS (
       SELECT id, 0 FROM messages WHERE id = ?
       UNION ALL
       SELECT m.parent_id, a.depth + 1 FROM messages m JOIN ancestry a ON m.id = a.id
         WHERE m.parent_id IS NOT NULL
     )
     SELECT m.* FROM ancestry a JOIN messages m ON m.id = a.id ORDER BY a.depth DESC`,
  );
  const selectSubtree = db.prepare<[string], { id: string }>(`${subtreeIds} SELECT id FROM subtree`);
  // One statement, so the parent foreign key is checked only once the whole subtree is gone.
  const deleteSubtree = db.prepare<[string]>(
    `${subtreeIds} DELETE FROM messages WHERE id IN (SELECT id FROM subtree)`,
  );
  const updateMessage = db.prepare<{ id: string; content: string; status: string; meta: string }>(
    'UPDATE messages SET content = @content, status = @status, meta = @meta WHERE id = @id',
  );

  function requireMessage(id: string): MessageRow {
    const row = selectMessage.get(id);
    if (row === undefined) throw notFound('message', id);
    return row;
  }

  return {
    async append(sessionId, drafts, options = {}) {
      return context.write(() => {
        writer.requireSession(sessionId);
        const records = writer.insertDrafts(sessionId, drafts);
        const { head } = options;
        let headId: string | null | undefined;
        if (head === 'last') {
          headId = records.at(-1)?.id;
        } else if (head !== undefined && head !== null) {
          writer.requireInSession(sessionId, head);
          headId = head;
        } else {
          headId = head;
        }
        writer.touchSession(sessionId, headId);
        return records;
      });
    },
    async get(id) {
      return context.read(() => {
        const row = selectMessage.get(id);
        return row === undefined ? null : toMessageRecord(row);
      });
    },
    async tree(sessionId) {
      return context.read(() => {
        writer.requireSession(sessionId);
        return selectTree.all(sessionId).map(toMessageRecord);
      });
    },
    async path(leafId) {
      return context.read(() => {
        const rows = selectPath.all(leafId);
        if (rows.length === 0) throw notFound('message', leafId);
        return rows.map(toMessageRecord);
      });
    },
    async children(parentId) {
      return context.read(() => {
        requireMessage(parentId);
        return selectChildren.all(parentId).map(toMessageRecord);
      });
    },
    async roots(sessionId) {
      return context.read(() => {
        writer.requireSession(sessionId);
        return selectRoots.all(sessionId).map(toMessageRecord);
      });
    },
    async update(id, patch) {
      return context.write(() => {
        const current = toMessageRecord(requireMessage(id));
        const next = {
          ...current,
          content: patch.content ?? current.content,
          status: patch.status ?? current.status,
          meta: patch.meta ?? current.meta,
        };
        updateMessage.run({
          id,
          content: next.content,
          status: next.status,
          meta: JSON.stringify(next.meta),
        });
        writer.touchSession(current.sessionId);
        if (next.content !== current.content) writer.updateTurnMemory(id, next.content);
        return next;
      });
    },
    async deleteSubtree(id, options = {}) {
      return context.write(() => {
        const target = requireMessage(id);
        const session = writer.requireSession(target.session_id);
        const doomed = new Set(selectSubtree.all(id).map((row) => row.id));
        let headId: string | null | undefined;
        if (session.head_id !== null && doomed.has(session.head_id)) {
          headId = options.newHead === undefined ? target.parent_id : options.newHead;
          if (headId !== null) {
            if (doomed.has(headId)) throw notFound('message', headId, 'outside the deleted subtree');
            writer.requireInSession(session.id, headId);
          }
        }
        // Move the head first, else ON DELETE SET NULL would clear it when its row goes.
        writer.touchSession(session.id, headId);
        writer.deleteMemoriesCiting(session.id, [...doomed]);
        return deleteSubtree.run(id).changes;
      });
    },
  };
}
