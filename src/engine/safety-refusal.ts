/**
 * The pieces a turn needs when safety steps in before or around the model: the stored refusal for
 * a blocked message, the card with the care note added, and the reply's `meta.safety`.
 */
import type { CharacterCard } from '../spec/character.js';
import type { MessageDraft, Store } from '../spec/store.js';
import type { TurnEvent, TurnResult } from './events.js';
import { recordAudits } from './safety-policy.js';
import type { InputGate, OutputSafety } from './safety-turn.js';

/** The drafts for a blocked message: the user message (when new) and the in-character refusal. */
export function refusalDrafts(
  gate: InputGate,
  input: {
    user: MessageDraft | null;
    parentId: string | null;
    replyId: string;
    meta?: Record<string, unknown>;
  },
): MessageDraft[] {
  const drafts: MessageDraft[] = input.user ? [input.user] : [];
  drafts.push({
    id: input.replyId,
    parentId: input.user?.id ?? input.parentId,
    role: 'assistant',
    content: gate.refusal ?? '',
    status: 'complete',
    meta: {
      finishReason: 'content-filter',
      safety: {
        action: 'block',
        categories: gate.verdict?.categories ?? [],
        stage: 'input',
        policy: gate.policy,
      } satisfies OutputSafety,
      ...input.meta,
    },
  });
  return drafts;
}

/** The card with the gate's care note added to its post-history instructions (unchanged without a note). */
export function cardWithNote(card: CharacterCard, gate: InputGate | null): CharacterCard {
  if (gate?.note == null) return card;
  const existing = card.postHistoryInstructions.trim();
  return { ...card, postHistoryInstructions: existing === '' ? gate.note : `${existing}\n\n${gate.note}` };
}

/** The reply's `meta.safety`: the output guard's result, else the input gate's steering, else none. */
export function safetyMeta(gate: InputGate | null, output: OutputSafety | null): Record<string, unknown> {
  if (output !== null) return { safety: output };
  const verdict = gate?.verdict;
  if (!gate || !verdict || (verdict.action === 'allow' && !verdict.flagged)) return {};
  const action = verdict.action === 'allow' ? 'flag' : verdict.action;
  return { safety: { action, categories: verdict.categories, stage: 'input', policy: gate.policy } };
}

/** Ends a stored-tree turn whose message was blocked: the refusal is the reply; no model call. */
export async function refuseTurn(input: {
  store: Store;
  gate: InputGate;
  sessionId: string;
  drafts: { user: MessageDraft | null; parentId: string | null };
  replyId: string;
  onEvent?: (event: TurnEvent) => void;
}): Promise<TurnResult> {
  const { gate, drafts, replyId, sessionId } = input;
  const text = gate.refusal ?? '';
  input.onEvent?.({ type: 'turn-start', sessionId, parentId: drafts.parentId });
  input.onEvent?.({ type: 'text-delta', delta: text });
  // One call, one transaction for the messages; the audit row follows with their ids.
  await input.store.messages.append(sessionId, refusalDrafts(gate, { ...drafts, replyId }), { head: 'last' });
  await recordAudits(input.store, gate.audits, {
    userMessageId: drafts.user?.id ?? drafts.parentId,
    replyId,
  });
  const result: TurnResult = {
    sessionId,
    userMessageId: drafts.user?.id ?? null,
    messageId: replyId,
    text,
    finishReason: 'content-filter',
    usage: { inputTokens: null, outputTokens: null },
  };
  input.onEvent?.({ type: 'turn-end', ...result });
  return result;
}
