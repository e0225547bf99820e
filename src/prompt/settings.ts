/** Inputs and tunables of prompt assembly. */
import type { CharacterCard, Lorebook, TokenCounter } from '../spec/index.js';

export interface PromptSettings {
  /** How many recent messages are scanned for lore keys. */
  scanDepth: number;
  /** Share of the context budget that activated lore may use. */
  loreBudgetShare: number;
  /** Recursive scanning steps after the first scan (0 = no recursion). */
  recursionDepthLimit: number;
  /** Place per-turn lore exactly where the author said instead of one block near the end. */
  strictLorePositions: boolean;
  /** When history must be trimmed, drop this share of the history budget at once. */
  historyTrimStep: number;
  caseSensitive: boolean;
  /** Whole-word key matching for Latin scripts; CJK keys always match as substrings. */
  matchWholeWords: boolean;
  /** Depth (messages from the end of history) of the per-turn lore block. */
  loreDepth: number;
  /**
   * Anchor each turn's new lore before that turn's user message and keep it there until the next
   * history trim, instead of one block at `loreDepth` rebuilt every turn: more prefix reuse, more
   * lore in the window. Ignored with `strictLorePositions`.
   */
  anchorLore: boolean;
}

export const DEFAULT_PROMPT_SETTINGS: PromptSettings = Object.freeze({
  scanDepth: 2,
  loreBudgetShare: 0.25,
  recursionDepthLimit: 3,
  strictLorePositions: false,
  historyTrimStep: 0.25,
  caseSensitive: false,
  matchWholeWords: true,
  loreDepth: 4,
  // Anchoring keeps each turn's prompt an extension of the last one (see docs/decisions/0004).
  anchorLore: true,
});

export interface HistoryMessage {
  id: string;
  role: 'user' | 'assistant' | 'system';
  content: string;
  createdAt: number;
}

export interface PromptInput {
  character: CharacterCard;
  lorebooks: { id: string; book: Lorebook }[];
  /** Oldest first; the new user message (if any) is last. */
  history: HistoryMessage[];
  userName: string;
  /** User persona description ('' if none). */
  persona: string;
  contextSize: number;
  /** Tokens kept free for the reply. */
  replyReserve: number;
  tokenCounter: TokenCounter;
  now: Date;
  /** Stable per chat: seeds {{pick}} and lore probability. */
  chatSeed: number;
  /** User turns so far, including this one (for @@activate_only_after/every). */
  turnIndex: number;
  /** Milliseconds, for {{idle_duration}}. */
  lastUserMessageAt?: number;
  /** What {{original}} stands for in the card's system_prompt. */
  defaultSystemPrompt?: string;
  /** What {{original}} stands for in the card's post_history_instructions. */
  defaultPostHistory?: string;
  settings?: Partial<PromptSettings>;
}

/** Merges partial settings over the defaults, clamping values that would break assembly. */
export function resolveSettings(partial: Partial<PromptSettings> | undefined): PromptSettings {
  const merged = { ...DEFAULT_PROMPT_SETTINGS, ...partial };
  return {
    ...merged,
    scanDepth: Math.max(0, Math.floor(merged.scanDepth)),
    loreBudgetShare: Math.min(1, Math.max(0, merged.loreBudgetShare)),
    recursionDepthLimit: Math.max(0, Math.floor(merged.recursionDepthLimit)),
    historyTrimStep: Math.min(1, Math.max(0.01, merged.historyTrimStep)),
    loreDepth: Math.max(0, Math.floor(merged.loreDepth)),
  };
}
