/** Exact token counting with a GGUF model's own tokenizer and chat template. */
import type { ChatHistoryItem, ChatWrapper, LlamaModel } from 'node-llama-cpp';
import type { TokenCounter } from '../../spec/tokens.js';

/** Tokens of a history as the chat template renders it (what the model is fed). */
export function countTemplatedTokens(
  model: LlamaModel,
  chatWrapper: ChatWrapper,
  history: ChatHistoryItem[],
): number {
  const { contextText } = chatWrapper.generateContextState({ chatHistory: history });
  return contextText.tokenize(model.tokenizer).length;
}

/**
 * Builds the exact counter. `messageOverhead` is measured once: adding a user and an assistant
 * message to a templated chat costs their content tokens plus twice the per-message overhead.
 */
export function createLlamaTokenCounter(model: LlamaModel, chatWrapper: ChatWrapper): TokenCounter {
  const count = (text: string): number => (text.length === 0 ? 0 : model.tokenize(text).length);
  const sample = 'hello';
  const base: ChatHistoryItem[] = [{ type: 'user', text: sample }];
  const longer: ChatHistoryItem[] = [
    ...base,
    { type: 'model', response: [sample] },
    { type: 'user', text: sample },
  ];
  const added =
    countTemplatedTokens(model, chatWrapper, longer) - countTemplatedTokens(model, chatWrapper, base);
  const messageOverhead = Math.max(0, Math.round((added - 2 * count(sample)) / 2));
  return { count, messageOverhead, kind: 'exact' };
}
