/**
 * Reciprocal rank fusion (Cormack et al., 2009): score = sum over rankings of 1 / (c + rank). It needs
 * no score calibration between retrievers, which is why BM25 and vector rankings are fused with it.
 */
import type { MemoryQuery, Retriever, ScoredItem } from './types.js';

/** The conventional RRF constant; larger values flatten the advantage of top ranks. */
export const RRF_CONSTANT = 60;

/** Fuses ranked lists by reciprocal rank; `weights` scale each list (default 1). Best first. */
export function reciprocalRankFusion(
  rankings: readonly (readonly ScoredItem[])[],
  options: { constant?: number; weights?: readonly number[]; k?: number } = {},
): ScoredItem[] {
  const constant = options.constant ?? RRF_CONSTANT;
  const fused = new Map<string, ScoredItem>();
  rankings.forEach((ranking, list) => {
    const weight = options.weights?.[list] ?? 1;
    ranking.forEach((hit, index) => {
      const contribution = weight / (constant + index + 1);
      const seen = fused.get(hit.item.id);
      fused.set(hit.item.id, { item: hit.item, score: (seen?.score ?? 0) + contribution });
    });
  });
  const ordered = [...fused.values()].sort(
    (first, second) => second.score - first.score || first.item.id.localeCompare(second.item.id),
  );
  return options.k === undefined ? ordered : ordered.slice(0, options.k);
}

/** A retriever that asks several retrievers (each for a deeper list) and fuses their rankings. */
export function createFusedRetriever(
  retrievers: readonly Retriever[],
  options: { depth?: number; weights?: readonly number[] } = {},
): Retriever {
  return {
    name: `rrf(${retrievers.map((retriever) => retriever.name).join(',')})`,
    async retrieve(query: MemoryQuery, signal?: AbortSignal) {
      const depth = Math.max(query.k, options.depth ?? 50);
      const rankings = await Promise.all(
        retrievers.map((retriever) => retriever.retrieve({ ...query, k: depth }, signal)),
      );
      return reciprocalRankFusion(rankings, { weights: options.weights, k: query.k });
    },
  };
}
