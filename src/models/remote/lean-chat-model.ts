/**
 * A LanguageModelV3 for OpenAI-compatible chat endpoints whose `doStream` is a lean path: one HTTP
 * request, an incremental SSE parser and a shape check per chunk, feeding one ReadableStream of
 * parts. It covers text prompts and function tools (tool calls streamed as OpenAI `tool_calls`
 * fragments become `tool-input-*` parts and one `tool-call` per call at the end). Calls it does not
 * cover (non-text parts, response formats, foreign provider options) and `doGenerate` go to the AI
 * SDK's model, so behaviour stays the SDK's where speed does not matter.
 */
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { readChatChunk, type ChatUsage, type ToolCallDelta } from './chat-chunk.js';
import { coversCall, toChatMessages, toChatTools } from './lean-request.js';
import { createEventStreamParser } from './event-stream-parser.js';
import type { EventStreamTransport, OpenEventStream } from './post-event-stream.js';

export interface LeanChatModelOptions {
  /** The AI SDK model: `doGenerate` and the calls the lean path does not cover. */
  fallback: LanguageModelV3;
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8000/v1`. */
  baseUrl: string;
  /** Headers sent with every call (authorization). */
  headers: Record<string, string>;
  transport: EventStreamTransport;
}

/** Parts buffered before the response is paused (the engine reads as fast as they come). */
const partsHighWaterMark = 64;
const textId = 'text-0';
const reasoningId = 'reasoning-0';

/** Wraps an AI SDK OpenAI-compatible chat model with the lean streaming path. */
export function createLeanChatModel(options: LeanChatModelOptions): LanguageModelV3 {
  const { fallback } = options;
  return {
    specificationVersion: 'v3',
    provider: fallback.provider,
    modelId: fallback.modelId,
    supportedUrls: fallback.supportedUrls,
    doGenerate: (call) => fallback.doGenerate(call),
    doStream: (call) => (coversCall(call) ? streamLean(options, call) : fallback.doStream(call)),
  };
}

async function streamLean(
  options: LeanChatModelOptions,
  call: LanguageModelV3CallOptions,
): Promise<Awaited<ReturnType<LanguageModelV3['doStream']>>> {
  const body: Record<string, unknown> = {
    model: options.fallback.modelId,
    max_tokens: call.maxOutputTokens,
    temperature: call.temperature,
    top_p: call.topP,
    frequency_penalty: call.frequencyPenalty,
    presence_penalty: call.presencePenalty,
    stop: call.stopSequences,
    seed: call.seed,
    messages: toChatMessages(call.prompt),
    ...toChatTools(call),
    stream: true,
    stream_options: { include_usage: true },
  };
  const headers = { ...options.headers };
  for (const [name, value] of Object.entries(call.headers ?? {}))
    if (value !== undefined) headers[name] = value;

  let controller!: ReadableStreamDefaultController<LanguageModelV3StreamPart>;
  let response: OpenEventStream | null = null;
  let closed = false;
  let textOpen = false;
  let reasoningOpen = false;
  let metadataSent = false;
  let finishReason: LanguageModelV3FinishReason = { unified: 'other', raw: undefined };
  let usage: ChatUsage | null = null;
  /** Tool calls by stream index, assembled from their fragments. */
  const toolCalls = new Map<
    number,
    { id: string | null; name: string | null; input: string; started: boolean }
  >();

  const stream = new ReadableStream<LanguageModelV3StreamPart>(
    {
      start(start) {
        controller = start;
      },
      pull() {
        response?.resume();
      },
      cancel() {
        closed = true;
        response?.cancel();
      },
    },
    { highWaterMark: partsHighWaterMark },
  );
  const enqueue = (part: LanguageModelV3StreamPart): void => {
    if (closed) return;
    controller.enqueue(part);
    if ((controller.desiredSize ?? 1) <= 0) response?.pause();
  };
  const readToolCall = (delta: ToolCallDelta): void => {
    const call = toolCalls.get(delta.index) ?? { id: null, name: null, input: '', started: false };
    toolCalls.set(delta.index, call);
    call.id ??= delta.id;
    call.name ??= delta.name;
    call.input += delta.arguments;
    if (call.started) {
      if (delta.arguments !== '')
        enqueue({ type: 'tool-input-delta', id: call.id ?? '', delta: delta.arguments });
    } else if (call.id !== null && call.name !== null) {
      // Fragments that came before the id and name are sent with the start.
      call.started = true;
      enqueue({ type: 'tool-input-start', id: call.id, toolName: call.name });
      if (call.input !== '') enqueue({ type: 'tool-input-delta', id: call.id, delta: call.input });
    }
  };
  const finishToolCalls = (): void => {
    for (const [index, call] of [...toolCalls].sort((a, b) => a[0] - b[0])) {
      // A call without an id or name still reaches the caller, whose validation answers it.
      const id = call.id ?? `call_${index}`;
      if (!call.started) enqueue({ type: 'tool-input-start', id, toolName: call.name ?? '' });
      enqueue({ type: 'tool-input-end', id });
      enqueue({ type: 'tool-call', toolCallId: id, toolName: call.name ?? '', input: call.input });
    }
    toolCalls.clear();
  };
  const finish = (): void => {
    if (closed) return;
    if (textOpen) enqueue({ type: 'text-end', id: textId });
    if (reasoningOpen) enqueue({ type: 'reasoning-end', id: reasoningId });
    finishToolCalls();
    enqueue({ type: 'finish', finishReason, usage: convertUsage(usage) });
    closed = true;
    controller.close();
  };
  const fail = (error: unknown): void => {
    if (closed) return;
    closed = true;
    controller.error(error);
  };
  const failInStream = (error: unknown): void => {
    // A failure the server reports in-band is a part, as the AI SDK emits it; the stream then ends.
    enqueue({ type: 'error', error });
    finishReason = { unified: 'error', raw: undefined };
    finish();
    response?.cancel();
  };

  const parser = createEventStreamParser((data) => {
    if (closed) return;
    if (data === '[DONE]') return finish();
    const chunk = readChatChunk(data);
    if (chunk.type === 'error') return failInStream(new Error(chunk.message, { cause: chunk.raw }));
    if (chunk.type === 'invalid') return failInStream(new Error(chunk.message, { cause: chunk.raw }));
    if (!metadataSent) {
      metadataSent = true;
      enqueue({
        type: 'response-metadata',
        ...(chunk.id === null ? {} : { id: chunk.id }),
        ...(chunk.model === null ? {} : { modelId: chunk.model }),
        ...(chunk.created === null ? {} : { timestamp: new Date(chunk.created * 1000) }),
      });
    }
    if (chunk.reasoning !== '') {
      if (!reasoningOpen) enqueue({ type: 'reasoning-start', id: reasoningId });
      reasoningOpen = true;
      enqueue({ type: 'reasoning-delta', id: reasoningId, delta: chunk.reasoning });
    }
    if (chunk.content !== '') {
      if (reasoningOpen) enqueue({ type: 'reasoning-end', id: reasoningId });
      reasoningOpen = false;
      if (!textOpen) enqueue({ type: 'text-start', id: textId });
      textOpen = true;
      enqueue({ type: 'text-delta', id: textId, delta: chunk.content });
    }
    for (const delta of chunk.toolCalls) readToolCall(delta);
    if (chunk.finishReason !== null) finishReason = mapFinishReason(chunk.finishReason);
    if (chunk.usage !== null) usage = chunk.usage;
  });

  enqueue({ type: 'stream-start', warnings: [] });
  response = await options.transport(
    { url: `${options.baseUrl}/chat/completions`, headers, body, signal: call.abortSignal },
    {
      text: (text) => parser.push(text),
      end: () => {
        parser.end();
        // Servers that close without `[DONE]` still end the reply with what they sent.
        finish();
      },
      error: fail,
    },
  );
  return { stream, request: { body }, response: { headers: response.responseHeaders } };
}

function mapFinishReason(raw: string): LanguageModelV3FinishReason {
  switch (raw) {
    case 'stop':
      return { unified: 'stop', raw };
    case 'length':
      return { unified: 'length', raw };
    case 'content_filter':
      return { unified: 'content-filter', raw };
    case 'function_call':
    case 'tool_calls':
      return { unified: 'tool-calls', raw };
    default:
      return { unified: 'other', raw };
  }
}

/** Usage in the AI SDK's shape, computed as its OpenAI-compatible provider does. */
function convertUsage(usage: ChatUsage | null): LanguageModelV3Usage {
  if (usage === null) {
    return {
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  }
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  return {
    inputTokens: { total: prompt, noCache: prompt - cached, cacheRead: cached, cacheWrite: undefined },
    outputTokens: { total: completion, text: Math.max(0, completion - reasoning), reasoning },
    raw: usage as LanguageModelV3Usage['raw'],
  };
}
