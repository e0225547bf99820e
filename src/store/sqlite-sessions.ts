/** Chat sessions on SQLite: one row per chat, pinned to the character version it started on. */
import { randomInt } from 'node:crypto';
import type { SessionStore } from '../spec/store.js';
import type { SessionRow } from './rows.js';
import { toSessionRecord } from './rows.js';
import type { SqliteContext } from './sqlite-context.js';
import type { MessageWriter } from './sqlite-message-writer.js';
import { notFound } from './store-errors.js';

/** Creates the SQLite session domain; statements are prepared once here. */
export function createSqliteSessions(context: SqliteContext, writer: MessageWriter): SessionStore {
  const { db } = context;
  const selectCharacterVersion = db.prepare<[string, number], { found: number }>(
    'SELECT 1 AS found FROM character_versions WHERE character_id = ? AND version = ?',
  );
  const selectCharacter = db.prepare<[string], { found: number }>(
    'SELECT 1 AS found FROM characters WHERE id = ?',
  );
  const insertSession = db.prepare(
    `INSERT INTO sessions (id, owner_id, character_id, character_version, title, head_id, seed, created_at, updated_at)
     VALUES (@id, @ownerId, @characterId, @characterVersion, @title, NULL, @seed, @now, @now)`,
  );
  const selectSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const selectList = db.prepare<{ ownerId: string; characterId: string | null; limit: number }, SessionRow>(
    `SELECT * FROM sessions WHERE owner_id = @ownerId AND (@characterId IS NULL OR character_id = @characterId)
     ORDER BY updated_at DESC, id DESC LIMIT @limit`,
  );
  const updateTitle = db.prepare<[string, number, string]>(
    'UPDATE sessions SET title = ?, updated_at = ? WHERE id = ?',
  );
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?');

  return {
    async create(input) {
      return context.write(() => {
        const { characterId, characterVersion } = input;
        if (selectCharacterVersion.get(characterId, characterVersion) === undefined) {
          if (selectCharacter.get(characterId) === undefined) throw notFound('character', characterId);
          throw notFound('character_version', `${characterId}@${characterVersion}`);
        }
        const id = context.newId();
        insertSession.run({
          id,
          ownerId: input.ownerId,
          characterId,
          characterVersion,
          title: input.title ?? '',
          // 31 bits so the seed survives any driver's INTEGER and JavaScript's bitwise PRNGs.
          seed: input.seed ?? randomInt(2 ** 31),
          now: context.now(),
        });
        const messages = writer.insertDrafts(id, input.roots ?? []);
        const firstRoot = messages[0];
        if (firstRoot !== undefined) writer.touchSession(id, firstRoot.id);
        return { session: toSessionRecord(writer.requireSession(id)), messages };
      });
    },
    async get(id) {
      return context.read(() => {
        const row = selectSession.get(id);
        return row === undefined ? null : toSessionRecord(row);
      });
    },
    async list(query) {
      return context.read(() =>
        selectList
          .all({ ownerId: query.ownerId, characterId: query.characterId ?? null, limit: query.limit ?? -1 })
          .map(toSessionRecord),
      );
    },
    async setHead(sessionId, headId) {
      context.write(() => {
        writer.requireSession(sessionId);
        if (headId !== null) writer.requireInSession(sessionId, headId);
        writer.touchSession(sessionId, headId);
      });
    },
    async rename(sessionId, title) {
      context.write(() => {
        writer.requireSession(sessionId);
        updateTitle.run(title, context.now(), sessionId);
      });
    },
    async delete(id) {
      // Messages go by ON DELETE CASCADE on session_id; memories citing them go first, in the same
      // transaction, so nothing derived from the session outlives it.
      return context.write(() => {
        writer.deleteSessionMemories(id);
        return deleteSession.run(id).changes > 0;
      });
    },
  };
}
