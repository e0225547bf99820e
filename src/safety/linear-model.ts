/** The trained part of the classifier: per-head logistic regression over hashed n-grams. */
import { featurize } from './features.js';
import type { LoadedWeights } from './weights/weights-format.js';

/** Scores a text: one probability per head, in the weights' head order. */
export interface LinearModel {
  heads: readonly string[];
  /** `normalized` has been through `normalizeText` (the moderator's rules read the same text). */
  score(normalized: string): Float32Array;
}

/** Wraps decoded weights as a scorer; the weights are read, never copied. */
export function createLinearModel(weights: LoadedWeights): LinearModel {
  const headCount = weights.heads.length;
  return {
    heads: weights.heads,
    score(normalized) {
      const vector = featurize(normalized, weights.buckets);
      const logits = new Float32Array(headCount);
      for (let index = 0; index < vector.indices.length; index += 1) {
        const row = (vector.indices[index] ?? 0) * headCount;
        const value = vector.values[index] ?? 0;
        for (let head = 0; head < headCount; head += 1)
          logits[head] = (logits[head] ?? 0) + (weights.table[row + head] ?? 0) * value;
      }
      for (let head = 0; head < headCount; head += 1) {
        const logit = (logits[head] ?? 0) * (weights.scales[head] ?? 0) + (weights.biases[head] ?? 0);
        logits[head] = 1 / (1 + Math.exp(-logit));
      }
      return logits;
    },
  };
}
