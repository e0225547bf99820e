/** The embedded llama.cpp chat model as an AI SDK `LanguageModelV3`. */
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
  SharedV3ProviderMetadata,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type { ChatWrapper, Llama, LlamaModel } from 'node-llama-cpp';
import { StarlingError } from '../../spec/errors.js';
import { resolveCallOptions } from './llama-call-options.js';
import { streamGeneration } from './llama-generation.js';
import { toChatHistory } from './llama-prompt.js';
import type { SerialQueue } from './serial-queue.js';
import type { SessionSequences } from './session-sequences.js';

export interface LlamaLanguageModelParts {
  llama: Llama;
  model: LlamaModel;
  chatWrapper: ChatWrapper;
  sessions: SessionSequences;
  queue: SerialQueue;
  isDisposed: () => boolean;
}

export class LlamaLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'starling.llama';
  readonly supportedUrls: Record<string, RegExp[]> = {};

  constructor(
    readonly modelId: string,
    private readonly parts: LlamaLanguageModelParts,
  ) {}

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    if (this.parts.isDisposed()) {
      throw new StarlingError(
        'model_disposed',
        `The embedded model "${this.modelId}" was disposed; open it again.`,
      );
    }
    const { history, warnings: promptWarnings } = toChatHistory(options.prompt);
    const { settings, warnings } = await resolveCallOptions(this.parts.llama, options);
    const stream = streamGeneration({
      model: this.parts.model,
      chatWrapper: this.parts.chatWrapper,
      sessions: this.parts.sessions,
      queue: this.parts.queue,
      history,
      settings,
      warnings: [...promptWarnings, ...warnings],
      abortSignal: options.abortSignal,
    });
    return { stream };
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { stream } = await this.doStream(options);
    let text = '';
    let warnings: SharedV3Warning[] = [];
    let finishReason: LanguageModelV3FinishReason = { unified: 'other', raw: undefined };
    let usage: LanguageModelV3Usage | undefined;
    let providerMetadata: SharedV3ProviderMetadata | undefined;
    for await (const part of stream) {
      if (part.type === 'stream-start') warnings = part.warnings;
      else if (part.type === 'text-delta') text += part.delta;
      else if (part.type === 'error') throw part.error;
      else if (part.type === 'finish') {
        finishReason = part.finishReason;
        usage = part.usage;
        providerMetadata = part.providerMetadata;
      }
    }
    const content: LanguageModelV3Content[] = text.length > 0 ? [{ type: 'text', text }] : [];
    return {
      content,
      finishReason,
      usage: usage ?? {
        inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: undefined, text: undefined, reasoning: undefined },
      },
      providerMetadata,
      warnings,
    };
  }
}
