/** The baseline the eval reports beside Starling: plain BM25 over raw turns, lowercase word split only. */
import { createBm25 } from '../bm25.js';
import type { MemoryIndex, MemoryItem, ScoredItem } from '../types.js';

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const match of text.toLowerCase().matchAll(WORD)) bag.set(match[0], (bag.get(match[0]) ?? 0) + 1);
  return bag;
}

/** A plain BM25 index (k1 1.2, b 0.75) with no analysis, context, time or re-ranking. */
export function createPlainBm25Index(): MemoryIndex {
  const bm25 = createBm25({ k1: 1.2, b: 0.75 });
  const items: MemoryItem[] = [];
  const docs = new Map<string, number>();
  return {
    get size() {
      return bm25.size;
    },
    add(added) {
      for (const item of added) {
        const doc = bm25.add(words(item.text));
        items[doc] = item;
        docs.set(item.id, doc);
      }
    },
    remove(ids) {
      for (const id of ids) {
        const doc = docs.get(id);
        if (doc !== undefined) bm25.remove(doc);
        docs.delete(id);
      }
    },
    search(query): ScoredItem[] {
      return bm25
        .search(words(query.text), query.k)
        .map((hit) => ({ item: items[hit.doc] as MemoryItem, score: hit.score }));
    },
  };
}
