/** Small builders for prompt tests: a card, a lorebook, entries, and an exact word counter. */
import { emptyCard, emptyLorebookEntry } from '../../spec/index.js';
import type { CharacterCard, Lorebook, LorebookEntry, TokenCounter } from '../../spec/index.js';
import type { HistoryMessage, PromptInput } from '../settings.js';

/** One token per whitespace-separated word and one per CJK character; overhead 2 per message. */
export const wordCounter: TokenCounter = {
  kind: 'exact',
  messageOverhead: 2,
  count(text) {
    const cjk = text.match(/\p{sc=Han}/gu)?.length ?? 0;
    const words = text
      .replace(/\p{sc=Han}/gu, ' ')
      .split(/\s+/)
      .filter(Boolean).length;
    return cjk + words;
  },
};

/** A card with every prompt field empty except those given. */
export function makeCard(overrides: Partial<CharacterCard> = {}): CharacterCard {
  return {
    ...emptyCard('Mira'),
    ...overrides,
  };
}

let nextId = 1;

/** An enabled, keyed, non-selective entry placed after the character definition. */
export function makeEntry(overrides: Partial<LorebookEntry> = {}): LorebookEntry {
  const id = nextId++;
  return {
    ...emptyLorebookEntry(id),
    name: `entry${id}`,
    content: `content ${id}`,
    ...overrides,
  };
}

/** A book with recursion on and app defaults elsewhere. */
export function makeBook(entries: LorebookEntry[], overrides: Partial<Lorebook> = {}): Lorebook {
  return {
    name: 'Test book',
    description: '',
    scanDepth: null,
    tokenBudget: null,
    recursiveScanning: true,
    extensions: {},
    entries,
    ...overrides,
  };
}

/** Alternating user/assistant messages, user first, with ids m0, m1, … */
export function makeHistory(contents: string[]): HistoryMessage[] {
  return contents.map((content, index) => ({
    id: `m${index}`,
    role: index % 2 === 0 ? 'user' : 'assistant',
    content,
    createdAt: 1_700_000_000_000 + index * 60_000,
  }));
}

/** A complete input with small defaults. */
export function makeInput(overrides: Partial<PromptInput> = {}): PromptInput {
  return {
    character: makeCard({ description: 'Mira is a cartographer.' }),
    lorebooks: [],
    history: makeHistory(['Hello there']),
    userName: 'Ann',
    persona: '',
    contextSize: 4096,
    replyReserve: 256,
    tokenCounter: wordCounter,
    now: new Date(Date.UTC(2025, 0, 15, 9, 5)),
    chatSeed: 42,
    turnIndex: 1,
    ...overrides,
  };
}
