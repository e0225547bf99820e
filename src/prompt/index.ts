/** The prompt module: macros, lorebook activation, prompt layout, context budget, token estimates. */
export { DEFAULT_PROMPT_SETTINGS, resolveSettings } from './settings.js';
export type {
  HistoryMessage,
  PromptInput,
  PromptSettings,
  PromptSummary,
  RecalledMemory,
} from './settings.js';
export { expandMacros, expandNameMacros } from './macros.js';
export type { MacroContext } from './macros.js';
export { activateLore } from './lore-activation.js';
export type { ActivatedEntry, LoreActivation, LoreActivationInput, SkippedEntry } from './lore-activation.js';
export { createLoreCache } from './lore-entry.js';
export type { LoreCache } from './lore-entry.js';
export { findRegexHazard } from './regex-safety.js';
export { assemblePrompt, createPromptAssembler } from './assembler.js';
export type { AssembledPromptReport, PromptAssembler, PromptAssemblerOptions } from './assembler.js';
export { createTokenCache } from './token-cache.js';
export type { TokenCache } from './token-cache.js';
export { BUILT_IN_SYSTEM_PROMPT } from './prompt-parts.js';
