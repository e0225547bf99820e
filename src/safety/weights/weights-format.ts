/** The shipped weight file's shape: a dense int8 table (bucket-major, one column per head) in base64. */
export interface EncodedWeights {
  /** Format version; the loader refuses others. */
  format: 1;
  /** Hash buckets, a power of two. */
  buckets: number;
  /** Head names: the categories in CATEGORIES order, then `any` (harmful in any category). */
  heads: string[];
  /** Per-head dequantisation scale: weight = int8 * scale. */
  scales: number[];
  /** Per-head bias (logit offset). */
  biases: number[];
  /** How the weights were made (seed, data sizes), for the audit trail. */
  trainedOn: string;
  /** base64 of Int8Array(buckets * heads.length). */
  data: string;
}

/** Weights decoded for scoring. */
export interface LoadedWeights {
  buckets: number;
  heads: string[];
  scales: Float32Array;
  biases: Float32Array;
  table: Int8Array;
  trainedOn: string;
}
