/** The safety audit log on SQLite: append-only rows, listed newest first with simple filters. */
import { AUDIT_TEXT_LIMIT } from '../spec/audit-store.js';
import type { AuditDraft, AuditQuery, AuditRecord, AuditStore } from '../spec/audit-store.js';
import type { SqliteContext } from './sqlite-context.js';
import { corruptRow } from './store-errors.js';

interface AuditRow {
  id: string;
  at: number;
  owner_id: string;
  session_id: string | null;
  message_id: string | null;
  character_id: string | null;
  direction: AuditRecord['direction'];
  action: AuditRecord['action'];
  source: AuditRecord['source'];
  policy: string;
  categories: string;
  scores: string;
  reason: string;
  original_text: string;
  revisions: string;
}

function toRecord(row: AuditRow): AuditRecord {
  try {
    return {
      id: row.id,
      at: row.at,
      ownerId: row.owner_id,
      sessionId: row.session_id,
      messageId: row.message_id,
      characterId: row.character_id,
      direction: row.direction,
      action: row.action,
      source: row.source,
      policy: row.policy,
      categories: JSON.parse(row.categories) as string[],
      scores: JSON.parse(row.scores) as Record<string, number>,
      reason: row.reason,
      text: row.original_text,
      revisions: JSON.parse(row.revisions) as AuditRecord['revisions'],
    };
  } catch (error) {
    throw corruptRow('audit_log', row.id, 'invalid JSON', error);
  }
}

/** Truncates to the audit text limit without splitting a surrogate pair. */
function capped(text: string): string {
  if (text.length <= AUDIT_TEXT_LIMIT) return text;
  const code = text.charCodeAt(AUDIT_TEXT_LIMIT - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? AUDIT_TEXT_LIMIT - 1 : AUDIT_TEXT_LIMIT);
}

/** Creates the SQLite audit domain. */
export function createSqliteAudit(context: SqliteContext): AuditStore {
  const { db } = context;
  const insert = db.prepare<AuditRow>(
    `INSERT INTO audit_log (id, at, owner_id, session_id, message_id, character_id, direction, action,
       source, policy, categories, scores, reason, original_text, revisions)
     VALUES (@id, @at, @owner_id, @session_id, @message_id, @character_id, @direction, @action,
       @source, @policy, @categories, @scores, @reason, @original_text, @revisions)`,
  );
  const selectOne = db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE id = ?');

  function toRow(draft: AuditDraft): AuditRow {
    return {
      id: context.newId(),
      at: draft.at ?? context.now(),
      owner_id: draft.ownerId,
      session_id: draft.sessionId ?? null,
      message_id: draft.messageId ?? null,
      character_id: draft.characterId ?? null,
      direction: draft.direction,
      action: draft.action,
      source: draft.source ?? 'classifier',
      policy: draft.policy,
      categories: JSON.stringify(draft.categories),
      scores: JSON.stringify(draft.scores),
      reason: draft.reason,
      original_text: capped(draft.text),
      revisions: JSON.stringify(
        (draft.revisions ?? []).map((round) => ({
          critique: capped(round.critique),
          revision: capped(round.revision),
        })),
      ),
    };
  }

  return {
    async append(draft) {
      const row = toRow(draft);
      return context.write(() => {
        insert.run(row);
        return toRecord(selectOne.get(row.id) as AuditRow);
      });
    },
    async list(query: AuditQuery = {}) {
      const filters: [string, string | number | undefined][] = [
        ['owner_id = ?', query.ownerId],
        ['session_id = ?', query.sessionId],
        ['action = ?', query.action],
        ['source = ?', query.source],
        ['at >= ?', query.since],
      ];
      const active = filters.filter((filter): filter is [string, string | number] => filter[1] !== undefined);
      const where = active.map(([clause]) => clause);
      const params = active.map(([, value]) => value);
      const limit = Math.max(1, Math.min(1000, Math.floor(query.limit ?? 100)));
      const sql = `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at DESC, id DESC LIMIT ${limit}`;
      return context.read(() =>
        db
          .prepare<(string | number)[], AuditRow>(sql)
          .all(...params)
          .map(toRecord),
      );
    },
  };
}
