/**
 * Safety in the turn pipeline: the policy for a turn (deployment, character, user), the input gate
 * before the model, the streaming output guard around it, and the audit rows both write. Stored-tree
 * turns (chat-service) and OpenAI-style turns (external-turn) use the same pieces.
 */
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { AuditDraft, AuditSource } from '../spec/audit-store.js';
import type { Store } from '../spec/store.js';
import {
  createLlmGuard,
  createReviser,
  detectLanguage,
  PREVIOUS_TURN_CHARS,
  screenInConversation,
  screenStream,
  screenWithGuard,
} from '../safety/index.js';
import type {
  Category,
  GuardContext,
  StreamScreenResult,
  GuardedVerdict,
  Language,
  LlmGuard,
  ModerationVerdict,
  Moderator,
  PolicyName,
} from '../safety/index.js';
import type { GenerateOutcome } from './generate.js';
import { auditDraft, resolvePolicy, type SafetySubject } from './safety-policy.js';
import { inputRefusal, outputClosing, safetyNote } from './safety-lines.js';
import { createDeltaQueue, createRechunker } from './safety-stream.js';

/** What a turn needs to apply safety; built once by the composition root. */
export interface TurnSafety {
  store: Store;
  /** The moderator, loaded on first use. */
  moderator: () => Promise<Moderator>;
  /** The deployment's policy (config `safetyPolicy`). */
  policy: PolicyName;
  /** Critique-and-revise rounds with the chat model; 0 uses the written fallback only. */
  reviseRounds: number;
  /**
   * Ask the LLM guard (the chat model) about flagged-but-allowed texts (config `safetyGuard`). Off by
   * default: a random-weights model would judge at random.
   */
  guard?: boolean;
  /**
   * The guard's model when a turn names none (the default chat model). Turns pass their own model
   * (`screenTurnInput`'s `turnModel`, `guardOutput`'s `model`), so a per-turn `--model` judges too.
   */
  guardModel?: () => Promise<LanguageModelV3 | null>;
  /** The guard's time limit per call; a timeout is "no verdict" (default {@link GUARD_TIMEOUT_MS}). */
  guardTimeoutMs?: number;
}

/** The audit source of rows decided by the LLM guard. */
export const GUARD_SOURCE = 'llm_guard' satisfies AuditSource;
/** Default time limit of one guard call. */
export const GUARD_TIMEOUT_MS = 8000;
/** Most guard calls per turn: one for the user's message, two for reply sentences. */
export const GUARD_CALLS = { input: 1, output: 2 } as const;

/** The guard over `model` for this turn, or null when the guard is off or no model is at hand. */
function turnGuard(safety: TurnSafety, model: LanguageModelV3 | null, policy: PolicyName): LlmGuard | null {
  if (safety.guard !== true || model === null) return null;
  return createLlmGuard(model, { policy, timeoutMs: safety.guardTimeoutMs ?? GUARD_TIMEOUT_MS });
}

/** Asks the guard about an uncertain verdict; never throws (no model: the built-in verdict stands). */
async function askGuard(
  safety: TurnSafety,
  model: LanguageModelV3 | null | (() => Promise<LanguageModelV3 | null>),
  local: ModerationVerdict,
  text: string,
  context: GuardContext & { policy: PolicyName },
): Promise<GuardedVerdict | null> {
  if (safety.guard !== true || !local.flagged || local.action !== 'allow') return null;
  let resolved: LanguageModelV3 | null;
  try {
    resolved = typeof model === 'function' ? await model() : model;
  } catch {
    return null;
  }
  const guard = turnGuard(safety, resolved, context.policy);
  if (guard === null) return null;
  const guarded = await screenWithGuard(local, text, guard, context);
  return guarded.guard === null ? null : guarded;
}

/** The input gate's decision for one turn. */
export interface InputGate {
  policy: PolicyName;
  language: Language;
  verdict: ModerationVerdict | null;
  /** Set when the message is blocked: the in-character reply that replaces the model's. */
  refusal: string | null;
  /** Set when the model should answer with care: a note for the post-history instructions. */
  note: string | null;
  /** Audit rows to append once the turn's message ids are stored. */
  audits: AuditDraft[];
}

/** The person's message before the newest one, when the conversation ends with a user message. */
export function previousUserText(messages: readonly { role: string; content: string }[]): string | null {
  if (messages.at(-1)?.role !== 'user') return null;
  return messages.filter((message) => message.role === 'user').at(-2)?.content ?? null;
}

/**
 * Screens the user's message before the model (`userText` null: nothing new to screen), alone and
 * read together with the same person's previous message (`previousText`), so a request split
 * across two messages is seen whole. The guard, when on, judges with `turnModel` (the model this
 * turn will answer with), opened only when a verdict is uncertain; without one it falls back to
 * `safety.guardModel`.
 */
export async function screenTurnInput(
  safety: TurnSafety | undefined,
  subject: SafetySubject,
  userText: string | null,
  turnModel?: () => Promise<LanguageModelV3 | null>,
  previousText: string | null = null,
): Promise<InputGate | null> {
  if (safety === undefined) return null;
  const policy = resolvePolicy(safety.policy, subject.extensions, subject.minor);
  const language = detectLanguage(userText ?? '');
  const gate: InputGate = { policy, language, verdict: null, refusal: null, note: null, audits: [] };
  if (userText === null || userText.trim() === '') return gate;
  const moderator = await safety.moderator();
  let verdict: ModerationVerdict = screenInConversation(moderator, userText, previousText, {
    direction: 'input',
    policy,
    language,
    characterName: subject.characterName,
  });
  const guarded = await askGuard(safety, turnModel ?? safety.guardModel ?? null, verdict, userText, {
    direction: 'input',
    policy,
    language,
    characterName: subject.characterName,
    ...(previousText === null ? {} : { previousText: previousText.slice(-PREVIOUS_TURN_CHARS) }),
  });
  const judged = guarded?.guard?.status === 'judged';
  if (guarded !== null) verdict = judged ? guarded : { ...verdict, reason: guarded.reason };
  gate.verdict = verdict;
  if (verdict.action === 'block') {
    gate.refusal = inputRefusal(subject.characterName, verdict.categories, language);
  } else if (verdict.action === 'revise') {
    gate.note = safetyNote(subject.characterName, verdict.categories, language);
  }
  if (verdict.action !== 'allow' || verdict.flagged) {
    const draft = auditDraft(subject, policy, 'input', verdict, userText);
    gate.audits.push(judged ? { ...draft, source: GUARD_SOURCE } : draft);
  }
  return gate;
}

/** How the output guard ended, for the stored reply's `meta.safety`. */
export interface OutputSafety {
  action: 'block' | 'revise' | 'flag';
  categories: Category[];
  stage: 'input' | 'output';
  policy: PolicyName;
}

/** A guarded generation: the outcome with the final text, plus meta and audit rows. */
export interface GuardedOutcome {
  outcome: GenerateOutcome;
  safety: OutputSafety | null;
  audits: AuditDraft[];
}

/**
 * Runs `generate` with its deltas screened sentence by sentence: nothing reaches `onDelta` before
 * it was screened. Block: the model is stopped, the released text plus an in-character closing is
 * the reply. Revise: the held-back rest is rewritten (reviser with `model`, else the fallback).
 */
export async function guardOutput(
  safety: TurnSafety | undefined,
  subject: SafetySubject,
  gate: InputGate | null,
  input: {
    userText: string;
    model: LanguageModelV3 | null;
    signal?: AbortSignal;
    onDelta?: (delta: string) => void;
    generate: (onDelta: (delta: string) => void, signal?: AbortSignal) => Promise<GenerateOutcome>;
  },
): Promise<GuardedOutcome> {
  if (safety === undefined || gate === null) {
    const outcome = await input.generate((delta) => input.onDelta?.(delta), input.signal);
    return { outcome, safety: null, audits: [] };
  }
  const moderator = await safety.moderator();
  const stop = new AbortController();
  const signal = input.signal ? AbortSignal.any([input.signal, stop.signal]) : stop.signal;
  const queue = createDeltaQueue();
  const chunks = createRechunker();
  const emit = (text: string): void => {
    for (const delta of chunks.release(text)) input.onDelta?.(delta);
  };
  const context = { direction: 'output' as const, policy: gate.policy, characterName: subject.characterName };
  const flagged = new Set<Category>();
  const flaggedText: string[] = [];
  const guardNotes: string[] = [];
  let guardCalls = 0;
  // A guard block/revise on a sentence the built-in screen released: the turn ends as if it were built-in.
  let overridden = null as {
    status: 'blocked' | 'revise';
    verdict: ModerationVerdict;
    withheld: string;
  } | null;
  let released = '';
  const screening = (async (): Promise<StreamScreenResult> => {
    const events = screenStream(queue, { moderator, context });
    for (;;) {
      const next = await events.next();
      if (next.done === true) return next.value;
      const event = next.value;
      if (overridden !== null) {
        // Revise by the guard: read the rest without releasing it (the screen's own stop adds its part).
        if (event.type === 'text') overridden.withheld += event.text;
        else if (event.type === 'block') stop.abort();
        continue;
      }
      if (event.type === 'text') {
        if (event.verdict.flagged && guardCalls < GUARD_CALLS.output) {
          const guarded = await askGuard(
            safety,
            input.model ?? safety.guardModel ?? null,
            event.verdict,
            event.text,
            {
              ...context,
              userText: input.userText,
              language: detectLanguage(input.userText + event.text),
            },
          );
          if (guarded !== null) {
            guardCalls += 1;
            if (guarded.guard?.status === 'none') guardNotes.push(`guard: ${guarded.guard.reason}`);
            if (guarded.action === 'block' || guarded.action === 'revise') {
              overridden = {
                status: guarded.action === 'block' ? 'blocked' : 'revise',
                verdict: guarded,
                withheld: event.text,
              };
              if (guarded.action === 'block') {
                stop.abort();
                await events.return(undefined as never);
                return { status: 'complete', released, withheld: '', verdict: null, sentences: 0 };
              }
              continue;
            }
          }
        }
        released += event.text;
        emit(event.text);
        if (event.verdict.flagged) {
          event.verdict.categories.forEach((category) => flagged.add(category));
          flaggedText.push(event.text);
        }
      } else if (event.type === 'block') {
        stop.abort();
      }
    }
  })();
  let outcome: GenerateOutcome;
  try {
    outcome = await input.generate((delta) => {
      chunks.record(delta);
      queue.push(delta);
    }, signal);
  } finally {
    // Also on a throw: the screen must finish so nothing is left waiting on the queue.
    queue.end();
  }
  const screened = await screening;
  const result: StreamScreenResult =
    overridden === null
      ? screened
      : {
          status: overridden.status === 'blocked' || screened.status === 'blocked' ? 'blocked' : 'revise',
          released,
          withheld: overridden.withheld + screened.withheld,
          verdict: overridden.verdict,
          sentences: screened.sentences,
        };
  const audits: AuditDraft[] = [];
  if (result.status === 'complete' || result.verdict === null) {
    if (flagged.size === 0) return { outcome, safety: null, audits };
    const categories = [...flagged];
    const local = moderator.screen(flaggedText.join(''), context);
    const reason = [local.reason, ...guardNotes].join('; ');
    const verdict = { ...local, categories, reason };
    audits.push(auditDraft(subject, gate.policy, 'output', verdict, flaggedText.join(''), 'flag'));
    return { outcome, safety: { action: 'flag', categories, stage: 'output', policy: gate.policy }, audits };
  }
  const verdict = result.verdict;
  const language = detectLanguage(input.userText + result.released + result.withheld);
  let tail: string;
  let revisions: AuditDraft['revisions'] = [];
  if (result.status === 'blocked') {
    tail = outputClosing(subject.characterName, verdict.categories, language);
  } else {
    const reviser = createReviser(reviserModel(input.model, safety.reviseRounds), {
      maxRounds: Math.max(1, safety.reviseRounds),
      moderator,
      policy: gate.policy,
    });
    const revised = await reviser.revise({
      text: result.withheld,
      userText: input.userText,
      characterName: subject.characterName,
      categories: verdict.categories,
      language,
    });
    tail = (result.released === '' || /\s$/.test(result.released) ? '' : ' ') + revised.final.trim();
    revisions = revised.rounds;
  }
  input.onDelta?.(tail);
  const action = result.status === 'blocked' ? 'block' : 'revise';
  audits.push({
    ...auditDraft(subject, gate.policy, 'output', verdict, result.released + result.withheld, action),
    revisions,
    ...(overridden === null ? {} : { source: GUARD_SOURCE }),
  });
  return {
    outcome: {
      ...outcome,
      text: result.released + tail,
      finishReason: result.status === 'blocked' ? 'content-filter' : outcome.finishReason,
    },
    safety: { action, categories: verdict.categories, stage: 'output', policy: gate.policy },
    audits,
  };
}

/** The reviser's model: the chat model when rounds are allowed, else one that always fails (fallback). */
function reviserModel(model: LanguageModelV3 | null, rounds: number): LanguageModelV3 {
  if (model !== null && rounds > 0) return model;
  const fail = async (): Promise<never> => {
    throw new Error('no model for revision');
  };
  return {
    specificationVersion: 'v3',
    provider: 'starling',
    modelId: 'no-reviser',
    supportedUrls: {},
    doGenerate: fail,
    doStream: fail,
  };
}
