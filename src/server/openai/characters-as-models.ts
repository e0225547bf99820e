/**
 * Characters as OpenAI models: the caller's own characters and the instance's shared ones, selected
 * by id, exact name or slug. A character the caller may not read is reported as not found.
 */
import { StarlingError } from '../../spec/errors.js';
import type { CharacterRecord, CharacterSummary, Store } from '../../spec/store.js';
import { modelEntry, slugOf, type OpenAIModel } from './wire.js';

/** Every character the caller may chat with, as model entries (own first). */
export async function listCharacterModels(store: Store, userId: string): Promise<OpenAIModel[]> {
  const characters = ownFirst(await store.characters.list({ ownerId: userId, includeShared: true }), userId);
  const names = new Map<string, string>();
  for (const ownerId of new Set(characters.map((character) => character.ownerId))) {
    names.set(ownerId, (await store.users.get(ownerId))?.name ?? 'starling');
  }
  return characters.map((character) => modelEntry(character, names.get(character.ownerId) ?? 'starling'));
}

/** The character a `model` value names, or `model_not_found`. */
export async function resolveCharacterModel(
  store: Store,
  userId: string,
  model: string,
): Promise<CharacterRecord> {
  const direct = await store.characters.resolve(userId, model, { includeShared: true });
  if (direct && readable(direct, userId)) return direct;
  const slug = model.toLowerCase();
  const visible = ownFirst(await store.characters.list({ ownerId: userId, includeShared: true }), userId);
  const match = visible.find((character) => slugOf(character.name) === slug);
  const record = match ? await store.characters.get(match.id) : null;
  if (record && readable(record, userId)) return record;
  throw new StarlingError(
    'model_not_found',
    `The model "${model}" does not exist: use the id or slug of one of your characters or a shared one (GET /v1/models).`,
    { details: { field: 'model' } },
  );
}

function readable(character: { ownerId: string; shared: boolean }, userId: string): boolean {
  return character.ownerId === userId || character.shared;
}

function ownFirst(characters: CharacterSummary[], userId: string): CharacterSummary[] {
  return [
    ...characters.filter((character) => character.ownerId === userId),
    ...characters.filter((character) => character.ownerId !== userId),
  ];
}
