/**
 * Writes a random-weights llama-architecture GGUF (v3) from scratch, for tests and benchmarks:
 * real llama.cpp loads, tokenizes, templates and generates with it (gibberish, at real speed).
 * Tensors are generated and written one chunk at a time, so memory stays bounded.
 */
import { open } from 'node:fs/promises';
import {
  GgmlType,
  encodeGgufHeader,
  tensorByteLength,
  encodeFloat16,
  type GgufTensorInfo,
  type GgufValue,
} from './gguf-encoding.js';
import { buildTinyVocabulary, chatMlTemplate } from './tiny-vocabulary.js';

export interface TinyModelOptions {
  /** `llama.context_length`; default 16384. */
  context?: number;
  /** `tiny`: ~4M parameters (tests); `medium`: ~50M parameters (benchmarks). */
  size?: 'tiny' | 'medium';
  /** Seed for the weights; the same seed writes the same file. */
  seed?: number;
}

export interface TinyModelResult {
  path: string;
  parameters: number;
  bytes: number;
}

interface Shape {
  embedding: number;
  blocks: number;
  feedForward: number;
  heads: number;
  kvHeads: number;
}

const shapes: Record<'tiny' | 'medium', Shape> = {
  tiny: { embedding: 256, blocks: 4, feedForward: 768, heads: 4, kvHeads: 2 },
  medium: { embedding: 640, blocks: 10, feedForward: 1792, heads: 10, kvHeads: 5 },
};

const alignment = 32;
const chunkElements = 1 << 16;

/** Deterministic 32-bit PRNG (mulberry32), returning floats in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function tensorList(shape: Shape, vocabularySize: number): GgufTensorInfo[] {
  const headDimension = shape.embedding / shape.heads;
  const kvEmbedding = headDimension * shape.kvHeads;
  const { embedding, feedForward } = shape;
  const tensors: GgufTensorInfo[] = [
    { name: 'token_embd.weight', dims: [embedding, vocabularySize], type: GgmlType.f16 },
    { name: 'output_norm.weight', dims: [embedding], type: GgmlType.f32 },
    { name: 'output.weight', dims: [embedding, vocabularySize], type: GgmlType.f16 },
  ];
  for (let block = 0; block < shape.blocks; block += 1) {
    const prefix = `blk.${block}.`;
    tensors.push(
      { name: `${prefix}attn_norm.weight`, dims: [embedding], type: GgmlType.f32 },
      { name: `${prefix}attn_q.weight`, dims: [embedding, embedding], type: GgmlType.f16 },
      { name: `${prefix}attn_k.weight`, dims: [embedding, kvEmbedding], type: GgmlType.f16 },
      { name: `${prefix}attn_v.weight`, dims: [embedding, kvEmbedding], type: GgmlType.f16 },
      { name: `${prefix}attn_output.weight`, dims: [embedding, embedding], type: GgmlType.f16 },
      { name: `${prefix}ffn_norm.weight`, dims: [embedding], type: GgmlType.f32 },
      { name: `${prefix}ffn_gate.weight`, dims: [embedding, feedForward], type: GgmlType.f16 },
      { name: `${prefix}ffn_up.weight`, dims: [embedding, feedForward], type: GgmlType.f16 },
      { name: `${prefix}ffn_down.weight`, dims: [feedForward, embedding], type: GgmlType.f16 },
    );
  }
  return tensors;
}

function metadataFor(shape: Shape, context: number, size: string): Array<[string, GgufValue]> {
  const vocabulary = buildTinyVocabulary();
  return [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: `starling-test-${size}` }],
    ['general.alignment', { type: 'uint32', value: alignment }],
    ['llama.context_length', { type: 'uint32', value: context }],
    ['llama.embedding_length', { type: 'uint32', value: shape.embedding }],
    ['llama.block_count', { type: 'uint32', value: shape.blocks }],
    ['llama.feed_forward_length', { type: 'uint32', value: shape.feedForward }],
    ['llama.attention.head_count', { type: 'uint32', value: shape.heads }],
    ['llama.attention.head_count_kv', { type: 'uint32', value: shape.kvHeads }],
    ['llama.rope.dimension_count', { type: 'uint32', value: shape.embedding / shape.heads }],
    ['llama.rope.freq_base', { type: 'float32', value: 10000 }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: 1e-5 }],
    ['llama.vocab_size', { type: 'uint32', value: vocabulary.tokens.length }],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'string[]', value: vocabulary.tokens }],
    ['tokenizer.ggml.scores', { type: 'float32[]', value: vocabulary.scores }],
    ['tokenizer.ggml.token_type', { type: 'int32[]', value: vocabulary.types }],
    ['tokenizer.ggml.bos_token_id', { type: 'uint32', value: vocabulary.bosId }],
    ['tokenizer.ggml.eos_token_id', { type: 'uint32', value: vocabulary.imEndId }],
    ['tokenizer.ggml.unknown_token_id', { type: 'uint32', value: vocabulary.unknownId }],
    ['tokenizer.ggml.padding_token_id', { type: 'uint32', value: vocabulary.eosId }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: false }],
    ['tokenizer.ggml.add_space_prefix', { type: 'bool', value: false }],
    ['tokenizer.chat_template', { type: 'string', value: chatMlTemplate }],
  ];
}

function fillChunk(tensor: GgufTensorInfo, count: number, random: () => number, scale: number): Buffer {
  const values = new Float32Array(count);
  if (tensor.dims.length === 1)
    values.fill(1); // norm weights
  else for (let index = 0; index < count; index += 1) values[index] = (random() * 2 - 1) * scale;
  if (tensor.type === GgmlType.f16) return encodeFloat16(values);
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Writes a random-weights llama GGUF to `outPath` and reports its parameter count and size. */
export async function writeTinyModel(
  outPath: string,
  options: TinyModelOptions = {},
): Promise<TinyModelResult> {
  const size = options.size ?? 'tiny';
  const shape = shapes[size];
  const context = options.context ?? 16384;
  const random = createRandom(options.seed ?? 42);
  const vocabularySize = buildTinyVocabulary().tokens.length;
  const tensors = tensorList(shape, vocabularySize);
  const { header, offsets } = encodeGgufHeader(metadataFor(shape, context, size), tensors, alignment);

  const file = await open(outPath, 'w');
  let parameters = 0;
  let position = 0;
  try {
    await file.write(header);
    position = header.length;
    for (const [index, tensor] of tensors.entries()) {
      const start = header.length + (offsets[index] ?? 0);
      if (start > position) await file.write(Buffer.alloc(start - position));
      const elements = tensor.dims.reduce((product, dim) => product * dim, 1);
      // Scale by fan-in so activations stay near unit size through the random layers.
      const scale = 1 / Math.sqrt(tensor.dims[0] ?? 1);
      for (let done = 0; done < elements; done += chunkElements) {
        await file.write(fillChunk(tensor, Math.min(chunkElements, elements - done), random, scale));
      }
      position = start + tensorByteLength(tensor);
      parameters += elements;
    }
  } finally {
    await file.close();
  }
  return { path: outPath, parameters, bytes: position };
}
