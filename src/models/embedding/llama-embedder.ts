/**
 * An embedder over a local GGUF embedding model through node-llama-cpp's embedding context. Texts
 * are embedded one at a time on one serial queue, so a query's embedding waits for at most the one
 * text a background job is embedding, never for the rest of its batch. CPU threads default to the
 * machine's math cores, as for chat models.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { LlamaEmbeddingContext, LlamaModel } from 'node-llama-cpp';
import type { Embedder, EmbedOptions } from '../../spec/embedder.js';
import { StarlingError } from '../../spec/errors.js';
import { loadLlamaBinding } from '../llama/llama-binding.js';
import { SerialQueue } from '../llama/serial-queue.js';

export interface LlamaEmbedderOptions {
  modelPath: string;
  /** Display name; default: the file name. */
  name?: string;
  /** CPU threads; default: the machine's math cores. */
  threads?: number;
  /** Tokens per text (longer texts are cut); default: the model's training context, at most 2048. */
  contextSize?: number;
}

const defaultMaxContext = 2048;
/** Room for the beginning and end tokens node-llama-cpp adds, and one spare. */
const reservedTokens = 3;

async function fileSize(modelPath: string): Promise<number> {
  try {
    return (await stat(modelPath)).size;
  } catch (error) {
    throw new StarlingError('model_file_not_found', `GGUF embedding model not found: ${modelPath}`, {
      cause: error,
      details: { modelPath },
    });
  }
}

/** Loads a GGUF as an embedder; its id changes with the file (name and size). */
export async function loadLlamaEmbedder(options: LlamaEmbedderOptions): Promise<Embedder> {
  const size = await fileSize(options.modelPath);
  const llama = await loadLlamaBinding();
  let model: LlamaModel;
  try {
    model = await llama.loadModel({ modelPath: options.modelPath });
  } catch (error) {
    throw new StarlingError(
      'model_load_failed',
      `llama.cpp could not load ${options.modelPath}: ${String(error)}`,
      {
        cause: error,
        details: { modelPath: options.modelPath },
      },
    );
  }
  const contextSize = Math.min(model.trainContextSize, options.contextSize ?? defaultMaxContext);
  let context: LlamaEmbeddingContext;
  try {
    context = await model.createEmbeddingContext({
      contextSize,
      threads: options.threads ?? llama.cpuMathCores,
    });
  } catch (error) {
    await model.dispose();
    throw new StarlingError(
      'model_context_failed',
      `Could not create an embedding context for ${options.modelPath}: ${String(error)}`,
      { cause: error, details: { modelPath: options.modelPath } },
    );
  }
  const dimensions = model.embeddingVectorSize;
  const queue = new SerialQueue();
  let disposed = false;
  const name = options.name ?? basename(options.modelPath);

  async function embedOne(text: string): Promise<Float32Array> {
    if (disposed) throw new StarlingError('embedder_disposed', `embedder ${name} was disposed`);
    const tokens = model.tokenize(text).slice(0, Math.max(1, contextSize - reservedTokens));
    // An empty text has no tokens and no meaning: a zero vector matches nothing.
    if (tokens.length === 0) return new Float32Array(dimensions);
    let values: readonly number[];
    try {
      values = (await context.getEmbeddingFor(tokens)).vector;
    } catch (error) {
      throw new StarlingError('embedder_failed', `llama.cpp could not embed with ${name}: ${String(error)}`, {
        cause: error,
      });
    }
    if (values.length !== dimensions || !values.every((value) => Number.isFinite(value))) {
      throw new StarlingError(
        'embedder_response_invalid',
        `${name} gave a vector of ${values.length} values (expected ${dimensions} finite numbers)`,
        { details: { expected: dimensions, got: values.length } },
      );
    }
    return Float32Array.from(values);
  }

  return {
    id: `llama:${basename(options.modelPath)}:${size}`,
    name,
    async embed(texts: readonly string[], embedOptions: EmbedOptions = {}) {
      const vectors: Float32Array[] = [];
      const { signal } = embedOptions;
      for (const text of texts) {
        // Checked when the text's turn comes, so a query that gave up while queued costs nothing.
        vectors.push(
          await queue.run(() => {
            if (signal?.aborted) {
              throw new StarlingError('embedder_aborted', `embedding with ${name} was cancelled`, {
                cause: signal.reason,
              });
            }
            return embedOne(text);
          }),
        );
      }
      return vectors;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await queue.run(async () => {
        await context.dispose();
        await model.dispose();
      });
    },
  };
}
