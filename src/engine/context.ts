/**
 * Loads what a turn needs from the store: the session, the character version it started on, the
 * lorebooks that apply, and the active branch.
 */
import { StarlingError } from '../spec/errors.js';
import type { CharacterRecord, MessageRecord, SessionRecord, Store } from '../spec/store.js';
import type { Lorebook } from '../spec/lorebook.js';

export interface TurnContext {
  session: SessionRecord;
  character: CharacterRecord;
  lorebooks: { id: string; book: Lorebook }[];
  /** Root-to-head path of the active branch. */
  path: MessageRecord[];
}

/** Reads a session and everything its next turn depends on, or throws `session_not_found`. */
export async function loadTurnContext(
  store: Store,
  sessionId: string,
  ownerId: string,
): Promise<TurnContext> {
  const session = await store.sessions.get(sessionId);
  if (!session || session.ownerId !== ownerId) {
    throw new StarlingError('session_not_found', `no session with id ${sessionId}`);
  }
  const character = await store.characters.getVersion(session.characterId, session.characterVersion);
  if (!character) {
    throw new StarlingError(
      'character_not_found',
      `session ${sessionId} refers to character ${session.characterId} v${session.characterVersion}, which no longer exists`,
    );
  }
  const path = session.headId ? await store.messages.path(session.headId) : [];
  return { session, character, lorebooks: await lorebooksFor(store, character), path };
}

/** The character's embedded book first, then attached and global books. */
export async function lorebooksFor(
  store: Store,
  character: CharacterRecord,
): Promise<{ id: string; book: Lorebook }[]> {
  const books: { id: string; book: Lorebook }[] = [];
  if (character.card.lorebook) books.push({ id: 'card', book: character.card.lorebook });
  for (const record of await store.lorebooks.forCharacter(character.id)) {
    books.push({ id: record.id, book: record.book });
  }
  return books;
}

/** Finds a message and checks that it belongs to the session. */
export async function messageInSession(
  store: Store,
  sessionId: string,
  messageId: string,
): Promise<MessageRecord> {
  const message = await store.messages.get(messageId);
  if (!message || message.sessionId !== sessionId) {
    throw new StarlingError('message_not_found', `no message ${messageId} in session ${sessionId}`);
  }
  return message;
}
