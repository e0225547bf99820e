/**
 * Starling's internal lorebook model, normalised from V2/V3 `character_book`, `lorebook_v3` and
 * SillyTavern world-info files.
 */

/** Where an entry's content goes in the prompt. */
export type LorePosition =
  | 'before_char' // before the character definition
  | 'after_char' // after the character definition
  | 'before_examples'
  | 'after_examples'
  | 'at_depth'; // inside the history, `depth` messages from the end, with `role`

export type LoreRole = 'system' | 'user' | 'assistant';

/** How secondary keys combine with a primary match. */
export type SelectiveLogic = 'and_any' | 'and_all' | 'not_any' | 'not_all';

export interface LorebookEntry {
  /** Stable id within the book (card `id`, world-info `uid`); assigned on import when absent. */
  id: number;
  /** Author's label (`comment` / `name`). */
  name: string;
  keys: string[];
  secondaryKeys: string[];
  /** Whether secondary keys are evaluated (`selective`). */
  selective: boolean;
  selectiveLogic: SelectiveLogic;
  /** May start with V3 `@@decorator` lines; kept verbatim, parsed by the prompt module. */
  content: string;
  enabled: boolean;
  constant: boolean;
  /** Keys are regular expressions (`use_regex`, or `/pattern/flags` keys in world info). */
  useRegex: boolean;
  /** null: the book's / app's default. */
  caseSensitive: boolean | null;
  matchWholeWords: boolean | null;
  insertionOrder: number;
  /** Higher is kept first when the token budget runs out. */
  priority: number;
  position: LorePosition;
  depth: number;
  role: LoreRole;
  /** 0–100; applied only when `useProbability`. */
  probability: number;
  useProbability: boolean;
  /** null: the book's scan depth. */
  scanDepth: number | null;
  /** This entry's content is not scanned to trigger others. */
  preventRecursion: boolean;
  /** This entry cannot be triggered by other entries' content. */
  excludeRecursion: boolean;
  extensions: Record<string, unknown>;
}

export interface Lorebook {
  name: string;
  description: string;
  /** How many recent messages are scanned for keys; null: app default. */
  scanDepth: number | null;
  /** Token budget for activated entries; null: app default (a share of the context). */
  tokenBudget: number | null;
  recursiveScanning: boolean;
  extensions: Record<string, unknown>;
  entries: LorebookEntry[];
}
