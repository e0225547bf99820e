/**
 * Stored memory vectors: one per (memory, embedder). A vector belongs to the text it was computed
 * from: forgetting, editing, superseding or deleting the memory removes it (a later job embeds the
 * new text). Part of `Store`; conformance suite `src/store/contract-embeddings.ts`.
 */
import type { MemoryRecord } from './memory-store.js';

export interface MemoryEmbedding {
  memoryId: string;
  embedderId: string;
  dims: number;
  vector: Float32Array;
  /** When it was stored (the store's clock); catch-up reads vectors stored after a time. */
  createdAt: number;
}

/** A vector to store for a memory as it was at `memoryUpdatedAt`. */
export interface MemoryEmbeddingDraft {
  memoryId: string;
  embedderId: string;
  vector: Float32Array;
  /**
   * The memory's `updatedAt` when its text was read for embedding. The vector is stored only if
   * the memory is unchanged and live, so an edit racing the embedding never leaves a stale vector.
   */
  memoryUpdatedAt: number;
}

export interface MemoryEmbeddingQuery {
  ownerId: string;
  characterId: string;
  embedderId: string;
  /** Only vectors stored after this time (Unix ms, the store's clock). */
  storedSince?: number;
}

export interface MemoryEmbeddingStore {
  /** Stores vectors (replacing one the same embedder made before); returns how many were stored. */
  put(drafts: MemoryEmbeddingDraft[]): Promise<number>;
  /** Vectors of live memories (not forgotten, not superseded) of one memory space, oldest first. */
  list(query: MemoryEmbeddingQuery): Promise<MemoryEmbedding[]>;
  /** Live memories of one space that have no vector from this embedder yet, oldest first. */
  missing(query: {
    ownerId: string;
    characterId: string;
    embedderId: string;
    limit: number;
  }): Promise<MemoryRecord[]>;
  /** Deletes every vector an embedder made (e.g. after switching models); returns how many. */
  deleteEmbedder(embedderId: string): Promise<number>;
}
