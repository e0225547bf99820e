/**
 * Deleting a user on SQLite: everything they own goes in one transaction. Foreign keys carry most of
 * it (character -> versions, assets, links, sessions, memories, relationships; user -> personas, API
 * keys, browser sessions); the rest has no key to the user (owner ids are plain columns, see 0005)
 * and is deleted here by owner. Audit rows stay and lose their text (decision 0014).
 */
import type { SqliteContext } from './sqlite-context.js';

/** Prepares the statements once; the returned function must run inside a write transaction. */
export function createUserDeleter(context: SqliteContext): (userId: string) => boolean {
  const { db } = context;
  // Jobs carry owner, character and session ids in their JSON payload, not as keys.
  const deleteJobs = db.prepare<{ userId: string }>(
    `DELETE FROM memory_jobs WHERE json_valid(payload) AND (
       json_extract(payload, '$.ownerId') = @userId
       OR json_extract(payload, '$.characterId') IN (SELECT id FROM characters WHERE owner_id = @userId)
       OR json_extract(payload, '$.sessionId') IN (SELECT id FROM sessions WHERE owner_id = @userId
         OR character_id IN (SELECT id FROM characters WHERE owner_id = @userId)))`,
  );
  // Before sessions and characters, so the cascades below find nothing of theirs left to walk.
  const deleteMemories = db.prepare<[string]>('DELETE FROM memories WHERE owner_id = ?');
  const deleteRelationships = db.prepare<[string]>('DELETE FROM relationship_state WHERE owner_id = ?');
  const deleteSessions = db.prepare<[string]>('DELETE FROM sessions WHERE owner_id = ?');
  const deleteLorebooks = db.prepare<[string]>('DELETE FROM lorebooks WHERE owner_id = ?');
  const deleteCharacters = db.prepare<[string]>('DELETE FROM characters WHERE owner_id = ?');
  // The decision stays for review; the content goes. Classifier reasons are category scores and
  // rule ids; reasons written by the guard or the scan may quote the text, so they go too.
  const eraseAuditText = db.prepare<[string]>(
    `UPDATE audit_log SET original_text = '', revisions = '[]',
       reason = CASE WHEN source = 'classifier' AND direction IN ('input', 'output') THEN reason ELSE '' END
     WHERE owner_id = ?`,
  );
  const deleteUser = db.prepare<[string]>('DELETE FROM users WHERE id = ?');
  const selectUser = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ?');

  return (userId) => {
    if (selectUser.get(userId) === undefined) return false;
    deleteJobs.run({ userId });
    deleteMemories.run(userId);
    deleteRelationships.run(userId);
    deleteSessions.run(userId);
    deleteLorebooks.run(userId);
    deleteCharacters.run(userId);
    eraseAuditText.run(userId);
    // Personas, API keys and browser sessions go by ON DELETE CASCADE on users.
    return deleteUser.run(userId).changes > 0;
  };
}
