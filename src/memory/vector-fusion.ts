/**
 * Hybrid retrieval: the BM25 ranking (speaker and session re-ranking included, recency and
 * importance left out) and the vector ranking are fused by reciprocal rank fusion, then the recency
 * and importance priors are applied once to the fused list, on the same scale as the BM25 re-ranker
 * applies them (fused score normalised by the best, plus the priors).
 */
import { reciprocalRankFusion } from './fusion.js';
import type { MemoryIndexOptions } from './options.js';
import type { MemoryIndex, MemoryQuery, ScoredItem } from './types.js';
import type { VectorIndex } from './vector-index.js';

/** How deep each ranking is read before fusing. */
export const HYBRID_DEPTH = 50;

export type PriorOptions = Pick<
  MemoryIndexOptions,
  'recencyWeight' | 'recencyHalfLifeMs' | 'importanceWeight'
>;

/** Fuses two rankings by RRF and applies the priors; best `k` first. */
export function fuseRankings(
  lexical: readonly ScoredItem[],
  semantic: readonly ScoredItem[],
  query: { k: number; now: number },
  priors: PriorOptions,
): ScoredItem[] {
  const fused = reciprocalRankFusion([lexical, semantic]);
  const best = fused[0]?.score ?? 0;
  if (best <= 0) return [];
  const rescored = fused.map(({ item, score }) => {
    let final = score / best;
    if (priors.recencyWeight > 0) {
      const age = Math.max(0, query.now - item.timestamp);
      final += priors.recencyWeight * 0.5 ** (age / priors.recencyHalfLifeMs);
    }
    final += priors.importanceWeight * (item.importance ?? 0);
    return { item, score: final };
  });
  return rescored
    .sort((first, second) => second.score - first.score || first.item.id.localeCompare(second.item.id))
    .slice(0, query.k);
}

/** BM25 and vector search over one memory space, fused; `now` defaults to the newest candidate's time. */
export function hybridSearch(
  index: MemoryIndex,
  vectors: VectorIndex,
  queryVector: Float32Array,
  query: MemoryQuery,
  priors: PriorOptions,
  depth = HYBRID_DEPTH,
): ScoredItem[] {
  if (query.k <= 0) return [];
  const pool = Math.max(depth, query.k);
  const lexical = index.search({ ...query, k: pool, priors: false });
  const semantic = vectors.search(queryVector, pool);
  const newest = Math.max(0, ...[...lexical, ...semantic].map((hit) => hit.item.timestamp));
  return fuseRankings(lexical, semantic, { k: query.k, now: query.now ?? newest }, priors);
}
