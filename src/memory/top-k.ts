/** Selects the best `limit` documents from a score table without sorting every candidate. */

export interface Hit {
  doc: number;
  score: number;
}

/** The `limit` highest-scoring of `candidates[0..count)`, best first; ties go to the newer (higher) doc. */
export function topK(candidates: Int32Array, count: number, scores: Float64Array, limit: number): Hit[] {
  const heap: Hit[] = [];
  for (let index = 0; index < count; index += 1) {
    const doc = candidates[index] ?? 0;
    const score = scores[doc] ?? 0;
    if (heap.length < limit) {
      heap.push({ doc, score });
      siftUp(heap, heap.length - 1);
    } else if (heap.length > 0 && better(score, doc, heap[0] as Hit)) {
      heap[0] = { doc, score };
      siftDown(heap, 0);
    }
  }
  return heap.sort((first, second) => (better(first.score, first.doc, second) ? -1 : 1));
}

function better(score: number, doc: number, other: Hit): boolean {
  return score > other.score || (score === other.score && doc > other.doc);
}

// A min-heap on (score, doc): the root is the weakest hit kept so far.
function siftUp(heap: Hit[], start: number): void {
  let child = start;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    const childHit = heap[child] as Hit;
    const parentHit = heap[parent] as Hit;
    if (!better(parentHit.score, parentHit.doc, childHit)) return;
    heap[child] = parentHit;
    heap[parent] = childHit;
    child = parent;
  }
}

function siftDown(heap: Hit[], start: number): void {
  let parent = start;
  for (;;) {
    let weakest = parent;
    for (const child of [2 * parent + 1, 2 * parent + 2]) {
      const childHit = heap[child];
      if (childHit !== undefined && !better(childHit.score, childHit.doc, heap[weakest] as Hit))
        weakest = child;
    }
    if (weakest === parent) return;
    const swap = heap[parent] as Hit;
    heap[parent] = heap[weakest] as Hit;
    heap[weakest] = swap;
    parent = weakest;
  }
}
