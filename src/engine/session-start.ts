/**
 * Starting a chat: the card's first message and alternate greetings, macros expanded, become sibling
 * roots (swipes) of a new session. Greetings are messages out, so they are screened first
 * (safety-greetings.ts); a withheld one never becomes a root, and the audit rows name the session.
 */
import type { CharacterRecord, MessageDraft, Store } from '../spec/store.js';
import { expandMacros } from '../prompt/index.js';
import type { StarlingConfig } from './home.js';
import { screenGreetings } from './safety-greetings.js';
import type { TurnSafety } from './safety-turn.js';

export interface SessionStartDependencies {
  store: Store;
  config: Pick<StarlingConfig, 'userName'>;
  safety: TurnSafety | undefined;
  now: () => Date;
  newId: () => string;
}

/** Creates the session with its greetings as roots; `meta.greeting` keeps the card's numbering. */
export async function startSession(
  dependencies: SessionStartDependencies,
  ownerId: string,
  character: CharacterRecord,
  title?: string,
) {
  const { store, now, newId } = dependencies;
  const card = character.card;
  const seed = Math.floor(Math.random() * 2 ** 31);
  const macroContext = {
    char: card.nickname || card.name,
    user: dependencies.config.userName,
    now: now(),
    chatSeed: seed,
  };
  const greetings = [card.firstMessage, ...card.alternateGreetings]
    .filter((text) => text.trim() !== '')
    .map((text, index) => ({ id: newId(), text: expandMacros(text, macroContext), index }));
  const screened = await screenGreetings(dependencies.safety, store, ownerId, character, greetings);
  const roots: MessageDraft[] = screened.kept.map((greeting) => ({
    id: greeting.id,
    parentId: null,
    role: 'assistant',
    content: greeting.text,
    meta: { greeting: greeting.index },
  }));
  const created = await store.sessions.create({
    ownerId,
    characterId: character.id,
    characterVersion: character.version,
    title: title ?? `${card.name} ${now().toISOString().slice(0, 16).replace('T', ' ')}`,
    seed,
    roots,
  });
  for (const audit of screened.audits) await store.audit.append({ ...audit, sessionId: created.session.id });
  return created;
}
