/** Converts an AI SDK V3 prompt into node-llama-cpp chat history. */
import type { LanguageModelV3Prompt, SharedV3Warning } from '@ai-sdk/provider';
import type { ChatHistoryItem } from 'node-llama-cpp';

/**
 * Maps system/user/assistant text to chat history, ending with a model item to generate into (an
 * existing trailing assistant message is continued). Non-text parts are dropped with a warning.
 */
export function toChatHistory(prompt: LanguageModelV3Prompt): {
  history: ChatHistoryItem[];
  warnings: SharedV3Warning[];
} {
  const history: ChatHistoryItem[] = [];
  const dropped = new Set<string>();
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user': {
        const texts: string[] = [];
        for (const part of message.content) {
          if (part.type === 'text') texts.push(part.text);
          else dropped.add(`user ${part.type} parts`);
        }
        history.push({ type: 'user', text: texts.join('') });
        break;
      }
      case 'assistant': {
        const texts: string[] = [];
        for (const part of message.content) {
          if (part.type === 'text') texts.push(part.text);
          else dropped.add(`assistant ${part.type} parts`);
        }
        history.push({ type: 'model', response: [texts.join('')] });
        break;
      }
      case 'tool':
        dropped.add('tool messages');
        break;
    }
  }
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  const warnings: SharedV3Warning[] = [...dropped].map((feature) => ({
    type: 'unsupported',
    feature,
    details: 'The embedded llama.cpp provider sends text only; these parts were left out of the prompt.',
  }));
  return { history, warnings };
}
