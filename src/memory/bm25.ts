/**
 * An incremental BM25 inverted index over weighted term bags. Postings are typed arrays grown by
 * doubling, so adding a document costs its own terms; a query touches only the postings of its
 * terms. Removal marks the document dead (its postings are skipped) and compacts once dead postings
 * outnumber live ones.
 */
import { topK, type Hit } from './top-k.js';

export interface Bm25Options {
  /** Term-frequency saturation (1.2 is the common default). */
  k1: number;
  /** Length normalisation (0.75 is the common default). */
  b: number;
}

export interface Bm25 {
  /** Adds a document (term -> weighted frequency) and returns its document number. */
  add(terms: ReadonlyMap<string, number>): number;
  /** Removes a document; its number is never reused. */
  remove(doc: number): void;
  /** The best `limit` live documents for a weighted query, best first. */
  search(query: ReadonlyMap<string, number>, limit: number): Hit[];
  /** A document's terms and weights (for feedback). */
  termsOf(doc: number): Array<[string, number]>;
  /** Weighted length of a document. */
  lengthOf(doc: number): number;
  /** Inverse document frequency of a term (0 when unknown). */
  idf(term: string): number;
  /** Live documents. */
  readonly size: number;
}

interface Postings {
  docs: Int32Array;
  weights: Float32Array;
  length: number;
}

/** Creates an empty BM25 index. */
export function createBm25(options: Bm25Options = { k1: 1.2, b: 0.75 }): Bm25 {
  const { k1, b } = options;
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const documentFrequency: number[] = [];
  const postings: Postings[] = [];
  const docTerms: Int32Array[] = [];
  const docWeights: Float32Array[] = [];
  let docLength = new Float64Array(1024);
  /** k1 * (1 - b + b * length / average), against `normAverage`; refreshed when the average drifts. */
  let docNorm = new Float64Array(1024);
  let normAverage = 0;
  let live = new Uint8Array(1024);
  let scores = new Float64Array(1024);
  let stamps = new Uint32Array(1024);
  let touched = new Int32Array(1024);
  let docCount = 0;
  let liveCount = 0;
  let totalLength = 0;
  let livePostings = 0;
  let deadPostings = 0;
  let epoch = 0;

  function ensureDocCapacity(): void {
    if (docCount < live.length) return;
    const size = live.length * 2;
    docLength = grow(docLength, new Float64Array(size));
    docNorm = grow(docNorm, new Float64Array(size));
    live = grow(live, new Uint8Array(size));
    scores = new Float64Array(size);
    stamps = new Uint32Array(size);
    touched = new Int32Array(size);
    epoch = 0;
  }

  function idfOf(id: number): number {
    const frequency = documentFrequency[id] ?? 0;
    if (frequency <= 0) return 0;
    return Math.log(1 + (liveCount - frequency + 0.5) / (frequency + 0.5));
  }

  function normFor(length: number): number {
    return k1 * (1 - b + (b * length) / (normAverage || 1));
  }

  /** Length norms follow the average length; recomputing them all is rare (2% drift) and linear. */
  function refreshNorms(): void {
    const average = liveCount === 0 ? 0 : totalLength / liveCount;
    if (normAverage > 0 && Math.abs(average - normAverage) <= 0.02 * normAverage) return;
    normAverage = average;
    for (let doc = 0; doc < docCount; doc += 1) docNorm[doc] = normFor(docLength[doc] ?? 0);
  }

  function compact(): void {
    for (const list of postings) {
      let kept = 0;
      for (let index = 0; index < list.length; index += 1) {
        const doc = list.docs[index] ?? 0;
        if (live[doc] !== 1) continue;
        list.docs[kept] = doc;
        list.weights[kept] = list.weights[index] ?? 0;
        kept += 1;
      }
      list.length = kept;
    }
    deadPostings = 0;
  }

  return {
    get size() {
      return liveCount;
    },
    add(terms) {
      ensureDocCapacity();
      const doc = docCount;
      docCount += 1;
      const ids = new Int32Array(terms.size);
      const weights = new Float32Array(terms.size);
      let length = 0;
      let slot = 0;
      for (const [term, weight] of terms) {
        if (!(weight > 0)) continue;
        let id = termIds.get(term);
        if (id === undefined) {
          id = termNames.length;
          termIds.set(term, id);
          termNames.push(term);
          documentFrequency.push(0);
          postings.push({ docs: new Int32Array(4), weights: new Float32Array(4), length: 0 });
        }
        const list = postings[id] as Postings;
        if (list.length === list.docs.length) {
          list.docs = grow(list.docs, new Int32Array(list.docs.length * 2));
          list.weights = grow(list.weights, new Float32Array(list.weights.length * 2));
        }
        list.docs[list.length] = doc;
        list.weights[list.length] = weight;
        list.length += 1;
        documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
        ids[slot] = id;
        weights[slot] = weight;
        slot += 1;
        length += weight;
      }
      docTerms[doc] = ids.subarray(0, slot);
      docWeights[doc] = weights.subarray(0, slot);
      docLength[doc] = length;
      docNorm[doc] = normFor(length);
      live[doc] = 1;
      liveCount += 1;
      totalLength += length;
      livePostings += slot;
      return doc;
    },
    remove(doc) {
      if (live[doc] !== 1) return;
      live[doc] = 0;
      liveCount -= 1;
      totalLength -= docLength[doc] ?? 0;
      const ids = docTerms[doc] ?? new Int32Array(0);
      for (const id of ids) documentFrequency[id] = (documentFrequency[id] ?? 1) - 1;
      livePostings -= ids.length;
      deadPostings += ids.length;
      if (deadPostings > livePostings) compact();
    },
    search(query, limit) {
      if (liveCount === 0 || limit <= 0) return [];
      epoch += 1;
      let count = 0;
      refreshNorms();
      for (const [term, queryWeight] of query) {
        const id = termIds.get(term);
        if (id === undefined) continue;
        const idf = idfOf(id);
        if (idf <= 0) continue;
        const list = postings[id] as Postings;
        const factor = queryWeight * idf * (k1 + 1);
        for (let index = 0; index < list.length; index += 1) {
          const doc = list.docs[index] as number;
          if (live[doc] !== 1) continue;
          const frequency = list.weights[index] as number;
          const score = (factor * frequency) / (frequency + (docNorm[doc] as number));
          if (stamps[doc] === epoch) scores[doc] = (scores[doc] as number) + score;
          else {
            stamps[doc] = epoch;
            scores[doc] = score;
            touched[count] = doc;
            count += 1;
          }
        }
      }
      return topK(touched, count, scores, limit);
    },
    termsOf(doc) {
      const ids = docTerms[doc] ?? new Int32Array(0);
      const weights = docWeights[doc] ?? new Float32Array(0);
      return Array.from(ids, (id, index) => [termNames[id] ?? '', weights[index] ?? 0]);
    },
    lengthOf: (doc) => docLength[doc] ?? 0,
    idf(term) {
      const id = termIds.get(term);
      return id === undefined ? 0 : idfOf(id);
    },
  };
}

function grow<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
