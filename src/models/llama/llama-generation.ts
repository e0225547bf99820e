/**
 * One generation on a session's sequence, as a stream of AI SDK V3 parts. An abort (caller signal
 * or stream cancel) ends the stream cleanly: `finish` with `{unified: 'other', raw: 'abort'}` after
 * the text produced so far. Other failures become an `error` part.
 */
import type {
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type { ChatHistoryItem, ChatWrapper, LlamaChatResponse, LlamaModel } from 'node-llama-cpp';
import { randomUUID } from 'node:crypto';
import { toStarlingError } from '../../spec/errors.js';
import type { LlamaGenerationSettings } from './llama-call-options.js';
import { createFunctionCallTracker } from './llama-function-calls.js';
import type { SerialQueue } from './serial-queue.js';
import type { SessionSequences } from './session-sequences.js';

export interface GenerationRequest {
  model: LlamaModel;
  chatWrapper: ChatWrapper;
  sessions: SessionSequences;
  queue: SerialQueue;
  history: ChatHistoryItem[];
  settings: LlamaGenerationSettings;
  warnings: SharedV3Warning[];
  abortSignal: AbortSignal | undefined;
}

/** Prompt accounting reported in `providerMetadata.starling` and usage. */
interface PromptAccount {
  promptTokens: number;
  reusedPromptTokens: number;
}

function finishReasonOf(
  stopReason: LlamaChatResponse['metadata']['stopReason'],
): LanguageModelV3FinishReason {
  switch (stopReason) {
    case 'eogToken':
    case 'stopGenerationTrigger':
    case 'customStopTrigger':
      return { unified: 'stop', raw: stopReason };
    case 'maxTokens':
      return { unified: 'length', raw: stopReason };
    case 'functionCalls':
      return { unified: 'tool-calls', raw: stopReason };
    case 'abort':
      return { unified: 'other', raw: 'abort' };
  }
}

function usageOf(account: PromptAccount, outputTokens: number): LanguageModelV3Usage {
  return {
    inputTokens: {
      total: account.promptTokens,
      noCache: account.promptTokens - account.reusedPromptTokens,
      cacheRead: account.reusedPromptTokens,
      cacheWrite: undefined,
    },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}

/** Starts the generation and returns its stream of parts. */
export function streamGeneration(request: GenerationRequest): ReadableStream<LanguageModelV3StreamPart> {
  const abort = new AbortController();
  const onCallerAbort = (): void => abort.abort(request.abortSignal?.reason);
  request.abortSignal?.addEventListener('abort', onCallerAbort, { once: true });
  if (request.abortSignal?.aborted === true) abort.abort(request.abortSignal.reason);

  // Closed by the end of the run or by a consumer's cancel; nothing is enqueued or closed after.
  let open = true;
  return new ReadableStream<LanguageModelV3StreamPart>({
    start(controller) {
      const emit = (part: LanguageModelV3StreamPart): void => {
        if (open) controller.enqueue(part);
      };
      const close = (): void => {
        request.abortSignal?.removeEventListener('abort', onCallerAbort);
        if (open) controller.close();
        open = false;
      };
      void run(request, abort.signal, emit).then(close, (error: unknown) => {
        emit({ type: 'error', error: toStarlingError(error, 'model_generation_failed') });
        close();
      });
    },
    cancel() {
      open = false;
      abort.abort(new Error('stream cancelled'));
    },
  });
}

async function run(
  request: GenerationRequest,
  signal: AbortSignal,
  emit: (part: LanguageModelV3StreamPart) => void,
): Promise<void> {
  const { model, chatWrapper, settings } = request;
  emit({ type: 'stream-start', warnings: request.warnings });
  const textId = 'text-0';
  let textStarted = false;
  let outputTokens = 0;
  let account: PromptAccount = { promptTokens: 0, reusedPromptTokens: 0 };
  const functionCalls = createFunctionCallTracker();

  const result = await request.queue.run(async () => {
    const slot = await request.sessions.acquire(settings.sessionKey);
    const { contextText } = chatWrapper.generateContextState({
      chatHistory: request.history,
      ...(settings.functions === undefined ? {} : { availableFunctions: settings.functions }),
    });
    const promptTokens = contextText.tokenize(model.tokenizer);
    account = {
      promptTokens: promptTokens.length,
      reusedPromptTokens: slot.sequence.compareContextTokens(promptTokens).firstDifferentIndex,
    };
    if (signal.aborted) return undefined;
    try {
      const response = await slot.chat.generateResponse(request.history, {
        signal,
        stopOnAbortSignal: true,
        maxTokens: settings.maxTokens,
        temperature: settings.temperature,
        topP: settings.topP,
        topK: settings.topK,
        seed: settings.seed,
        customStopTriggers: settings.customStopTriggers,
        repeatPenalty: settings.repeatPenalty ?? false,
        // node-llama-cpp takes either a grammar or functions (responseFormat drops the tools).
        ...(settings.functions === undefined
          ? { grammar: settings.grammar }
          : { functions: settings.functions, ...functionCalls.callbacks }),
        onToken: (tokens) => {
          outputTokens += tokens.length;
        },
        onTextChunk: (chunk) => {
          if (chunk.length === 0) return;
          if (!textStarted) emit({ type: 'text-start', id: textId });
          textStarted = true;
          emit({ type: 'text-delta', id: textId, delta: chunk });
        },
      });
      return response.metadata.stopReason;
    } catch (error) {
      // An abort while the prompt is still being evaluated surfaces as a throw: same clean ending.
      if (signal.aborted) return undefined;
      if (functionCalls.keepInvalidCall(error)) return 'functionCalls' as const;
      throw error;
    }
  });

  if (textStarted) emit({ type: 'text-end', id: textId });
  // The parameters were generated under the schema's grammar; the caller validates them again.
  for (const call of functionCalls.calls) {
    emit({ type: 'tool-call', toolCallId: `call_${randomUUID()}`, toolName: call.name, input: call.input });
  }
  emit({
    type: 'finish',
    finishReason: result === undefined ? { unified: 'other', raw: 'abort' } : finishReasonOf(result),
    usage: usageOf(account, outputTokens),
    providerMetadata: {
      starling: {
        promptTokens: account.promptTokens,
        reusedPromptTokens: account.reusedPromptTokens,
        sessionKey: settings.sessionKey ?? null,
      },
    },
  });
}
