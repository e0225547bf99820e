/** Writes a Starling card as V3 and V2 card objects (snake_case, as the specs name the fields). */
import type { CharacterCard } from '../spec/character.js';
import { bookToObject } from './lore-export.js';

/** The fields V2 and V3 share. */
function commonData(card: CharacterCard): Record<string, unknown> {
  return {
    name: card.name,
    description: card.description,
    personality: card.personality,
    scenario: card.scenario,
    first_mes: card.firstMessage,
    mes_example: card.exampleDialogues,
    creator_notes: card.creatorNotes,
    system_prompt: card.systemPrompt,
    post_history_instructions: card.postHistoryInstructions,
    alternate_greetings: [...card.alternateGreetings],
    tags: [...card.tags],
    creator: card.creator,
    character_version: card.characterVersion,
    extensions: { ...card.extensions },
    ...(card.lorebook === null ? {} : { character_book: bookToObject(card.lorebook) }),
  };
}

/** The card as a Character Card V3 object. Optional V3 fields are written only when set. */
export function toV3Object(card: CharacterCard): {
  spec: 'chara_card_v3';
  spec_version: '3.0';
  data: Record<string, unknown>;
} {
  const data: Record<string, unknown> = {
    ...commonData(card),
    group_only_greetings: [...card.groupOnlyGreetings],
    ...(card.nickname === '' ? {} : { nickname: card.nickname }),
    ...(Object.keys(card.creatorNotesMultilingual).length === 0
      ? {}
      : { creator_notes_multilingual: { ...card.creatorNotesMultilingual } }),
    ...(card.source.length === 0 ? {} : { source: [...card.source] }),
    ...(card.assets.length === 0 ? {} : { assets: card.assets.map((asset) => ({ ...asset })) }),
    ...(card.creationDate === null ? {} : { creation_date: card.creationDate }),
    ...(card.modificationDate === null ? {} : { modification_date: card.modificationDate }),
  };
  return { spec: 'chara_card_v3', spec_version: '3.0', data };
}

/** The card as a Character Card V2 object (the backfill older apps read); V3-only fields are dropped. */
export function toV2Object(card: CharacterCard): {
  spec: 'chara_card_v2';
  spec_version: '2.0';
  data: Record<string, unknown>;
} {
  return { spec: 'chara_card_v2', spec_version: '2.0', data: commonData(card) };
}
