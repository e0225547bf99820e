/** The tiny loader for the shipped weights: base64 int8 -> typed arrays, validated once. */
import { StarlingError } from '../../spec/errors.js';
import type { EncodedWeights, LoadedWeights } from './weights-format.js';

/** Decodes and checks an encoded weight file; throws `moderation_weights_invalid` on any mismatch. */
export function decodeWeights(encoded: EncodedWeights): LoadedWeights {
  const heads = encoded.heads.length;
  const bytes = Buffer.from(encoded.data, 'base64');
  const valid =
    encoded.format === 1 &&
    Number.isInteger(Math.log2(encoded.buckets)) &&
    encoded.scales.length === heads &&
    encoded.biases.length === heads &&
    bytes.length === encoded.buckets * heads;
  if (!valid) {
    throw new StarlingError(
      'moderation_weights_invalid',
      'the moderation weights do not match their header',
      {
        details: { buckets: encoded.buckets, heads, bytes: bytes.length },
      },
    );
  }
  return {
    buckets: encoded.buckets,
    heads: [...encoded.heads],
    scales: Float32Array.from(encoded.scales),
    biases: Float32Array.from(encoded.biases),
    table: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    trainedOn: encoded.trainedOn,
  };
}

/** Loads the weights that ship with the package (a generated module, so `tsc` carries it into dist). */
export async function loadBuiltinWeights(): Promise<LoadedWeights> {
  const module = await import('./moderation-weights.js');
  return decodeWeights(module.MODERATION_WEIGHTS);
}
