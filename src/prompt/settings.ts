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
  /** Share of the context budget kept for recalled memories when the input carries any. */
  memoryBudgetShare: number;
  /** Depth of the recalled-memory block (1 = just before the new user message). */
  memoryDepth: number;
  /** Most memories quoted per turn. */
  memoryMaxItems: number;
  /** Share of the context budget the long-term summaries may use (longer ones are truncated). */
  summaryBudgetShare: number;
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
  // Per-turn material near the end keeps the stable prefix intact (ARCHITECTURE "Prompt layout").
  memoryBudgetShare: 0.1,
  memoryDepth: 1,
  memoryMaxItems: 8,
  summaryBudgetShare: 0.1,
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
  /**
   * Memories recalled for this turn, best first. They are quoted as data near the end of history,
   * inside `memoryBudgetShare`; those whose messages are already in the kept history are skipped.
   * Undefined: no memory block and no reserved budget.
   */
  memories?: RecalledMemory[];
  /** Extra macro values, e.g. `affinity`, `trust`, `mood`. */
  variables?: Record<string, string>;
  /**
   * Long-term summaries (relationship, then this chat's earlier part), placed as quoted data after
   * the character part and before history, inside `summaryBudgetShare`. They change only when a new
   * summary is written, so the prefix before history stays cached between turns.
   */
  summaries?: PromptSummary[];
}

/** A model-written summary handed to the prompt. */
export interface PromptSummary {
  id: string;
  /** `relationship`: across chats with this person; `session`: the part of this chat that left the window. */
  scope: 'relationship' | 'session';
  text: string;
  /** A session summary is shown only when the messages it cites are on this branch of the chat. */
  citedMessageIds: string[];
}

/** A memory handed to the prompt: text plus where it came from. */
export interface RecalledMemory {
  id: string;
  text: string;
  citedMessageIds: string[];
  timestamp: number;
  /** Who said it (turns), or empty. */
  speaker?: string;
  /** Why it was recalled, for the prompt inspector. */
  reason?: string;
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
    memoryBudgetShare: Math.min(0.5, Math.max(0, merged.memoryBudgetShare)),
    memoryDepth: Math.max(0, Math.floor(merged.memoryDepth)),
    memoryMaxItems: Math.max(0, Math.floor(merged.memoryMaxItems)),
    summaryBudgetShare: Math.min(0.5, Math.max(0, merged.summaryBudgetShare)),
  };
}
