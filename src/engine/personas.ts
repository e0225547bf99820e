/**
 * Who the user is in a turn: the persona the turn names (it must be the owner's), else the owner's
 * default persona, else the configured `userName` and `persona` text.
 */
import { StarlingError } from '../spec/errors.js';
import type { Store } from '../spec/store.js';
import type { StarlingConfig } from './home.js';

/** The user's name (`{{user}}`) and persona description for the prompt. */
export interface PromptUser {
  userName: string;
  persona: string;
}

/** Resolves the prompt user for `ownerId`; a persona of someone else answers like a missing one. */
export async function resolvePromptUser(
  store: Store,
  config: Pick<StarlingConfig, 'userName' | 'persona'>,
  ownerId: string,
  personaId?: string,
): Promise<PromptUser> {
  if (personaId !== undefined) {
    const persona = await store.personas.get(personaId);
    if (persona === null || persona.ownerId !== ownerId) {
      throw new StarlingError('persona_not_found', `no persona with id ${personaId}`);
    }
    return { userName: persona.name, persona: persona.description };
  }
  const fallback = (await store.personas.list(ownerId)).find((persona) => persona.isDefault);
  if (fallback) return { userName: fallback.name, persona: fallback.description };
  return { userName: config.userName, persona: config.persona };
}
