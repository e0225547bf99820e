/**
 * The messages one turn stores: the user message (when the turn added one) and the reply, with the
 * reply's status and the metadata the inspector and memory read. Shared by stored-tree turns and
 * OpenAI-style turns so both record a turn the same way.
 */
import type { AssembledPrompt } from '../spec/prompt.js';
import type { MessageDraft } from '../spec/store.js';
import type { GenerateOutcome } from './generate.js';

/** The drafts to append in one transaction; a failure before any text keeps only the user message. */
export function turnDrafts(input: {
  user: MessageDraft | null;
  parentId: string | null;
  replyId: string;
  outcome: GenerateOutcome;
  modelName: string;
  prompt: AssembledPrompt;
  meta?: Record<string, unknown>;
}): MessageDraft[] {
  const { outcome, prompt } = input;
  const drafts: MessageDraft[] = input.user ? [input.user] : [];
  if (outcome.error !== null && outcome.text.length === 0) return drafts;
  drafts.push({
    id: input.replyId,
    parentId: input.user?.id ?? input.parentId,
    role: 'assistant',
    content: outcome.text,
    status: outcome.error ? 'error' : outcome.finishReason === 'abort' ? 'incomplete' : 'complete',
    meta: {
      model: input.modelName,
      finishReason: outcome.finishReason,
      usage: outcome.usage,
      lore: prompt.lore.map((entry) => entry.id),
      ...(prompt.memories === undefined ? {} : { memories: prompt.memories.map((memory) => memory.id) }),
      promptTokens: prompt.tokens.total,
      ...input.meta,
    },
  });
  return drafts;
}
