/**
 * The embedding contract: texts in, one fixed-length vector per text out. Memory retrieval fuses a
 * vector ranking with BM25 when an embedder is configured (docs/decisions/0017-embeddings.md).
 */

export interface EmbedOptions {
  /** Cancels the call; an aborted call rejects and leaves nothing half-done. */
  signal?: AbortSignal;
}

export interface Embedder {
  /**
   * Identifies the vector space: stored vectors are kept per embedder id, so a different model (or
   * endpoint, or requested dimension) never mixes its vectors with another's.
   */
  readonly id: string;
  /** Display name: the model config's name or the GGUF file name. */
  readonly name: string;
  /**
   * One vector per text, in order, all of the same length. Rejects with a StarlingError (codes
   * `embedder_*`) on a bad answer, a failed call or a timeout; never resolves with partial output.
   */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array[]>;
  /** Frees native memory or connections. Safe to call twice. */
  dispose(): Promise<void>;
}
