/**
 * An embedder over an OpenAI-compatible `POST {baseUrl}/embeddings` (OpenAI, DashScope, Ollama, vLLM,
 * llama-server …). Plain fetch: one JSON request per batch, each bounded by a timeout, and every
 * answer checked (count, order, dimension, numbers) before a vector is handed out.
 *
 * Error codes: `embedder_timeout` (no full answer in time), `embedder_unreachable` (connection
 * failed), `embedder_http_error` (non-2xx; `details.status`, `details.retryable`),
 * `embedder_response_invalid` (not JSON, wrong shape, wrong count, wrong or changing dimension,
 * non-finite numbers), `embedder_aborted` (the caller's signal).
 */
import { z } from 'zod';
import type { Embedder, EmbedOptions } from '../../spec/embedder.js';
import { StarlingError } from '../../spec/errors.js';

export interface RemoteEmbedderOptions {
  /** Display name (the model config's name). */
  name: string;
  /** Base URL up to `/v1` (the request goes to `<baseUrl>/embeddings`). */
  baseUrl: string;
  /** The endpoint's model id. */
  model: string;
  apiKey?: string;
  /** Ask for this many dimensions (OpenAI's `dimensions`); answers of another length are refused. */
  dimensions?: number;
  /** Texts per request; default 64. */
  batchSize?: number;
  /**
   * Each text is clipped to this many characters before it is sent; default 1,000 (about 250-700
   * tokens, inside a small embedder's 512-token window for most chat lines). One over-long memory
   * must not make the endpoint refuse every batch it is in.
   */
  maxInputChars?: number;
  /** Per-request limit in milliseconds; default 30,000. */
  timeoutMs?: number;
  /** Injected fetch (tests, proxies). */
  fetch?: typeof fetch;
}

const answerShape = z.object({
  data: z.array(
    z.object({
      index: z.number().int().nonnegative().optional(),
      embedding: z.array(z.unknown()),
    }),
  ),
});

/** Longest server error text kept in a message. */
const maxErrorText = 500;

function invalid(url: string, message: string, details: Record<string, unknown> = {}): StarlingError {
  return new StarlingError('embedder_response_invalid', `${url}: ${message}`, {
    details: { url, ...details },
  });
}

/** Creates the remote embedder; nothing is sent until `embed` is called. */
export function createRemoteEmbedder(options: RemoteEmbedderOptions): Embedder {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 64));
  const maxInputChars = Math.max(1, Math.floor(options.maxInputChars ?? 1000));
  const timeoutMs = Math.max(1, options.timeoutMs ?? 30_000);
  const fetchImpl = options.fetch ?? fetch;
  let dimensions = options.dimensions;

  async function post(texts: readonly string[], signal: AbortSignal | undefined): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
    const body: Record<string, unknown> = { model: options.model, input: texts, encoding_format: 'float' };
    if (options.dimensions !== undefined) body['dimensions'] = options.dimensions;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.apiKey !== undefined) headers['authorization'] = `Bearer ${options.apiKey}`;
    let text: string;
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: combined,
      });
      text = await response.text();
      if (!response.ok) {
        const status = response.status;
        throw new StarlingError(
          'embedder_http_error',
          `${url} answered ${status}: ${text.slice(0, maxErrorText) || response.statusText}`,
          { details: { url, status, retryable: status === 408 || status === 429 || status >= 500 } },
        );
      }
    } catch (error) {
      if (StarlingError.isInstance(error)) throw error;
      if (signal?.aborted) {
        throw new StarlingError('embedder_aborted', `embedding call to ${url} was cancelled`, {
          cause: error,
          details: { url },
        });
      }
      if (timeout.aborted) {
        throw new StarlingError('embedder_timeout', `${url} sent no full answer within ${timeoutMs} ms`, {
          cause: error,
          details: { url, timeoutMs },
        });
      }
      throw new StarlingError('embedder_unreachable', `could not reach ${url}: ${String(error)}`, {
        cause: error,
        details: { url },
      });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw invalid(url, `the answer is not JSON: ${text.slice(0, 100)}`);
    }
  }

  function vectorsOf(answer: unknown, count: number): Float32Array[] {
    const parsed = answerShape.safeParse(answer);
    if (!parsed.success) throw invalid(url, 'the answer has no `data: [{embedding: [...]}]` list');
    const { data } = parsed.data;
    if (data.length !== count) {
      throw invalid(url, `sent ${count} texts, got ${data.length} embeddings`, {
        expected: count,
        got: data.length,
      });
    }
    // The first answer fixes the dimension unless the config did; within an answer all must agree.
    const expected = dimensions ?? data[0]?.embedding.length;
    const vectors: (Float32Array | undefined)[] = new Array<Float32Array | undefined>(count);
    data.forEach((entry, position) => {
      const index = entry.index ?? position;
      if (index >= count || vectors[index] !== undefined)
        throw invalid(url, `bad or repeated index ${index}`);
      const values = entry.embedding;
      if (values.length === 0) throw invalid(url, `embedding ${index} is empty`);
      if (values.length !== expected) {
        throw invalid(url, `embedding ${index} has ${values.length} dimensions, expected ${expected}`, {
          expected,
          got: values.length,
        });
      }
      const vector = new Float32Array(values.length);
      values.forEach((value, at) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw invalid(url, `embedding ${index} holds a non-number at ${at}`);
        }
        vector[at] = value;
      });
      vectors[index] = vector;
    });
    dimensions = expected;
    return vectors.filter((vector): vector is Float32Array => vector !== undefined);
  }

  return {
    id: `openai-compatible:${url}:${options.model}${options.dimensions === undefined ? '' : `:${options.dimensions}`}`,
    name: options.name,
    async embed(texts: readonly string[], embedOptions: EmbedOptions = {}) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        if (embedOptions.signal?.aborted) {
          throw new StarlingError('embedder_aborted', `embedding call to ${url} was cancelled`, {
            cause: embedOptions.signal.reason,
            details: { url },
          });
        }
        const batch = texts.slice(start, start + batchSize).map((text) => text.slice(0, maxInputChars));
        vectors.push(...vectorsOf(await post(batch, embedOptions.signal), batch.length));
      }
      return vectors;
    },
    async dispose() {},
  };
}
