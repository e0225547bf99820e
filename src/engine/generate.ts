/**
 * Streams one reply from any LanguageModelV3 (embedded or remote): converts the assembled prompt,
 * passes the session key for KV-cache reuse, and turns provider stream parts into text deltas and a
 * final outcome. An abort is not an error: it ends the reply with what was produced.
 *
 * With tools, a reply takes rounds: when a round ends with tool calls, they are run (validated by
 * the registry; errors go back to the model as results), the calls and results are appended to the
 * prompt and the model continues, at most `maxRounds` times; the round after that is offered the
 * tools with `toolChoice: none`, so the reply ends in text. Only text reaches `onDelta` and the
 * outcome: tool calls and results never do.
 */
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3FunctionTool,
  LanguageModelV3Message,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3ToolCall,
} from '@ai-sdk/provider';
import { StarlingError } from '../spec/errors.js';
import type { ChatModelHandle } from '../spec/model.js';
import type { PromptMessage } from '../spec/prompt.js';
import type { ToolCallRequest, ToolErrorCode, ToolJson, ToolResult } from '../spec/tools.js';
import type { TurnFinishReason, TurnUsage } from './events.js';

/** Tools offered during one reply. */
export interface GenerateTools {
  definitions: LanguageModelV3FunctionTool[];
  /** Validates and runs one call; never throws (see the tool registry). */
  execute: (call: ToolCallRequest) => Promise<ToolResult>;
  /** Rounds of tool calls run before the model must answer in text. */
  maxRounds: number;
}

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
  tools?: GenerateTools;
}

/** What the reply's metadata keeps about one tool call (no remembered text; see `ToolOutput.summary`). */
export interface ToolCallRecord {
  round: number;
  name: string;
  ok: boolean;
  /** Set when the call was not run or failed; `skipped`: made after the last tool round. */
  error?: ToolErrorCode | 'skipped';
  summary?: Record<string, ToolJson>;
}

export interface GenerateOutcome {
  text: string;
  finishReason: TurnFinishReason;
  usage: TurnUsage;
  /** Set when the provider failed after producing some text; the text is kept. */
  error: StarlingError | null;
  /** Tool calls in call order (absent without tools). */
  toolCalls?: ToolCallRecord[];
}

/** Converts prompt-module messages to the AI SDK prompt shape. */
export function toProviderPrompt(messages: PromptMessage[]): LanguageModelV3Prompt {
  return messages.map((message) =>
    message.role === 'system'
      ? { role: 'system', content: message.content }
      : { role: message.role, content: [{ type: 'text', text: message.content }] },
  );
}

/** One provider call: its text, the tool calls it ended with, and how it ended. */
interface RoundOutcome extends GenerateOutcome {
  calls: LanguageModelV3ToolCall[];
}

/** Runs the model (and its tool rounds) and collects the reply, reporting each text delta as it arrives. */
export async function generateReply(options: GenerateOptions): Promise<GenerateOutcome> {
  const { tools } = options;
  const stopped = (): boolean => options.signal?.aborted === true;
  const prompt = toProviderPrompt(options.messages);
  const records: ToolCallRecord[] = [];
  let text = '';
  let usage: TurnUsage = { inputTokens: null, outputTokens: null };
  for (let round = 0; ; round += 1) {
    const offer =
      tools === undefined ? undefined : { tools: tools.definitions, last: round >= tools.maxRounds };
    // A later round continues the reply: keep it readable when the model starts without a space.
    let first = true;
    const onDelta = (delta: string): void => {
      const join = first && text !== '' && !/\s$/.test(text) && !/^\s/.test(delta) ? ' ' : '';
      first = false;
      text += join;
      options.onDelta?.(join + delta);
    };
    const outcome = await streamRound(options, prompt, offer, onDelta);
    text += outcome.text;
    usage = round === 0 ? outcome.usage : addUsage(usage, outcome.usage);
    const done = (finishReason = outcome.finishReason): GenerateOutcome => ({
      text,
      finishReason,
      usage,
      error: outcome.error,
      ...(tools === undefined ? {} : { toolCalls: records }),
    });
    if (tools === undefined || outcome.calls.length === 0 || outcome.error !== null) return done();
    if (outcome.finishReason === 'abort' || stopped()) return done('abort');
    if (offer?.last === true) {
      // Calls made although the tools were withdrawn are not run: the reply ends here.
      for (const call of outcome.calls)
        records.push({ round, name: call.toolName, ok: false, error: 'skipped' });
      return done(outcome.finishReason === 'other' ? 'stop' : outcome.finishReason);
    }
    const results: ToolResult[] = [];
    for (const call of outcome.calls) {
      const result = await tools.execute({ id: call.toolCallId, name: call.toolName, input: call.input });
      results.push(result);
      records.push(
        result.ok
          ? { round, name: result.name, ok: true, summary: result.summary }
          : { round, name: result.name, ok: false, error: result.error.code },
      );
    }
    if (stopped()) return done('abort');
    prompt.push(...toolMessages(outcome, results));
  }
}

/** The assistant's tool calls (with any text before them) and the tool results, for the next round. */
function toolMessages(outcome: RoundOutcome, results: ToolResult[]): LanguageModelV3Message[] {
  return [
    {
      role: 'assistant',
      content: [
        ...(outcome.text === '' ? [] : [{ type: 'text' as const, text: outcome.text }]),
        ...outcome.calls.map((call) => ({
          type: 'tool-call' as const,
          toolCallId: call.toolCallId,
          toolName: call.toolName,
          input: parsedOrRaw(call.input),
        })),
      ],
    },
    {
      role: 'tool',
      content: results.map((result) => ({
        type: 'tool-result' as const,
        toolCallId: result.callId,
        toolName: result.name,
        output: result.ok
          ? { type: 'json' as const, value: result.result }
          : { type: 'error-json' as const, value: { error: result.error } },
      })),
    },
  ];
}

/** The call's input as JSON when it parses (providers re-serialize it), else the raw text. */
function parsedOrRaw(input: string): unknown {
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

function addUsage(total: TurnUsage, next: TurnUsage): TurnUsage {
  const add = (a: number | null, b: number | null): number | null =>
    a === null && b === null ? null : (a ?? 0) + (b ?? 0);
  return {
    inputTokens: add(total.inputTokens, next.inputTokens),
    outputTokens: add(total.outputTokens, next.outputTokens),
  };
}

/** One provider call, streamed: text deltas reported as they come, tool calls collected. */
async function streamRound(
  options: GenerateOptions,
  prompt: LanguageModelV3Prompt,
  offer: { tools: LanguageModelV3FunctionTool[]; last: boolean } | undefined,
  onDelta: (delta: string) => void,
): Promise<RoundOutcome> {
  const { handle, signal } = options;
  let text = '';
  const calls: LanguageModelV3ToolCall[] = [];
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
  const call: LanguageModelV3CallOptions = {
    // A copy: the caller's prompt grows between rounds.
    prompt: [...prompt],
    maxOutputTokens: options.maxOutputTokens,
    temperature: options.temperature,
    seed: options.seed,
    abortSignal: providerAbort.signal,
    providerOptions: { starling: { sessionKey: options.sessionKey } },
    ...(offer === undefined
      ? {}
      : {
          tools: offer.tools,
          toolChoice: offer.last ? { type: 'none' as const } : { type: 'auto' as const },
        }),
  };
  try {
    const { stream } = await raceStall(
      handle.model.doStream(call),
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
          onDelta(part.delta);
        } else if (part.type === 'tool-call') {
          calls.push(part);
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
    if (aborted()) return { text, calls, finishReason: 'abort', usage, error: null };
    if (stalled) return { text, calls, finishReason: 'error', usage, error: stallError() };
    if (StarlingError.isInstance(error) && error.code === 'model_timeout') {
      return { text, calls, finishReason: 'error', usage, error };
    }
    const wrapped = new StarlingError('model_failed', `the model ${handle.name} failed: ${describe(error)}`, {
      cause: error,
    });
    return { text, calls, finishReason: 'error', usage, error: wrapped };
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
  }
  if (aborted()) finishReason = 'abort';
  return { text, calls, finishReason, usage, error: null };
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
