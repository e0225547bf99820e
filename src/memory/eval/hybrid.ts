/**
 * The memory eval with an embedder: the BM25 report (and its plain baseline) as without one, plus the
 * same questions asked of hybrid retrieval, BM25 fused with vector search by RRF as the engine does
 * (`hybridSearch`). The embedder sees every turn once and every question once; the time per query
 * includes embedding the question.
 */
import type { Embedder } from '../../spec/embedder.js';
import { createMemoryIndex } from '../memory-index.js';
import { DEFAULT_MEMORY_INDEX_OPTIONS } from '../options.js';
import type { MemoryIndex } from '../types.js';
import { hybridSearch } from '../vector-fusion.js';
import { createVectorIndex } from '../vector-index.js';
import {
  byCategory,
  evaluateConversations,
  figures,
  outcome,
  sessionItems,
  type EvalOptions,
  type EvalReport,
  type Outcome,
  type RecallFigures,
} from './evaluate.js';
import type { LocomoConversation } from './locomo-file.js';

export interface HybridFigures extends RecallFigures {
  /** The embedder's display name and vector-space id. */
  embedder: { name: string; id: string };
  byCategory: Record<string, RecallFigures & { name: string }>;
  /** Per question, embedding the question included. */
  msPerQuery: number;
  /** Per memory, for embedding the conversation turns. */
  embedMsPerMemory: number;
}

export interface HybridEvalReport extends EvalReport {
  hybrid: HybridFigures;
}

export interface HybridEvalOptions extends EvalOptions {
  embedder: Embedder;
  /** Texts per embedder call while indexing; default 32. */
  batchSize?: number;
}

/** Runs the eval with BM25 alone (and the baseline), then with BM25 fused with the embedder's vectors. */
export async function evaluateConversationsWithEmbedder(
  conversations: readonly LocomoConversation[],
  options: HybridEvalOptions,
): Promise<HybridEvalReport> {
  const report = evaluateConversations(conversations, options);
  const { embedder } = options;
  const batchSize = Math.max(1, options.batchSize ?? 32);
  const priors = { ...DEFAULT_MEMORY_INDEX_OPTIONS, ...options.index };
  const outcomes: Outcome[] = [];
  let queryMs = 0;
  let embedMs = 0;
  let memories = 0;
  for (const conversation of conversations) {
    const index = createMemoryIndex({ ...options.index });
    const items = conversation.sessions.flatMap((session) => sessionItems(session, options.captions ?? true));
    index.add(items);
    const started = performance.now();
    const vectors: Float32Array[] = [];
    for (let start = 0; start < items.length; start += batchSize) {
      vectors.push(...(await embedder.embed(items.slice(start, start + batchSize).map((item) => item.text))));
    }
    embedMs += performance.now() - started;
    memories += items.length;
    const space = createVectorIndex(vectors[0]?.length ?? 1, items.length);
    items.forEach((item, position) => space.add(item, vectors[position] as Float32Array));
    const now = (conversation.sessions.at(-1)?.timestamp ?? 0) + 86_400_000;
    for (const question of conversation.questions) {
      if (question.evidence.length === 0) continue;
      if (options.questionFilter && !options.questionFilter(question, conversation)) continue;
      const asked = performance.now();
      const [queryVector] = await embedder.embed([question.question]);
      // The outcome scorer asks an index; this one answers with the fused ranking.
      const fused: MemoryIndex = {
        size: index.size,
        add: index.add,
        remove: index.remove,
        search: (query) => hybridSearch(index, space, queryVector as Float32Array, query, priors),
      };
      outcomes.push(outcome(fused, question, options.k, now));
      queryMs += performance.now() - asked;
    }
  }
  return {
    ...report,
    hybrid: {
      embedder: { name: embedder.name, id: embedder.id },
      ...figures(outcomes),
      byCategory: byCategory(outcomes),
      msPerQuery: outcomes.length === 0 ? 0 : queryMs / outcomes.length,
      embedMsPerMemory: memories === 0 ? 0 : embedMs / memories,
    },
  };
}
