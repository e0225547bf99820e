/** The card fields the API accepts on create and update, picked from a full card. */
import type { CardFields, CharacterCard } from '../../../src/client/index.js';

/** The editable fields of `card` (the create/update schemas are strict: nothing else may be sent). */
export function editableFields(card: CharacterCard): CardFields & { name: string } {
  return {
    name: card.name,
    nickname: card.nickname,
    description: card.description,
    personality: card.personality,
    scenario: card.scenario,
    firstMessage: card.firstMessage,
    alternateGreetings: card.alternateGreetings,
    groupOnlyGreetings: card.groupOnlyGreetings,
    exampleDialogues: card.exampleDialogues,
    systemPrompt: card.systemPrompt,
    postHistoryInstructions: card.postHistoryInstructions,
    creatorNotes: card.creatorNotes,
    creatorNotesMultilingual: card.creatorNotesMultilingual,
    tags: card.tags,
    creator: card.creator,
    characterVersion: card.characterVersion,
    extensions: card.extensions,
  };
}
