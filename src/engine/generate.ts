/**
 * Streams one reply from any LanguageModelV3 (embedded or remote): converts the assembled prompt,
 * passes the session key for KV-cache reuse, and turns provider stream parts into text deltas and a
 * final outcome. An abort is not an error: it ends the reply with what was produced.
 */
import type { LanguageModelV3Prompt, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { StarlingError } from '../spec/errors.js';
import type { ChatModelHandle } from '../spec/model.js';
import type { PromptMessage } from '../spec/prompt.js';
import type { TurnFinishReason, TurnUsage } from './events.js';

export interface GenerateOptions {
  handle: ChatModelHandle;
  messages: PromptMessage[];
  maxOutputTokens: number;
  sessionKey: string;
  signal?: AbortSignal;
  temperature?: number;
  seed?: number;
  /** Fail with `model_timeout` when no stream part arrives for this long (ms). */
  stallTimeoutMs?: number;
  onDelta?: (delta: string) => void;
}

export interface GenerateOutcome {
  text: string;
  finishReason: TurnFinishReason;
  usage: TurnUsage;
  /** Set when the provider failed after producing some text; the text is kept. */
  error: StarlingError | null;
}

/** Converts prompt-module messages to the AI SDK prompt shape. */
export function toProviderPrompt(messages: PromptMessage[]): LanguageModelV3Prompt {
  return messages.map((message) =>
    message.role === 'system'
      ? { role: 'system', content: message.content }
      : { role: message.role, content: [{ type: 'text', text: message.content }] },
  );
}

/** Runs the model and collects the reply, reporting each delta as it arrives. */
export async function generateReply(options: GenerateOptions): Promise<GenerateOutcome> {
  const { handle, signal } = options;
  let text = '';
  let finishReason: TurnFinishReason = 'other';
  let usage: TurnUsage = { inputTokens: null, outputTokens: null };
  const aborted = (): boolean => signal?.aborted === true;
  // The provider gets its own signal so a stall can stop it without looking like a caller's abort.
  const providerAbort = new AbortController();
  const forwardAbort = () => providerAbort.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  if (aborted()) providerAbort.abort();
  const stallError = (): StarlingError =>
    new StarlingError(
      'model_timeout',
      `the model ${handle.name} sent nothing for ${Math.round((options.stallTimeoutMs ?? 0) / 1000)} s`,
    );
  let stalled = false;
  try {
    const { stream } = await raceStall(
      handle.model.doStream({
        prompt: toProviderPrompt(options.messages),
        maxOutputTokens: options.maxOutputTokens,
        temperature: options.temperature,
        seed: options.seed,
        abortSignal: providerAbort.signal,
        providerOptions: { starling: { sessionKey: options.sessionKey } },
      }),
      options.stallTimeoutMs,
      stallError,
      providerAbort,
    );
    const reader = stream.getReader();
    // One timer for the whole stream, re-armed per part (a timer and a race per token cost more than
    // the token itself at high concurrency). When it fires, cancelling the reader ends the pending read.
    const watchdog =
      options.stallTimeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            stalled = true;
            providerAbort.abort();
            void reader.cancel().catch(() => undefined);
          }, options.stallTimeoutMs);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (stalled) throw stallError();
        if (done) break;
        watchdog?.refresh();
        const part: LanguageModelV3StreamPart = value;
        if (part.type === 'text-delta') {
          text += part.delta;
          options.onDelta?.(part.delta);
        } else if (part.type === 'finish') {
          finishReason = mapFinishReason(part.finishReason.unified);
          usage = {
            inputTokens: part.usage.inputTokens.total ?? null,
            outputTokens: part.usage.outputTokens.total ?? null,
          };
        } else if (part.type === 'error') {
          throw part.error;
        }
        if (aborted()) break;
      }
    } finally {
      clearTimeout(watchdog);
      if (providerAbort.signal.aborted) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } catch (error) {
    if (aborted()) return { text, finishReason: 'abort', usage, error: null };
    if (stalled) return { text, finishReason: 'error', usage, error: stallError() };
    if (StarlingError.isInstance(error) && error.code === 'model_timeout') {
      return { text, finishReason: 'error', usage, error };
    }
    const wrapped = new StarlingError('model_failed', `the model ${handle.name} failed: ${describe(error)}`, {
      cause: error,
    });
    return { text, finishReason: 'error', usage, error: wrapped };
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
  }
  if (aborted()) finishReason = 'abort';
  return { text, finishReason, usage, error: null };
}

/** Resolves like `promise` unless it takes longer than `timeoutMs`; then aborts the provider and throws the stall error. */
function raceStall<T>(
  promise: PromiseLike<T>,
  timeoutMs: number | undefined,
  stallError: () => StarlingError,
  providerAbort: AbortController,
): Promise<T> {
  if (timeoutMs === undefined) return Promise.resolve(promise);
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      providerAbort.abort();
      reject(stallError());
    }, timeoutMs);
  });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

function mapFinishReason(unified: string): TurnFinishReason {
  switch (unified) {
    case 'stop':
    case 'length':
    case 'content-filter':
    case 'error':
    case 'other':
      return unified;
    default:
      return 'other';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
