/**
 * Helpers shared by the store conformance suite: full test cards and lorebooks built locally (the
 * suite must not depend on the card importer), and an assertion for StarlingError codes.
 */
import { emptyCard, emptyLorebookEntry } from '../spec/index.js';
import { expect } from 'vitest';
import type { CharacterCard } from '../spec/character.js';
import { StarlingError } from '../spec/errors.js';
import type { Lorebook, LorebookEntry } from '../spec/lorebook.js';
import type { Store } from '../spec/store.js';

/** Returns the store under test; valid inside `it` blocks only. */
export type CurrentStore = () => Store;

/** A complete character card with every field set, overridable per test. */
export function makeCard(overrides: Partial<CharacterCard> = {}): CharacterCard {
  return {
    ...emptyCard('Alice'),
    description: '{{char}} is a curious librarian.',
    personality: 'curious, kind',
    scenario: 'A quiet library at night.',
    firstMessage: 'Hello, {{user}}.',
    alternateGreetings: ['Oh, a visitor!'],
    exampleDialogues: '<START>\n{{user}}: Hi\n{{char}}: Welcome.',
    creatorNotes: 'Test card.',
    creatorNotesMultilingual: { en: 'Test card.' },
    tags: ['fantasy'],
    creator: 'tester',
    characterVersion: '1.0',
    extensions: { 'x-test': { kept: true } },
    assets: [{ type: 'icon', uri: 'ccdefault:', name: 'main', ext: 'png' }],
    creationDate: 1_700_000_000,
    ...overrides,
  };
}

/** A complete lorebook entry, overridable per test. */
export function makeEntry(overrides: Partial<LorebookEntry> = {}): LorebookEntry {
  return {
    ...emptyLorebookEntry(1),
    name: 'library',
    keys: ['library'],
    content: 'The library has ten thousand books.',
    priority: 10,
    ...overrides,
  };
}

/** A complete lorebook with one entry, overridable per test. */
export function makeLorebook(overrides: Partial<Lorebook> = {}): Lorebook {
  return {
    name: 'World',
    description: 'Places and people.',
    scanDepth: null,
    tokenBudget: null,
    recursiveScanning: false,
    extensions: {},
    entries: [makeEntry()],
    ...overrides,
  };
}

/** Asserts that `action` rejects with a StarlingError carrying `code`, and returns it. */
export async function expectStarlingError(action: Promise<unknown>, code: string): Promise<StarlingError> {
  let caught: unknown;
  try {
    await action;
  } catch (error) {
    caught = error;
  }
  expect(StarlingError.isInstance(caught), `expected StarlingError ${code}, got ${String(caught)}`).toBe(
    true,
  );
  const error = caught as StarlingError;
  expect(error.code).toBe(code);
  return error;
}

/** Waits long enough for a millisecond clock to move, so "newest first" orders are unambiguous. */
export function nextMillisecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3));
}

/** Makes the local user and one character, the starting point of most session tests. */
export async function seedCharacter(store: Store, card: CharacterCard = makeCard()) {
  const user = await store.users.ensureLocal();
  const character = await store.characters.create(user.id, card);
  return { user, character };
}
