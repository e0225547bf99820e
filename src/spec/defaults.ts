/** Empty values of the internal model: the one place that lists every field's default. */
import type { CharacterCard } from './character.js';
import type { LorebookEntry } from './lorebook.js';

/** A valid card with the given name and every other field empty. */
export function emptyCard(name: string): CharacterCard {
  return {
    name,
    nickname: '',
    description: '',
    personality: '',
    scenario: '',
    firstMessage: '',
    alternateGreetings: [],
    groupOnlyGreetings: [],
    exampleDialogues: '',
    systemPrompt: '',
    postHistoryInstructions: '',
    creatorNotes: '',
    creatorNotesMultilingual: {},
    tags: [],
    creator: '',
    characterVersion: '',
    extensions: {},
    assets: [],
    source: [],
    creationDate: null,
    modificationDate: null,
    lorebook: null,
  };
}

/** An enabled, keyed entry with no keys or content yet, placed after the character definition. */
export function emptyLorebookEntry(id: number): LorebookEntry {
  return {
    id,
    name: '',
    keys: [],
    secondaryKeys: [],
    selective: false,
    selectiveLogic: 'and_any',
    content: '',
    enabled: true,
    constant: false,
    useRegex: false,
    caseSensitive: null,
    matchWholeWords: null,
    insertionOrder: 100,
    priority: 0,
    position: 'after_char',
    depth: 4,
    role: 'system',
    probability: 100,
    useProbability: false,
    scanDepth: null,
    preventRecursion: false,
    excludeRecursion: false,
    extensions: {},
  };
}
