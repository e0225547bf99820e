/** Opens a local GGUF with llama.cpp and returns it as a Starling chat model handle. */
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { resolveChatWrapper, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import type { ChatModelHandle } from '../../spec/model.js';
import { StarlingError } from '../../spec/errors.js';
import { loadLlamaBinding } from './llama-binding.js';
import { LlamaLanguageModel } from './llama-language-model.js';
import { createLlamaTokenCounter } from './llama-token-counter.js';
import { SerialQueue } from './serial-queue.js';
import { SessionSequences } from './session-sequences.js';

export interface LoadLlamaModelOptions {
  modelPath: string;
  /** Tokens per session sequence; default: the model's training context, at most 8192. */
  contextSize?: number;
  /** Display name; default: the file name. */
  name?: string;
  /** CPU threads; default: the machine's math cores (more threads than cores is far slower). */
  threads?: number;
  /** Sessions whose KV cache is kept at once (one sequence each); default 2. */
  sessions?: number;
}

const defaultMaxContext = 8192;

async function loadModelFile(modelPath: string): Promise<LlamaModel> {
  try {
    await access(modelPath);
  } catch (error) {
    throw new StarlingError('model_file_not_found', `GGUF model file not found: ${modelPath}`, {
      cause: error,
    });
  }
  const llama = await loadLlamaBinding();
  try {
    return await llama.loadModel({ modelPath });
  } catch (error) {
    throw new StarlingError('model_load_failed', `llama.cpp could not load ${modelPath}: ${String(error)}`, {
      cause: error,
      details: { modelPath },
    });
  }
}

/** Loads a GGUF model and a context with one KV-cache sequence per kept session. */
export async function loadLlamaModel(options: LoadLlamaModelOptions): Promise<ChatModelHandle> {
  const llama = await loadLlamaBinding();
  const model = await loadModelFile(options.modelPath);
  const sessionCount = Math.max(1, options.sessions ?? 2);
  let context: LlamaContext;
  try {
    context = await model.createContext({
      contextSize: options.contextSize ?? Math.min(model.trainContextSize, defaultMaxContext),
      sequences: sessionCount,
      threads: options.threads ?? llama.cpuMathCores,
    });
  } catch (error) {
    await model.dispose();
    throw new StarlingError(
      'model_context_failed',
      `Could not create a llama.cpp context for ${options.modelPath}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  const chatWrapper = resolveChatWrapper(model);
  const sequences = Array.from({ length: sessionCount }, () => context.getSequence());
  const sessions = new SessionSequences(sequences, chatWrapper);
  let disposed = false;
  const name = options.name ?? basename(options.modelPath);
  const languageModel = new LlamaLanguageModel(name, {
    llama,
    model,
    chatWrapper,
    sessions,
    queue: new SerialQueue(),
    isDisposed: () => disposed,
  });

  return {
    name,
    model: languageModel,
    tokenCounter: createLlamaTokenCounter(model, chatWrapper),
    contextSize: context.contextSize,
    // Function calling through the chat wrapper's syntax (docs/decisions/0018-memory-tools.md).
    toolCalls: true,
    async dispose() {
      if (disposed) return;
      disposed = true;
      sessions.dispose();
      await context.dispose();
      await model.dispose();
    },
  };
}
