/** A chat model ready for use: the AI SDK contract plus what prompt budgeting needs to know. */
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { TokenCounter } from './tokens.js';

export interface ChatModelHandle {
  /** Display name: the config name or the GGUF file name. */
  readonly name: string;
  readonly model: LanguageModelV3;
  readonly tokenCounter: TokenCounter;
  /** Context window in tokens that prompts must fit in. */
  readonly contextSize: number;
  /** The model can call tools (function calling); turns offer tools only to such models. */
  readonly toolCalls?: boolean;
  /** Frees native memory (embedded models). Safe to call twice. */
  dispose(): Promise<void>;
}

/**
 * Provider options Starling passes through `providerOptions.starling` on each call. The embedded
 * provider uses `sessionKey` to keep one KV-cache sequence per chat session and reuse its prefix.
 */
export interface StarlingProviderOptions {
  sessionKey?: string;
}
