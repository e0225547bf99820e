/**
 * Turns a parsed card document (V1 flat, V2 or V3 with `data`) into Starling's CharacterCard,
 * tolerating the sloppiness of real cards with warnings and rejecting wrong types with the path.
 */
import type { CharacterCard } from '../spec/character.js';
import type { Lorebook } from '../spec/lorebook.js';
import { cardError, invalidField, preview, warn, type ImportContext } from './context.js';
import {
  get,
  has,
  isObject,
  readNullableNumber,
  readObject,
  readString,
  readStringList,
  readStringMap,
  type JsonObject,
} from './fields.js';
import { readAssets } from './card-assets.js';
import { readCharacterBook } from './lorebook-import.js';

export type CardSpec = 'v1' | 'v2' | 'v3';

const V2_FIELDS = [
  'name',
  'description',
  'personality',
  'scenario',
  'first_mes',
  'mes_example',
  'creator_notes',
  'system_prompt',
  'post_history_instructions',
  'alternate_greetings',
  'tags',
  'creator',
  'character_version',
  'extensions',
];
const REQUIRED: Record<CardSpec, readonly string[]> = {
  v1: [],
  v2: V2_FIELDS,
  v3: [...V2_FIELDS, 'group_only_greetings'],
};
const KNOWN_DATA_FIELDS: ReadonlySet<string> = new Set([
  ...V2_FIELDS,
  'character_book',
  'group_only_greetings',
  'nickname',
  'creator_notes_multilingual',
  'source',
  'assets',
  'creation_date',
  'modification_date',
]);

/** Pre-V1 (Pygmalion/TavernAI) names for the V1 fields. */
const V1_ALIASES: Readonly<Record<string, string>> = {
  char_name: 'name',
  char_persona: 'description',
  world_scenario: 'scenario',
  char_greeting: 'first_mes',
  example_dialogue: 'mes_example',
  creatorcomment: 'creator_notes',
};
/** Top-level V1 fields that describe one app's local state, not the character. */
const V1_LOCAL_FIELDS: ReadonlySet<string> = new Set([
  'avatar',
  'chat',
  'create_date',
  'talkativeness',
  'fav',
]);

const CARD_FIELDS = ['name', 'description', 'personality', 'scenario', 'first_mes', 'mes_example'];

/** True when the object carries at least one field only a character card has. */
export function hasCardField(object: JsonObject): boolean {
  return [...CARD_FIELDS, ...Object.keys(V1_ALIASES)].some((key) => has(object, key));
}

/** Unix seconds from a date field; millisecond values (common in the wild) are converted. */
function readDate(context: ImportContext, data: JsonObject, key: string, path: string): number | null {
  const value = readNullableNumber(context, data, key, path);
  if (value === null) return null;
  if (value < 0) {
    warn(context, 'card_value_adjusted', `${path}: negative date ignored`, path);
    return null;
  }
  if (value > 1e11) {
    warn(context, 'card_value_adjusted', `${path}: milliseconds read as seconds`, path);
    return Math.floor(value / 1000);
  }
  return Math.floor(value);
}

function readBook(context: ImportContext, data: JsonObject, path: string): Lorebook | null {
  const value = get(data, 'character_book');
  if (value === undefined) return null;
  if (value === null) {
    warn(context, 'card_null_field', `${path} is null; the card has no lorebook`, path);
    return null;
  }
  return readCharacterBook(context, value, path);
}

/** Reads the V2/V3 `data` object (or a V1 card lifted into that shape). */
function readData(context: ImportContext, data: JsonObject, path: string, spec: CardSpec): CharacterCard {
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  const missing = REQUIRED[spec].filter((key) => !has(data, key));
  if (missing.length > 0) {
    warn(
      context,
      'card_missing_fields',
      `${path || 'card'}: missing ${missing.join(', ')}; defaults used`,
      path,
    );
  }
  if (spec !== 'v1') {
    const unknown = Object.keys(data).filter((key) => !KNOWN_DATA_FIELDS.has(key));
    if (unknown.length > 0) {
      const listed = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ', …' : '');
      warn(context, 'card_unknown_fields', `${path}: unknown fields ignored: ${listed}`, path);
    }
  }
  const name = readString(context, data, 'name', at('name'));
  if (name.trim() === '') warn(context, 'card_empty_name', 'the card has an empty name', at('name'));
  return {
    name,
    nickname: readString(context, data, 'nickname', at('nickname')),
    description: readString(context, data, 'description', at('description')),
    personality: readString(context, data, 'personality', at('personality')),
    scenario: readString(context, data, 'scenario', at('scenario')),
    firstMessage: readString(context, data, 'first_mes', at('first_mes')),
    alternateGreetings: readStringList(context, data, 'alternate_greetings', at('alternate_greetings')),
    groupOnlyGreetings: readStringList(context, data, 'group_only_greetings', at('group_only_greetings')),
    exampleDialogues: readString(context, data, 'mes_example', at('mes_example')),
    systemPrompt: readString(context, data, 'system_prompt', at('system_prompt')),
    postHistoryInstructions: readString(
      context,
      data,
      'post_history_instructions',
      at('post_history_instructions'),
    ),
    creatorNotes: readString(context, data, 'creator_notes', at('creator_notes')),
    creatorNotesMultilingual: readStringMap(
      context,
      data,
      'creator_notes_multilingual',
      at('creator_notes_multilingual'),
    ),
    tags: readStringList(context, data, 'tags', at('tags'), { splitCommas: true }),
    creator: readString(context, data, 'creator', at('creator')),
    characterVersion: readString(context, data, 'character_version', at('character_version')),
    extensions: readObject(context, data, 'extensions', at('extensions')),
    assets: readAssets(context, data, at('assets')),
    source: readStringList(context, data, 'source', at('source')),
    creationDate: readDate(context, data, 'creation_date', at('creation_date')),
    modificationDate: readDate(context, data, 'modification_date', at('modification_date')),
    lorebook: readBook(context, data, at('character_book')),
  };
}

/** Lifts a flat V1 card into the V2 field names; app-local fields go to extensions as SillyTavern does. */
function readV1(context: ImportContext, document: JsonObject): CharacterCard {
  const lifted = Object.fromEntries(
    Object.entries(document)
      .filter(([key]) => !V1_LOCAL_FIELDS.has(key))
      .map(([key, value]) => [
        V1_ALIASES[key] !== undefined && !has(document, V1_ALIASES[key]) ? V1_ALIASES[key] : key,
        value,
      ]),
  );
  const card = readData(context, lifted, '', 'v1');
  const carried = ['talkativeness', 'fav'].filter((key) => has(document, key) && !has(card.extensions, key));
  if (carried.length === 0) return card;
  return {
    ...card,
    extensions: {
      ...card.extensions,
      ...Object.fromEntries(carried.map((key) => [key, get(document, key)])),
    },
  };
}

/** Normalises a parsed card document and reports which spec it was. */
export function normalizeCard(
  context: ImportContext,
  document: JsonObject,
): { card: CharacterCard; spec: CardSpec } {
  const spec = get(document, 'spec');
  if (spec === 'chara_card_v3' || spec === 'chara_card_v2') {
    const cardSpec: CardSpec = spec === 'chara_card_v3' ? 'v3' : 'v2';
    const version = get(document, 'spec_version');
    const expected = cardSpec === 'v3' ? /^3(\.\d+)?$/ : /^2(\.\d+)?$/;
    if (typeof version !== 'string' || !expected.test(version)) {
      warn(
        context,
        'card_spec_version',
        `spec_version ${preview(version)} does not match ${spec}`,
        'spec_version',
      );
    }
    const data = get(document, 'data');
    if (!isObject(data)) throw invalidField(context, 'data', 'an object', data);
    return { card: readData(context, data, 'data', cardSpec), spec: cardSpec };
  }
  if (spec !== undefined && spec !== null && spec !== '') {
    throw cardError('card_invalid', `spec: unsupported card spec ${preview(spec)}`, {
      path: 'spec',
    });
  }
  const data = get(document, 'data');
  if (isObject(data) && hasCardField(data)) {
    warn(context, 'card_spec_missing', 'the card has `data` but no `spec`; read as V2', 'spec');
    return { card: readData(context, data, 'data', 'v2'), spec: 'v2' };
  }
  if (hasCardField(document)) return { card: readV1(context, document), spec: 'v1' };
  throw cardError('card_invalid', 'not a character card: none of name, description, first_mes … is present');
}
