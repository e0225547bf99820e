/** Adapts a memory index to the asynchronous `Retriever` interface, for fusion with vector retrievers. */
import type { MemoryIndex, Retriever } from './types.js';

/** Wraps a memory index as a retriever named `bm25`. */
export function createIndexRetriever(index: MemoryIndex, name = 'bm25'): Retriever {
  return {
    name,
    retrieve: (query, signal) => {
      signal?.throwIfAborted();
      return Promise.resolve(index.search(query));
    },
  };
}
