/**
 * RM3 pseudo-relevance feedback (Abdul-Jaleel et al., 2004): the words that dominate the best
 * first-pass documents are added to the question, so "Where did she move from?" also looks for the
 * country named in the turns that matched. A small weight keeps the question itself in charge.
 */
import type { Bm25 } from './bm25.js';
import { isSpecialToken, type TermBag } from './documents.js';
import type { FeedbackOptions } from './options.js';
import type { Hit } from './top-k.js';

/** Mixes the query with the relevance model of the top hits: (1 - w) * query + w * expansion. */
export function expandQuery(
  query: TermBag,
  hits: readonly Hit[],
  index: Bm25,
  options: FeedbackOptions,
): TermBag {
  const top = hits.slice(0, options.documents);
  const totalScore = top.reduce((sum, hit) => sum + hit.score, 0);
  if (top.length === 0 || totalScore <= 0 || options.weight <= 0) return query;
  const model = new Map<string, number>();
  for (const hit of top) {
    const length = index.lengthOf(hit.doc) || 1;
    for (const [term, weight] of index.termsOf(hit.doc)) {
      if (isSpecialToken(term)) continue;
      model.set(term, (model.get(term) ?? 0) + (hit.score / totalScore) * (weight / length));
    }
  }
  const expansion = [...model].sort((first, second) => second[1] - first[1]).slice(0, options.terms);
  const expansionTotal = expansion.reduce((sum, [, weight]) => sum + weight, 0);
  const queryTotal = [...query.values()].reduce((sum, weight) => sum + weight, 0);
  if (expansionTotal <= 0 || queryTotal <= 0) return query;
  // Both sides are scaled to the query's own mass so the first-pass scores stay comparable.
  const mixed: TermBag = new Map();
  for (const [term, weight] of query) mixed.set(term, weight * (1 - options.weight));
  for (const [term, weight] of expansion) {
    const added = (weight / expansionTotal) * queryTotal * options.weight;
    mixed.set(term, (mixed.get(term) ?? 0) + added);
  }
  return mixed;
}
