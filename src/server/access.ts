/**
 * Ownership checks shared by the routes. Another user's private resource answers exactly like a
 * missing one (404), so ids reveal nothing; a shared character can be read by everyone but changed
 * only by its owner (403).
 */
import { StarlingError } from '../spec/errors.js';
import type { PersonaRecord } from '../spec/persona-store.js';
import type { CharacterRecord, LorebookRecord, MessageRecord, SessionRecord, Store } from '../spec/store.js';

/** A character the user may read (own or shared), else `character_not_found`. */
export async function readableCharacter(store: Store, userId: string, id: string): Promise<CharacterRecord> {
  const record = await store.characters.get(id);
  if (!record || (record.ownerId !== userId && !record.shared)) {
    throw new StarlingError('character_not_found', `no character with id ${id}`);
  }
  return record;
}

/** A character the user owns; a shared one of someone else is `forbidden`. */
export async function ownedCharacter(store: Store, userId: string, id: string): Promise<CharacterRecord> {
  const record = await readableCharacter(store, userId, id);
  if (record.ownerId !== userId) {
    throw new StarlingError('forbidden', `character ${id} is shared with you; only its owner can change it`);
  }
  return record;
}

/** A session the user owns, else `session_not_found`. */
export async function ownedSession(store: Store, userId: string, id: string): Promise<SessionRecord> {
  const session = await store.sessions.get(id);
  if (!session || session.ownerId !== userId)
    throw new StarlingError('session_not_found', `no session with id ${id}`);
  return session;
}

/** A message in one of the user's sessions, with its session; else `message_not_found`. */
export async function ownedMessage(
  store: Store,
  userId: string,
  id: string,
): Promise<{ message: MessageRecord; session: SessionRecord }> {
  const message = await store.messages.get(id);
  const session = message ? await store.sessions.get(message.sessionId) : null;
  if (!message || !session || session.ownerId !== userId) {
    throw new StarlingError('message_not_found', `no message with id ${id}`);
  }
  return { message, session };
}

/** A lorebook the user owns, else `lorebook_not_found`. */
export async function ownedLorebook(store: Store, userId: string, id: string): Promise<LorebookRecord> {
  const record = await store.lorebooks.get(id);
  if (!record || record.ownerId !== userId)
    throw new StarlingError('lorebook_not_found', `no lorebook with id ${id}`);
  return record;
}

/** A persona the user owns, else `persona_not_found`. */
export async function ownedPersona(store: Store, userId: string, id: string): Promise<PersonaRecord> {
  const record = await store.personas.get(id);
  if (!record || record.ownerId !== userId)
    throw new StarlingError('persona_not_found', `no persona with id ${id}`);
  return record;
}
